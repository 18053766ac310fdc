//! The engine's one hand-written hash table: open addressing with linear
//! probing, keys and values stored side by side in the slots, for the
//! lookups made once per token (a document's word interning,
//! [`super::intern`]; the word lists, [`super::wordkey`]).
//!
//! NOTE: these lookups are most of what a token costs to classify, and a
//! general map's hashing, control bytes and probing cost about three times
//! as much here. The keys are already small integers that say what the
//! word is, so a key is its own fingerprint: a probe is one load and one
//! comparison, usually one probe a lookup.
//!
//! A key type ([`Key`]) gives a 64-bit hash of itself and one value that no
//! real key takes, which marks an empty slot; the table spreads the hash
//! over its slots (Fibonacci hashing: the high bits of one 128-bit product,
//! folded). Two entries may share a key when the caller tells them apart by
//! their values (a long word's key is a hash of it): [`Table::find`] takes
//! that test.
//!
//! Guarantees: the number of slots is a power of two and at least
//! `SPREAD` times the number of entries (it doubles when an insert would
//! make it less), so at least half the slots are empty and every probe
//! sequence ends at an empty slot; a key is found wherever it was put,
//! whatever the table grew through; no allocation but growth; no panics.

/// 2^64 divided by the golden ratio: the multiplier of Fibonacci hashing.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// What a table can be keyed by.
pub trait Key: Copy + Eq {
    /// The key of no entry: it marks an empty slot.
    const EMPTY: Self;

    /// A hash of the key; the table spreads its bits, so this need only
    /// differ between keys (for a key of 64 bits or less, the key itself).
    fn hash(self) -> u64;
}

/// One slot: a key ([`Key::EMPTY`] when the slot is empty) and its value.
#[derive(Clone, Copy)]
struct Slot<K, V> {
    key: K,
    value: V,
}

/// A map from `K` to `V`, with at least `SPREAD` (two or more) slots per
/// entry.
pub struct Table<K, V, const SPREAD: usize = 2> {
    /// A power of two of them.
    slots: Vec<Slot<K, V>>,
    /// `slots.len() - 1`: a hash masked with it is a slot index.
    mask: usize,
    /// The entries: the slots with a key.
    len: usize,
}

/// The empty slot where a key [`Table::find`] did not find goes, for
/// [`Table::insert_at`]; no longer valid once the table changes.
#[derive(Debug)]
pub struct Vacant(usize);

impl<K: Key, V: Copy + Default, const SPREAD: usize> Default for Table<K, V, SPREAD> {
    /// An empty table of 16 slots.
    fn default() -> Self {
        Self::with_slots(16)
    }
}

impl<K: Key, V: Copy + Default, const SPREAD: usize> Table<K, V, SPREAD> {
    /// An empty table of `slots` slots (rounded up to a power of two, at
    /// least 2): room for `slots / SPREAD` entries before it grows.
    pub fn with_slots(slots: usize) -> Self {
        const { assert!(SPREAD >= 2, "a table needs an empty slot to end every probe") };
        let n = slots.max(2).next_power_of_two();
        Table { slots: vec![Slot { key: K::EMPTY, value: V::default() }; n], mask: n - 1, len: 0 }
    }

    /// The value of the entry with `key` for which `same` holds, or the
    /// empty slot where such an entry would go (for [`Key::EMPTY`], the
    /// empty slot where its probe starts: no entry has it). `same` is
    /// asked only of entries with `key`.
    #[inline(always)]
    pub fn find(&self, key: K, same: impl FnMut(V) -> bool) -> Result<V, Vacant> {
        self.probe(key, same).map(|(_, v)| v).map_err(Vacant)
    }

    /// The value of the (first) entry with `key`.
    #[inline(always)]
    pub fn get(&self, key: K) -> Option<V> {
        self.find(key, |_| true).ok()
    }

    /// Adds an entry at the empty slot `at` that [`Table::find`] just gave
    /// for `key` (with no change to the table since); `key` is not
    /// [`Key::EMPTY`].
    pub fn insert_at(&mut self, at: Vacant, key: K, value: V) {
        self.put(at, key, value);
        if self.len * SPREAD > self.slots.len() {
            self.grow();
        }
    }

    /// The value of the (first) entry with `key`, added with the default
    /// value if there is none; `None` for [`Key::EMPTY`], which cannot be
    /// added.
    pub fn entry(&mut self, key: K) -> Option<&mut V> {
        if key == K::EMPTY {
            return None;
        }
        // Grown first, so that the slot found stays where it is.
        if (self.len + 1) * SPREAD > self.slots.len() {
            self.grow();
        }
        let at = match self.probe(key, |_| true) {
            Ok((at, _)) => at,
            Err(at) => {
                self.put(Vacant(at), key, V::default());
                at
            }
        };
        self.slots.get_mut(at).map(|s| &mut s.value)
    }

