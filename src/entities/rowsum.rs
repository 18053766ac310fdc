//! Sums of the name model's weight rows (17 signed bytes each), eight
//! bytes at a time in ordinary 64-bit integers: each byte is biased to
//! 0..=255 and spread into a 16-bit lane, so one addition adds four
//! weights and no lane can carry into the next before [`FLUSH`] rows.
//!
//! The engine's wasm build has no SIMD, and adding the 17 weights one by
//! one was the tagger's largest cost there; natively the compiler's own
//! vector code is about as fast as this.
//!
//! Guarantees: the sums are exactly those of adding the bytes one by one
//! (integer arithmetic, unbiased at each flush); no panics.

use super::model::TAGS;

/// Rows added between flushes: 255 per row keeps every lane under 2^16.
const FLUSH: u64 = 256;

const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
const SIGN_BITS: u64 = 0x8080_8080_8080_8080;

/// A running sum of weight rows into 17 `i32` totals.
pub struct RowSum<'a> {
    acc: &'a mut [i32; TAGS],
    /// Lanes of bytes 0, 2, 4, 6 / 1, 3, 5, 7 / 8, 10, 12, 14 / 9, 11, 13, 15.
    lanes: [u64; 4],
    last: i32,
    rows: u64,
}

impl<'a> RowSum<'a> {
    /// Starts adding into `acc`.
    pub fn new(acc: &'a mut [i32; TAGS]) -> Self {
        RowSum { acc, lanes: [0; 4], last: 0, rows: 0 }
    }

    /// Adds one row.
    #[inline]
    pub fn add(&mut self, row: &[i8; TAGS]) {
        let b = row.map(|w| w as u8);
        let word = |at: usize| b.get(at..at + 8).and_then(|s| s.try_into().ok()).map_or(SIGN_BITS, u64::from_le_bytes) ^ SIGN_BITS;
        let (x, y) = (word(0), word(8));
        self.lanes[0] += x & LOW_BYTES;
        self.lanes[1] += (x >> 8) & LOW_BYTES;
        self.lanes[2] += y & LOW_BYTES;
        self.lanes[3] += (y >> 8) & LOW_BYTES;
        self.last += row[TAGS - 1] as i32;
        self.rows += 1;
        if self.rows == FLUSH {
            self.flush();
        }
    }

    /// Moves the lanes into the totals.
    fn flush(&mut self) {
        let bias = 128 * self.rows as i64;
        for (k, lane) in self.lanes.iter().enumerate() {
            // Lane k holds bytes base, base + 2, base + 4, base + 6.
            let base = (k / 2) * 8 + k % 2;
            for j in 0..4 {
                let sum = ((lane >> (16 * j)) & 0xFFFF) as i64 - bias;
                if let Some(a) = self.acc.get_mut(base + 2 * j) {
                    *a += sum as i32;
                }
            }
        }
        self.acc[TAGS - 1] += self.last;
        self.lanes = [0; 4];
        self.last = 0;
        self.rows = 0;
    }
}

impl Drop for RowSum<'_> {
    fn drop(&mut self) {
        if self.rows > 0 {
            self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let mut got = [5i32; TAGS];
            {
                let mut s = RowSum::new(&mut got);
                rows.iter().for_each(|r| s.add(r));
            }
            assert_eq!(got, want, "{n} rows");
        }
        let mut extremes = [0i32; TAGS];
        {
            let mut s = RowSum::new(&mut extremes);
            (0..300).for_each(|_| s.add(&[i8::MIN; TAGS]));
            (0..100).for_each(|_| s.add(&[i8::MAX; TAGS]));
        }
        assert_eq!(extremes, [300 * -128 + 100 * 127; TAGS]);
    }
}
