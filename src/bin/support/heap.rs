//! Process-level tuning of glibc's allocator, for the native CLI and the
//! native benchmark (which includes this file): the library itself never
//! configures the process it runs in.
//!
//! Guarantees: only allocator parameters change, never what is computed; a
//! no-op on other platforms and C libraries; no panics.

/// Keeps freed memory in the process for its next analysis.
///
/// NOTE: by default glibc hands a freed block above its mmap threshold back
/// to the kernel at once, and trims the heap's free top past its trim
/// threshold, so the next long text faults every page in again: on a 10 MB
/// text about 13K page faults (50 MB) per analysis after the first, where a
/// 1 MB text's blocks stayed in the heap and were reused. With both
/// thresholds raised, repeated analyses of long texts (a `--jsonl` batch of
/// books) reuse their memory as short ones do; the peak is unchanged.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_TRIM_THRESHOLD: i32 = -1;
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only sets allocator parameters and is safe to call
        // at any time; 32 MB is glibc's largest mmap threshold on 64-bit.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
            mallopt(M_TRIM_THRESHOLD, 1 << 30);
        }
    }
}
