//! Lays out the release binary's code so that what start-up runs sits together.
//!
//! The kernel maps a program's code in 64 kB blocks around each page it touches. Left to the
//! linker, the ~1,100 functions a start runs are spread over nearly every block of the 3.7 MB of
//! code, so all of it became resident and every block cost a page fault. `link/startup-order.txt`
//! lists those functions (written by `cargo run --release --example gen_startup_order`), and
//! LLD's `--symbol-ordering-file` puts them first. See BENCHMARKS.md, issue 2.
//!
//! Only the order of functions changes, never the code. A name the file lists that the build
//! does not have (another compiler version, a renamed function) is skipped without a warning;
//! such a build is as correct as any other, its start-up only touches more pages.

use std::env;
use std::path::Path;

const ORDER_FILE: &str = "link/startup-order.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ORDER_FILE}");
    println!("cargo:rerun-if-env-changed=MESTRING_NO_SYMBOL_ORDER");
    if links_with_lld() && env::var("PROFILE").as_deref() == Ok("release") {
        let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        let file = Path::new(&manifest).join(ORDER_FILE);
        println!("cargo:rustc-link-arg-bin=mestring=-Wl,--symbol-ordering-file={}", file.display());
        println!("cargo:rustc-link-arg-bin=mestring=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the binary is linked by LLD, which knows the ordering option (GNU ld does not).
/// Rust links x86_64 Linux (GNU) programs with its own LLD since 1.90 (our MSRV is later). A
/// build that turns that off or picks another linker with `-fuse-ld` gets the linker's own
/// order, and so does anyone who sets `MESTRING_NO_SYMBOL_ORDER`.
fn links_with_lld() -> bool {
    let var = |name| env::var(name).unwrap_or_default();
    let rustflags = var("CARGO_ENCODED_RUSTFLAGS");
    let other_linker = rustflags.split(['\x1f', ' ']).any(|flag| {
        let fuse = flag.split_once("-fuse-ld=").map(|(_, ld)| ld);
        fuse.is_some_and(|ld| ld != "lld")
            || flag.ends_with("linker-features=-lld")
            || flag.ends_with("link-self-contained=-linker")
    });
    var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && env::var_os("MESTRING_NO_SYMBOL_ORDER").is_none()
        && !other_linker
}