    /// The number of entries.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.len
    }

    /// The number of slots.
    #[cfg(test)]
    fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Every entry, in slot order (no order the caller may rely on).
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (K, V)> + '_ {
        self.slots.iter().filter(|s| s.key != K::EMPTY).map(|s| (s.key, s.value))
    }

    /// Where the probe for `key` starts.
    #[inline(always)]
    fn start(&self, key: K) -> usize {
        let p = u128::from(key.hash()) * u128::from(GOLDEN);
        ((p >> 64) as u64 ^ p as u64) as usize & self.mask
    }

    /// The slot and value of the entry with `key` for which `same` holds,
    /// or the empty slot where it would go.
    #[inline(always)]
    fn probe(&self, key: K, mut same: impl FnMut(V) -> bool) -> Result<(usize, V), usize> {
        let mut at = self.start(key);
        // Ends: at least half the slots are empty (see the module's
        // guarantees), and the probe visits every slot before it repeats.
        loop {
            let Some(s) = self.slots.get(at) else {
                debug_assert!(false, "slot {at} of {}", self.slots.len());
                return Err(at);
            };
            if s.key == K::EMPTY {
                return Err(at);
            }
            if s.key == key && same(s.value) {
                return Ok((at, s.value));
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Fills the empty slot `at` without growing (the empty key, which
    /// would leave it empty, is not put).
    fn put(&mut self, Vacant(at): Vacant, key: K, value: V) {
        debug_assert!(key != K::EMPTY, "the empty key added");
        debug_assert!(self.slots.get(at).is_some_and(|s| s.key == K::EMPTY), "slot {at} taken");
        match self.slots.get_mut(at) {
            Some(s) if key != K::EMPTY => {
                *s = Slot { key, value };
                self.len += 1;
            }
            _ => {}
        }
    }

    /// Doubles the slots, putting every entry back.
    #[inline(never)]
    fn grow(&mut self) {
        let n = 2 * self.slots.len();
        let old =
            std::mem::replace(&mut self.slots, vec![Slot { key: K::EMPTY, value: V::default() }; n]);
        self.mask = n - 1;
        for s in old.into_iter().filter(|s| s.key != K::EMPTY) {
            let mut at = self.start(s.key);
            while self.slots.get(at).is_some_and(|t| t.key != K::EMPTY) {
                at = (at + 1) & self.mask;
            }
            if let Some(t) = self.slots.get_mut(at) {
                *t = s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    impl Key for u64 {
        const EMPTY: u64 = 0;
        fn hash(self) -> u64 {
            self
        }
    }

    /// A key with a poor hash (eight values), so that probes collide,
    /// run over many slots and wrap around the end of the table.
    #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
    struct Crowded(u16);

    impl Key for Crowded {
        const EMPTY: Crowded = Crowded(u16::MAX);
        fn hash(self) -> u64 {
            u64::from(self.0 % 8)
        }
    }

    #[test]
    fn grows_and_keeps_its_entries() {
        let mut t: Table<u64, u32> = Table::with_slots(4);
        for k in 1..=1000u64 {
            match t.find(k, |_| true) {
                Ok(_) => panic!("{k} before it was put"),
                Err(at) => t.insert_at(at, k, k as u32 * 3),
            }
            assert!(t.len() * 2 <= t.capacity(), "{} in {}", t.len(), t.capacity());
        }
        assert!((1..=1000u64).all(|k| t.get(k) == Some(k as u32 * 3)));
        assert_eq!((t.get(1001), t.len(), t.capacity()), (None, 1000, 2048));
        assert_eq!(t.iter().count(), 1000);
    }

    #[test]
    fn entries_that_share_a_key_are_told_apart_by_their_values() {
        let mut t: Table<u64, u32> = Table::default();
        for v in [10, 20, 30] {
            let Err(at) = t.find(7, |x| x == v) else { panic!("{v} found") };
            t.insert_at(at, 7, v);
        }
        assert!([10, 20, 30].iter().all(|&v| t.find(7, |x| x == v).ok() == Some(v)));
        assert!(t.find(7, |x| x == 40).is_err());
        assert_eq!((t.get(7), t.len()), (Some(10), 3));
    }

    #[test]
    fn entry_adds_the_default_once() {
        let mut t: Table<Crowded, u32, 4> = Table::default();
        for k in 0..100 {
            *t.entry(Crowded(k % 50)).unwrap() += 1;
            assert!(t.len() * 4 <= t.capacity());
        }
        assert!((0..50).all(|k| t.get(Crowded(k)) == Some(2)));
        assert_eq!((t.len(), t.get(Crowded(50))), (50, None));
        // The empty key is in no table and cannot be put in one.
        assert!(t.get(Crowded::EMPTY).is_none() && t.entry(Crowded::EMPTY).is_none());
        assert_eq!(t.len(), 50);
    }

    proptest! {
        /// Any run of inserts, updates and lookups (with keys that crowd
        /// onto a few slots) answers as a standard map does, and keeps
        /// the table at most half full.
        #[test]
        fn acts_as_a_map(ops in prop::collection::vec((0u16..300, any::<bool>(), 0u32..1000), 0..600)) {
            let (mut t, mut model) = (Table::<Crowded, u32>::with_slots(2), HashMap::new());
            for (k, put, v) in ops {
                let key = Crowded(k);
                if put {
                    match t.find(key, |_| true) {
                        Ok(_) => *t.entry(key).unwrap() = v,
                        Err(at) => t.insert_at(at, key, v),
                    }
                    model.insert(key, v);
                }
                prop_assert_eq!(t.get(key), model.get(&key).copied());
                prop_assert!(t.len() * 2 <= t.capacity());
            }
            prop_assert_eq!(t.len(), model.len());
            let mut all: Vec<(Crowded, u32)> = t.iter().collect();
            all.sort_by_key(|e| e.0 .0);
            let mut want: Vec<(Crowded, u32)> = model.into_iter().collect();
            want.sort_by_key(|e| e.0 .0);
            prop_assert_eq!(all, want);
        }
    }
}
