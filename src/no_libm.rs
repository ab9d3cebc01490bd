//! The one function the program needs from the C maths library, defined here so that
//! `libm.so` is not loaded at all.
//!
//! ratatui-textarea counts the digits of line numbers with `f64::log10`, which calls the C
//! `log10`; nothing else in mestring calls libm (the breathing figure eases with a polynomial).
//! Loading a shared library costs every start a file open, four mappings and its relocations,
//! and its touched pages stay resident (BENCHMARKS.md, issue 2, run 8). A test
//! (`tests/binary_links.rs`) keeps libm out. The body is the `libm` crate's, the Rust port of
//! musl's.

/// `log10` for the whole program, with the C signature the linker resolves the call to.
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    libm::log10(x)
}

#[cfg(test)]
mod tests {
    #[test]
    fn log10_counts_digits_as_the_text_area_needs() {
        for (n, digits) in [(1.0, 1), (9.0, 1), (10.0, 2), (99.0, 2), (100.0, 3), (123_456.0, 6)] {
            assert_eq!(super::log10(n) as u8 + 1, digits, "{n}");
        }
        assert_eq!(super::log10(1000.0), 3.0);
    }
}
