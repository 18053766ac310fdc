//! Fuzzes the JSONL batch reader: `batch::parse_line` and `batch::run` on any
//! bytes. Fails on a panic, an output line that is not JSON, a lost or extra
//! line, or a bad-line count that does not match the error records.
#![no_main]

#[allow(dead_code)]
mod support {
    include!("../../tests/support/invariants.rs");
    include!("../../tests/support/cases.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| support::jsonl_case(data));
