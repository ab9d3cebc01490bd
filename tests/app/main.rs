//! The app driven by actions on an in-memory store, and every screen as a snapshot.

#[path = "../support/mod.rs"]
mod support;

mod autumn;
mod breathe;
mod breathe_snapshots;
mod breathe_steps;
mod checkin;
mod checkin_keys;
mod checkin_snapshots;
mod cursor;
mod faq;
mod figures;
mod first_week;
mod goals;
mod goals_snapshots;
mod history_charts;
mod learn;
mod learn_snapshots;
mod not_answered;
mod paste;
mod plain;
mod retention;
mod retention_snapshots;
mod search;
mod settings;
mod shell;
mod shell_snapshots;
mod tabs;
mod unicode_snapshots;
mod unsaved;
