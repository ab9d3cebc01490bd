//! Writes a generated check-in history into a data directory, for trying the history screen and
//! the benchmarks by hand:
//!
//!     cargo run --release --example gen_checkins -- DIR DAYS
//!     MESTRING_DATA_DIR=DIR cargo run --release

#[path = "checkin_data/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(days)) = (args.next(), args.next().and_then(|d| d.parse().ok())) else {
        eprintln!("usage: gen_checkins DIR DAYS");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if dir.join("mestring.sqlite3").exists() {
        eprintln!("{} already holds a database; choose an empty directory", dir.display());
        std::process::exit(1);
    }
    generate::generate(&dir, days);
    println!("{days} check-ins written to {}", dir.join("mestring.sqlite3").display());
}
