//! Sums of the name model's weight rows (17 signed bytes each). On wasm,
//! eight bytes at a time in ordinary 64-bit integers: each byte is biased
//! to 0..=255 and spread into a 16-bit lane, so one addition adds four
//! weights and no lane can carry into the next before `FLUSH` rows.
//! Natively, in 16-bit lanes that the compiler turns into vector code.
//!
//! The engine's wasm build has no SIMD, and adding the 17 weights one by
//! one was the tagger's largest cost there; natively the vector lanes take
//! fewer instructions than the 64-bit ones.
//!
//! Guarantees: the sums are exactly those of adding the bytes one by one
//! (integer arithmetic, unbiased at each flush); no panics.

use super::model::TAGS;

/// Rows added between flushes: 255 per row keeps every lane under 2^16.
const FLUSH: u64 = 256;

#[cfg(any(test, target_arch = "wasm32"))]
const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
#[cfg(any(test, target_arch = "wasm32"))]
const SIGN_BITS: u64 = 0x8080_8080_8080_8080;

/// Adds the row of each of `items` (`row(item)`) into the 17 totals
/// `acc`: [`add_rows_lanes`] where the target has vector instructions,
/// `add_rows_swar` on wasm.
#[inline(always)]
pub fn add_rows<'r, T>(
    items: &'r [T],
    row: impl Fn(&'r T) -> &'r [i8; TAGS],
    acc: &mut [i32; TAGS],
) {
    #[cfg(target_arch = "wasm32")]
    add_rows_swar(items.iter().map(row), acc);
    #[cfg(not(target_arch = "wasm32"))]
    add_rows_lanes(items, row, acc);
}

/// [`add_rows`] in sixteen 16-bit lanes (and the last weight apart),
/// which the compiler turns into two vector additions per row.
///
/// NOTE: natively this takes fewer instructions than the 64-bit lanes of
/// `add_rows_swar` (per four weights, one load, a sign extension and
/// one addition, without the bias). A run of `FLUSH` rows stays within an `i16`: at most
/// 256 * 127 and at least 256 * -128. The runs are chunks of the items,
/// so that the row loop counts nothing but its place in the slice.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn add_rows_lanes<'r, T>(
    items: &'r [T],
    row_of: impl Fn(&'r T) -> &'r [i8; TAGS],
    acc: &mut [i32; TAGS],
) {
    for chunk in items.chunks(FLUSH as usize) {
        let mut lanes = [0i16; 16];
        let mut last = 0i32;
        for item in chunk {
            let row = row_of(item);
            for (lane, &w) in lanes.iter_mut().zip(row) {
                *lane = lane.wrapping_add(w as i16);
            }
            last += row[TAGS - 1] as i32;
        }
        // NOTE: an opaque copy of the lanes: when the compiler saw them
        // widened to 32 bits here, it vectorised the row loop above in
        // 32-bit-sized groups of four weights (four 4-byte loads and
        // extensions per row); behind the barrier it adds eight weights
        // per load, about half the instructions per row.
        let lanes = std::hint::black_box(lanes);
        for (a, &lane) in acc.iter_mut().zip(&lanes) {
            *a += lane as i32;
        }
        acc[TAGS - 1] += last;
    }
}

/// [`add_rows`] in ordinary 64-bit integers (see the module docs).
///
/// The rows go in runs of at most [`FLUSH`], each summed in local lanes
/// that the compiler keeps in registers (a flush inside the loop made it
/// store them back to memory at every row), then unbiased into `acc`.
#[cfg(any(test, target_arch = "wasm32"))]
pub fn add_rows_swar<'r>(mut rows: impl Iterator<Item = &'r [i8; TAGS]>, acc: &mut [i32; TAGS]) {
    loop {
        let mut lanes = [0u64; 4];
        let mut last = 0i32;
        let mut n = 0u64;
        for row in rows.by_ref().take(FLUSH as usize) {
            let word = |at: usize| {
                row.get(at..at + 8)
                    .and_then(|s| <[i8; 8]>::try_from(s).ok())
                    .map_or(SIGN_BITS, |w| u64::from_le_bytes(w.map(|x| x as u8)))
                    ^ SIGN_BITS
            };
            let (x, y) = (word(0), word(8));
            lanes[0] += x & LOW_BYTES;
            lanes[1] += (x >> 8) & LOW_BYTES;
            lanes[2] += y & LOW_BYTES;
            lanes[3] += (y >> 8) & LOW_BYTES;
            last += row[TAGS - 1] as i32;
            n += 1;
        }
        if n == 0 {
            return;
        }
        flush(&lanes, last, n, acc);
        if n < FLUSH {
            return;
        }
    }
}

/// Moves the lanes of `rows` rows into the totals.
#[cfg(any(test, target_arch = "wasm32"))]
fn flush(lanes: &[u64; 4], last: i32, rows: u64, acc: &mut [i32; TAGS]) {
    let bias = 128 * rows as i64;
    for (k, lane) in lanes.iter().enumerate() {
        // Lane k holds bytes base, base + 2, base + 4, base + 6.
        let base = (k / 2) * 8 + k % 2;
        for j in 0..4 {
            let sum = ((lane >> (16 * j)) & 0xFFFF) as i64 - bias;
            if let Some(a) = acc.get_mut(base + 2 * j) {
                *a += sum as i32;
            }
        }
    }
    acc[TAGS - 1] += last;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The totals of `rows` from `start` by each way of adding them.
    fn all_three(rows: &[[i8; TAGS]], start: i32) -> [[i32; TAGS]; 3] {
        let mut got = [[start; TAGS]; 3];
        add_rows_swar(rows.iter(), &mut got[0]);
        add_rows_lanes(rows, |r| r, &mut got[1]);
        add_rows(rows, |r| r, &mut got[2]);
        got
    }

    #[test]
    fn sums_equal_adding_byte_by_byte() {
        let mut seed = 7u32;
        let mut rnd = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as u8 as i8
        };
        for n in [0, 1, 3, 255, 256, 257, 700] {
            let rows: Vec<[i8; TAGS]> = (0..n).map(|_| std::array::from_fn(|_| rnd())).collect();
            let mut want = [5i32; TAGS];
            for r in &rows {
                for (a, &w) in want.iter_mut().zip(r) {
                    *a += w as i32;
                }
            }
            assert_eq!(all_three(&rows, 5), [want; 3], "{n} rows");
        }
        let (low, high) = ([i8::MIN; TAGS], [i8::MAX; TAGS]);
        let extremes: Vec<[i8; TAGS]> =
            std::iter::repeat_n(low, 300).chain(std::iter::repeat_n(high, 212)).collect();
        assert_eq!(all_three(&extremes, 0), [[300 * -128 + 212 * 127; TAGS]; 3]);
        assert_eq!(all_three(&vec![high; 513], 0), [[513 * 127; TAGS]; 3]);
        assert_eq!(all_three(&vec![low; 513], 0), [[513 * -128; TAGS]; 3]);
    }
}
