//! What the built binary asks the dynamic loader for: not libm (see src/no_libm.rs). A new call
//! to `sin`, `exp`, `powf` or the like would bring it back, and with it a library to load on
//! every start; this test says so.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

#[test]
fn the_binary_does_not_load_libm() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_mestring")).expect("read the built binary");
    // The names of the libraries to load are plain strings in the binary's dynamic section.
    let names = |name: &[u8]| binary.windows(name.len()).any(|w| w == name);
    assert!(names(b"libc.so.6"), "the check finds the libraries the binary needs");
    assert!(
        !names(b"libm.so.6"),
        "the binary needs libm again: define the function in src/no_libm.rs or avoid it"
    );
}
