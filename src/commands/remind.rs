//! `mestring remind`: one gentle line when today's check-in is not done or a habit is left,
//! and nothing when all is done, so it fits a shell's start-up file. `--notify` also shows it
//! as a desktop notification where a session bus is there (never an error where it is not);
//! `--install HH:MM` sets up a daily systemd user timer (or prints the crontab line), and
//! `--uninstall` removes it.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Env, Outcome, database_exists};
use crate::cli::RemindArgs;
use crate::store::Store;

const SERVICE: &str = "mestring-remind.service";
const TIMER: &str = "mestring-remind.timer";

pub fn run(args: &RemindArgs, env: &Env) -> Outcome {
    if let Some(at) = args.install {
        return install(at, env);
    }
    if args.uninstall {
        return uninstall(env);
    }
    if let Some(line) = reminder(env)? {
        println!("{line}");
        if args.notify {
            notify(&line);
        }
    }
    Ok(())
}

/// The line to show, or `None` when today's check-in is done and no habit is left.
fn reminder(env: &Env) -> Result<Option<String>, Box<dyn std::error::Error>> {
    let t = &env.lang.strings().urges;
    if !database_exists(env)? {
        return Ok(Some(t.remind_checkin.to_owned()));
    }
    let store = Store::open_read_only(&env.db_path)?;
    if store.checkin_on(env.clock.today())?.is_none() {
        return Ok(Some(t.remind_checkin.to_owned()));
    }
    let left = store.habits_today(env.clock.now())?.iter().filter(|h| h.open()).count();
    Ok((left > 0).then(|| t.remind_habits.replace("{n}", &left.to_string())))
}

/// A desktop notification over the session bus, if there is one. Whatever goes wrong (no bus,
/// no notification service) the line on stdout was the reminder; nothing fails.
#[cfg(all(feature = "notify", unix, not(target_os = "macos")))]
fn notify(line: &str) {
    let runtime_bus = std::env::var_os("XDG_RUNTIME_DIR").map(|d| Path::new(&d).join("bus"));
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || runtime_bus.is_some_and(|p| p.exists());
    if bus {
        let body = line.trim_start_matches("mestring: ");
        let _ = notify_rust::Notification::new().appname("mestring").summary("mestring").body(body).show();
    }
}

#[cfg(not(all(feature = "notify", unix, not(target_os = "macos"))))]
fn notify(_line: &str) {}

/// The command the timer or cron runs: this binary, on this data directory.
fn command_line(env: &Env) -> Result<String, Box<dyn std::error::Error>> {
    let exe = std::env::current_exe()?;
    let data_dir = env.db_path.parent().unwrap_or(Path::new("."));
    Ok(format!("{} --data-dir {} remind --notify", quoted(&exe), quoted(data_dir)))
}

fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().any(|c| c.is_whitespace() || c == '"') { format!("{text:?}") } else { text }
}

/// `systemctl --user` works here: systemd is there and runs a manager for this user.
fn user_systemd() -> bool {
    Command::new("systemctl")
        .args(["--user", "show-environment"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn unit_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(etcetera::base_strategy::Xdg::new().ok()?.config_dir().join("systemd").join("user"))
}

fn systemctl(args: &[&str]) -> Result<(), Box<dyn std::error::Error>> {
    let status = Command::new("systemctl").arg("--user").args(args).status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("systemctl --user {} failed ({status})", args.join(" ")).into())
    }
}

fn install(at: chrono::NaiveTime, env: &Env) -> Outcome {
    let t = &env.lang.strings().urges;
    let time = at.format("%H:%M").to_string();
    let command = command_line(env)?;
    let dir = unit_dir().filter(|_| user_systemd());
    let Some(dir) = dir else {
        println!("{}", t.remind_cron);
        // SAFETY: getuid cannot fail and has no side effects.
        let uid = unsafe { libc::getuid() };
        println!(
            "{} {} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{uid}/bus {command}",
            at.format("%M"),
            at.format("%H")
        );
        return Ok(());
    };
    let service = format!(
        "[Unit]\nDescription=mestring: a gentle line when today's check-in or a habit is left\n\n\
         [Service]\nType=oneshot\nExecStart={command}\n"
    );
    let timer = format!(
        "[Unit]\nDescription=mestring reminder at {time}\n\n[Timer]\nOnCalendar=*-*-* {time}:00\n\n\
         [Install]\nWantedBy=timers.target\n"
    );
    // Plain files in systemd's own directory, which may hold other units: nothing of ours to
    // keep private in them, and the directory's mode is not ours to change.
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(SERVICE), service)?;
    std::fs::write(dir.join(TIMER), timer)?;
    systemctl(&["daemon-reload"])?;
    systemctl(&["enable", "--now", TIMER])?;
    println!(
        "{}",
        t.remind_installed.replace("{time}", &time).replace("{path}", &dir.join(TIMER).display().to_string())
    );
    Ok(())
}

fn uninstall(env: &Env) -> Outcome {
    let t = &env.lang.strings().urges;
    let systemd = user_systemd();
    if systemd {
        // Not enabled (never installed, or already removed) is not a failure.
        let _ = systemctl(&["disable", "--now", TIMER]);
    }
    let mut removed = false;
    for name in [TIMER, SERVICE] {
        if let Some(path) = unit_dir().map(|d| d.join(name)) {
            match std::fs::remove_file(&path) {
                Ok(()) => removed = true,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", path.display()).into()),
            }
        }
    }
    if systemd {
        systemctl(&["daemon-reload"])?;
    }
    if removed || systemd {
        println!("{}", t.remind_removed);
    }
    if !systemd {
        println!("{}", t.remind_cron_remove);
    }
    Ok(())
}
