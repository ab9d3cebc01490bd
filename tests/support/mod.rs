//! Helpers shared by the integration-test crates (`tests/app`, `tests/cli`, `tests/e2e`,
//! `tests/properties`); each crate uses only some of them.
#![allow(dead_code)]

pub mod app;
pub mod checkins;
pub mod cli;
pub mod pty;
pub mod sample;
