//! mestring: an offline, private, keyboard-first terminal companion for recovery from
//! substance addiction. The binary in `main.rs` is a thin shell around this library, so tests
//! drive the same `App` the user does.

pub mod action;
pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod content;
pub mod domain;
pub mod event;
pub mod files;
pub mod i18n;
pub mod keymap;
pub mod panes;
pub mod run;
pub mod store;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod widgets;

#[cfg(test)]
mod layers_tests;
