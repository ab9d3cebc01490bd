//! Where the passphrase comes from, as restic does it: a command (`--password-command`, or the
//! one given at `init`), a file (`MESTRING_PASSWORD_FILE`), the environment (`MESTRING_PASSWORD`),
//! or a prompt on the terminal without echo. It is never written anywhere.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use age::secrecy::SecretString;

pub const ENV: &str = "MESTRING_PASSWORD";
pub const ENV_FILE: &str = "MESTRING_PASSWORD_FILE";

#[derive(Debug, thiserror::Error)]
pub enum PassphraseError {
    #[error("no passphrase: set {ENV} or {ENV_FILE}, give --password-command, or run this in a terminal")]
    Missing,
    #[error("the passphrase is empty")]
    Empty,
    #[error("the two passphrases differ; nothing was changed")]
    Mismatch,
    #[error("{ENV_FILE} {path}: {source}")]
    File { path: String, source: std::io::Error },
    #[error("the password command `{command}` failed: {detail}")]
    Command { command: String, detail: String },
    #[error("reading the passphrase from the terminal: {0}")]
    Terminal(std::io::Error),
}

/// The passphrase from the first source that has one. `prompt` is shown on the terminal when no
/// other source has it; `again`, when given, asks a second time and insists on the same answer.
pub fn obtain(
    command: Option<&str>,
    prompt: Option<(&str, Option<&str>)>,
) -> Result<SecretString, PassphraseError> {
    let text = if let Some(command) = command {
        run(command)?
    } else if let Some(path) = std::env::var_os(ENV_FILE) {
        read_file(Path::new(&path))?
    } else if let Ok(text) = std::env::var(ENV) {
        text
    } else if let Some((question, again)) = prompt {
        let first = ask(question)?;
        if let Some(again) = again
            && ask(again)? != first
        {
            return Err(PassphraseError::Mismatch);
        }
        first
    } else {
        return Err(PassphraseError::Missing);
    };
    if text.is_empty() {
        return Err(PassphraseError::Empty);
    }
    Ok(SecretString::from(text))
}

/// Whether some source other than the prompt has a passphrase (for the TUI, which never asks).
pub fn available_without_prompt(command: Option<&str>) -> bool {
    command.is_some() || std::env::var_os(ENV_FILE).is_some() || std::env::var_os(ENV).is_some()
}

fn read_file(path: &Path) -> Result<String, PassphraseError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| PassphraseError::File { path: path.display().to_string(), source })?;
    Ok(first_line(text))
}

fn run(command: &str) -> Result<String, PassphraseError> {
    let fail = |detail: String| PassphraseError::Command { command: command.to_owned(), detail };
    let output = Command::new("sh")
        .args(["-c", command])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| fail(e.to_string()))?;
    if !output.status.success() {
        return Err(fail(output.status.to_string()));
    }
    String::from_utf8(output.stdout).map(first_line).map_err(|_| fail("its output is not UTF-8".into()))
}

/// A passphrase is one line: the newline a file or `echo` ends with is not part of it.
fn first_line(text: String) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

/// Asks on the controlling terminal with echo off, so the answer is neither shown nor kept
/// in the scrollback; stdin and stdout stay free for pipes.
fn ask(question: &str) -> Result<String, PassphraseError> {
    let tty = std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty");
    let Ok(mut tty) = tty else { return Err(PassphraseError::Missing) };
    use std::os::fd::AsRawFd;
    let fd = tty.as_raw_fd();
    // SAFETY: termios is plain data; tcgetattr fills it for an open descriptor.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return Err(PassphraseError::Missing);
    }
    let mut quiet = saved;
    quiet.c_lflag &= !libc::ECHO;
    quiet.c_lflag |= libc::ECHONL;
    // SAFETY: sets the attributes read above with echo off, on the same descriptor.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    let answer = (|| {
        write!(tty, "{question}")?;
        tty.flush()?;
        let mut line = String::new();
        std::io::BufReader::new(&tty).read_line(&mut line)?;
        Ok(line)
    })();
    // SAFETY: puts back what tcgetattr read.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    answer.map(first_line).map_err(PassphraseError::Terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_or_file_gives_its_first_line_and_a_failing_command_is_named() {
        use age::secrecy::ExposeSecret;
        let got = obtain(Some("printf 'hemmelig ord\\nnext'"), None).unwrap();
        assert_eq!(got.expose_secret(), "hemmelig ord");
        let err = obtain(Some("exit 3"), None).unwrap_err();
        assert!(err.to_string().contains("exit 3"), "{err}");
        assert!(matches!(obtain(Some("true"), None), Err(PassphraseError::Empty)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, "fra fil\n").unwrap();
        assert_eq!(read_file(&path).unwrap(), "fra fil");
    }
}
