//! Pure domain logic: no terminal, no ratatui. Takes data (and a date or instant where time
//! matters) and returns data, so it is tested without a screen.

pub mod breathing;
pub mod checkin;
pub mod daylio;
pub mod goals;
pub mod guided;
pub mod habits;
pub mod own_pattern;
pub mod parse;
pub mod plan;
pub mod practice;
pub mod quiz;
pub mod review;
pub mod savings;
pub mod search;
pub mod sober;
pub mod stats;
pub mod timer;
pub mod urges;
