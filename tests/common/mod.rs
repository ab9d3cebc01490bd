//! Helpers shared by the integration tests. Each test file uses only some of them.
#![allow(dead_code)]

pub mod app;
pub mod checkins;
pub mod cli;
pub mod pty;
pub mod render;
pub mod screen;
