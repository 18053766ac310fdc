//! The map from a feature's hash bucket to its row of weights in the name
//! model: a bitmap of the buckets that have weights, with the number of set
//! bits before each 32-bucket block (a rank directory).
//!
//! Only about 5% of the 2^20 buckets have weights, so a plain table of row
//! numbers (4 MB) was mostly zeros and every lookup missed the caches; the
//! bitmap with its directory takes 256 KB, small enough to stay in the
//! core's L2 cache beside the weights themselves. A lookup reads one
//! 8-byte block: the bucket's bit and the rank of its block. (Blocks of 32
//! rather than 64 buckets take the same room, since a 64-bucket block was
//! padded to 16 bytes, and counting the bits below a bucket is a 32-bit
//! population count: several instructions fewer where, as in the default
//! x86-64 target, there is no population count instruction.)
//!
//! Guarantees: lookups never fail (a bucket out of range or without
//! weights reads row 0, the zero row); no panics.

/// One block: 32 buckets and the number of set buckets before them.
#[derive(Clone, Copy, Default)]
struct Block {
    bits: u32,
    rank: u32,
}

/// Buckets per block.
const BLOCK: u32 = 32;

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
        let mut blocks = vec![Block::default(); n.div_ceil(BLOCK as usize)];
        let mut last: Option<u32> = None;
        for b in used {
            if last.is_some_and(|l| b <= l) {
                return None;
            }
            last = Some(b);
            let block = blocks.get_mut((b / BLOCK) as usize)?;
            block.bits |= 1 << (b % BLOCK);
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
        let Some(block) = self.blocks.get((b / BLOCK) as usize) else { return 0 };
        // Branch-free: about half of all lookups miss, unpredictably. The
        // bucket's bit and those below it, shifted to the top: the top bit
        // says whether it has a row, and their count is its number in the
        // block (one more than the set buckets below it).
        let upto = block.bits << (BLOCK - 1 - b % BLOCK);
        let present = upto >> (BLOCK - 1);
        (present * (block.rank + upto.count_ones())) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_number_the_used_buckets_in_order() {
        let used = [0, 5, 31, 32, 63, 64, 700, 1023];
        let b = Buckets::new(10, used).expect("valid");
        let rows: Vec<usize> = used.iter().map(|&x| b.row(x)).collect();
        assert_eq!(rows, [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(
            (b.row(1), b.row(30), b.row(33), b.row(65), b.row(1022), b.row(1024), b.row(u32::MAX)),
            (0, 0, 0, 0, 0, 0, 0)
        );
    }

    #[test]
    fn unsorted_or_out_of_range_buckets_are_refused() {
        assert!(Buckets::new(10, [5, 5]).is_none());
        assert!(Buckets::new(10, [7, 3]).is_none());
        assert!(Buckets::new(10, [1024]).is_none());
    }
}
