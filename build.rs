//! Lays out the release binary's code so that what start-up runs sits together.
//!
//! The kernel maps a program's code in 64 kB blocks around each page it touches. Left to the
//! linker, the ~1,100 functions a start runs are spread over nearly every block of the 3.7 MB of
//! code, so all of it became resident and every block cost a page fault. `link/startup-order.txt`
//! lists those functions (written by `cargo run --release --example gen_startup_order`), and
//! LLD's `--symbol-ordering-file` puts them first. See BENCHMARKS.md, issue 2, run 8.
//!
//! Only the order of functions changes, never the code. A name the file lists that the build
//! does not have (another compiler version, a renamed function) is skipped without a warning;
//! such a build is as correct as any other, its start-up only touches more pages.
//!
//! With the same linker, and when the C library of the machine that builds is glibc 2.36 or
//! newer (the first that reads them), the binary's relocations are packed (`-z
//! pack-relative-relocs`, DT_RELR): the ~5,000 pointers the loader adjusts at start take 2 kB
//! instead of 125 kB of the 5 MB binary budget. The binary runs where it is built, as
//! `cargo run` and `cargo install` do; on an older glibc the option is left out.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const ORDER_FILE: &str = "link/startup-order.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ORDER_FILE}");
    println!("cargo:rerun-if-env-changed=MESTRING_NO_SYMBOL_ORDER");
    if env::var("PROFILE").as_deref() != Ok("release") || !wanted() {
        return;
    }
    let Some(gcc_ld) = toolchain_lld() else { return };
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let file = Path::new(&manifest).join(ORDER_FILE);
    // The toolchain's own LLD, asked for the way rustc asks for it where it is the default
    // (rustup's x86_64 Linux toolchains since 1.90); this makes it so where it is not (a
    // distribution's rustc that links with the system's GNU ld, which has no ordering option).
    for arg in [
        format!("-B{}", gcc_ld.display()),
        "-fuse-ld=lld".to_owned(),
        format!("-Wl,--symbol-ordering-file={}", file.display()),
        "-Wl,--no-warn-symbol-ordering".to_owned(),
    ] {
        println!("cargo:rustc-link-arg-bin=mestring={arg}");
    }
    if glibc_reads_packed_relocations() {
        println!("cargo:rustc-link-arg-bin=mestring=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc is 2.36 or newer, by `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn glibc_reads_packed_relocations() -> bool {
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else { return false };
    let text = String::from_utf8_lossy(&out.stdout);
    let Some(version) = text.trim().strip_prefix("glibc ") else { return false };
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (2, 36)
}

/// Whether to order at all: on x86_64 Linux (GNU), unless the build picks its own linker with
/// `-fuse-ld` or turns rustc's LLD off, or `MESTRING_NO_SYMBOL_ORDER` is set.
fn wanted() -> bool {
    let var = |name| env::var(name).unwrap_or_default();
    let rustflags = var("CARGO_ENCODED_RUSTFLAGS");
    let own_linker = rustflags.split(['\x1f', ' ']).any(|flag| {
        flag.contains("-fuse-ld=")
            || flag.ends_with("linker-features=-lld")
            || flag.ends_with("link-self-contained=-linker")
    });
    var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && env::var_os("MESTRING_NO_SYMBOL_ORDER").is_none()
        && !own_linker
}

/// The directory of the toolchain's `ld.lld` wrapper (`<sysroot>/lib/rustlib/<target>/bin/
/// gcc-ld`), if the toolchain ships one.
fn toolchain_lld() -> Option<PathBuf> {
    let rustc = env::var_os("RUSTC")?;
    let out = Command::new(rustc).args(["--print", "sysroot"]).output().ok()?;
    let sysroot = String::from_utf8(out.stdout).ok()?;
    let target = env::var("TARGET").ok()?;
    let dir = Path::new(sysroot.trim()).join("lib/rustlib").join(target).join("bin/gcc-ld");
    dir.join("ld.lld").is_file().then_some(dir)
}
