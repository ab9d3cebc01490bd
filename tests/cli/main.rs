//! The command-line subcommands, run as the real binary on a data directory of the test's.

#[path = "../support/mod.rs"]
mod support;

mod basics;
mod checkin;
mod content_packs;
mod durability;
mod goals;
mod import_robustness;
mod language;
mod not_answered;
mod private_files;
mod refusals;
mod report;
mod retention;
mod sync;
mod text;
mod time;
