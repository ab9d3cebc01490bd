//! Properties over random input: actions, events, sizes and stored data.

#[path = "../support/mod.rs"]
mod support;

mod events;
mod shell;
mod sizes;
mod store;
mod sync;
