//! Lines out, lines in. The plain mode never moves the cursor, clears, colours or switches
//! screens: it writes whole lines that stay in the scrollback, and reads whole lines that the
//! terminal (and a screen reader) echoed and let the person edit.

use std::io::Write;
use std::time::Instant;

use crate::event::{Event, Events};

/// The person ended the program: `q`, Ctrl-C, Ctrl-D, a signal, or a closed terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quit;

/// What a step of the conversation leads to: on, or the end of the program.
pub type Flow<T = ()> = Result<T, Quit>;

pub struct Console {
    events: Events,
    out: Box<dyn Write>,
    /// The output went away (a closed terminal, a pipe nobody reads): nothing is left to say.
    broken: bool,
}

impl Console {
    /// `events` gives lines and signals (`Events::start_lines`), `out` takes what is said.
    pub fn new(events: Events, out: Box<dyn Write>) -> Self {
        Self { events, out, broken: false }
    }

    /// Writes one line.
    pub fn say(&mut self, line: impl AsRef<str>) {
        self.write(format!("{}\n", line.as_ref()).as_bytes());
    }

    /// Writes each line.
    pub fn say_all<S: AsRef<str>>(&mut self, lines: impl IntoIterator<Item = S>) {
        for line in lines {
            self.say(line);
        }
    }

    /// Rings the terminal bell.
    pub fn bell(&mut self) {
        self.write(b"\x07");
    }

    /// Writes `prompt` and waits for the answer, as typed (without the line ending).
    pub fn ask(&mut self, prompt: &str) -> Flow<String> {
        self.write(format!("{prompt}: ").as_bytes());
        loop {
            if let Some(line) = self.wait(None)? {
                return Ok(line);
            }
        }
    }

    /// Waits for a line until `deadline` (for ever without one): `None` when the deadline
    /// passed first.
    pub fn wait(&mut self, deadline: Option<Instant>) -> Flow<Option<String>> {
        if self.broken {
            return Err(Quit);
        }
        loop {
            match self.events.next(deadline) {
                None => return Ok(None),
                Some(Event::Line(line)) => return Ok(Some(line)),
                Some(Event::Signal(_) | Event::InputClosed) => return Err(Quit),
                // The lines wrap in the terminal by themselves; nothing is laid out.
                Some(Event::WindowChanged | Event::Terminal(_)) => {}
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.broken {
            return;
        }
        if self.out.write_all(bytes).and_then(|()| self.out.flush()).is_err() {
            self.broken = true;
        }
    }
}
