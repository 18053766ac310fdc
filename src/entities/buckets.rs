//! The map from a feature's hash bucket to its row of weights in the name
//! model: a bitmap of the buckets that have weights, with the number of set
//! bits before each 64-bucket block (a rank directory).
//!
//! Only about 5% of the 2^20 buckets have weights, so a plain table of row
//! numbers (4 MB) was mostly zeros and every lookup missed the caches; the
//! bitmap with its directory takes 256 KB, small enough to stay in the
//! core's L2 cache beside the weights themselves. A lookup reads one
//! 16-byte block: the bucket's bit and the rank of its block.
//!
//! Guarantees: lookups never fail (a bucket out of range or without
//! weights reads row 0, the zero row); no panics.

/// One block: 64 buckets and the number of set buckets before them.
#[derive(Clone, Copy, Default)]
struct Block {
    bits: u64,
    rank: u32,
}

/// Bucket -> row, where row 0 stands for "no weights" and the buckets that
/// have weights are numbered 1, 2, ... in increasing bucket order.
pub struct Buckets {
    blocks: Vec<Block>,
}

impl Buckets {
    /// Builds the map for `2^bits` buckets from the buckets that have
    /// weights, which must come strictly increasing (`None` otherwise, or if
    /// one is out of range).
    pub fn new(bits: u8, used: impl IntoIterator<Item = u32>) -> Option<Buckets> {
        let n = 1usize.checked_shl(bits as u32)?;
        let mut blocks = vec![Block::default(); n.div_ceil(64)];
        let mut last: Option<u32> = None;
        for b in used {
            if last.is_some_and(|l| b <= l) {
                return None;
            }
            last = Some(b);
            let block = blocks.get_mut(b as usize / 64)?;
            block.bits |= 1 << (b % 64);
        }
        let mut rank = 0u32;
        for block in &mut blocks {
            block.rank = rank;
            rank += block.bits.count_ones();
        }
        Some(Buckets { blocks })
    }

    /// The row of bucket `b` (0 when it has no weights).
    #[inline]
    pub fn row(&self, b: u32) -> usize {
        let Some(block) = self.blocks.get(b as usize / 64) else { return 0 };
        let bit = b % 64;
        // Branch-free: about half of all lookups miss, unpredictably.
        let present = (block.bits >> bit) & 1;
        let below = (block.bits & ((1u64 << bit) - 1)).count_ones() as u64;
        (present * (block.rank as u64 + below + 1)) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_number_the_used_buckets_in_order() {
        let b = Buckets::new(10, [0, 5, 63, 64, 700, 1023]).expect("valid");
        let rows: Vec<usize> = [0, 5, 63, 64, 700, 1023].iter().map(|&x| b.row(x)).collect();
        assert_eq!(rows, [1, 2, 3, 4, 5, 6]);
        assert_eq!((b.row(1), b.row(65), b.row(1022), b.row(1024), b.row(u32::MAX)), (0, 0, 0, 0, 0));
    }

    #[test]
    fn unsorted_or_out_of_range_buckets_are_refused() {
        assert!(Buckets::new(10, [5, 5]).is_none());
        assert!(Buckets::new(10, [7, 3]).is_none());
        assert!(Buckets::new(10, [1024]).is_none());
    }
}
