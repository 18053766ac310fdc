//! Fuzzes `whosaid::analyze`: any bytes, read as UTF-8 with replacement
//! characters, in every offset unit. Fails on a panic and on any broken
//! contract invariant (the checks of tests/support, shared with the property
//! tests and the regression replay).
#![no_main]

#[allow(dead_code)]
mod support {
    include!("../../tests/support/invariants.rs");
    include!("../../tests/support/cases.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| support::analyze_case(data));
