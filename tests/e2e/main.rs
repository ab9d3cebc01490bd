//! The real binary in a pseudo-terminal: keys typed, the screen read through a vt100 parser.

#[path = "../support/mod.rs"]
mod support;

mod breathe;
mod checkin;
mod faq;
mod goals;
mod hangup;
mod plain;
mod quiz;
mod retention;
mod robustness;
mod settings;
mod signals;
mod sync;
