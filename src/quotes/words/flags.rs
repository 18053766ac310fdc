//! The per-token facts of the quote finder's [`super::Words`] as a set of
//! flags: one bit a fact, one meaning a bit, in a byte so that the
//! questions rules ask most (word? capital? punctuation?) are one load.
//!
//! Guarantees: the flags are seven distinct bits; no panics.

/// What a token is, as the rules ask it most: one bit a fact, one meaning
/// a bit, kept in a byte so that a token's facts are one load.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Flags(u8);

impl Flags {
    /// A word: starts with a letter.
    pub(super) const WORD: Flags = Flags(1);
    /// A word that starts with a capital letter.
    pub(super) const CAP: Flags = Flags(2);
    /// One punctuation mark or symbol.
    pub(super) const PUNCT: Flags = Flags(4);
    /// Has a capital, so its lower case is kept apart (in `Words::lower`).
    pub(super) const LOWERED: Flags = Flags(8);
    /// A quotation mark or apostrophe ([`crate::quotes::marks::is_mark`]).
    pub(super) const MARK: Flags = Flags(16);
    /// A token the attribution scan stops at ([`super::Words::landmarks`]).
    pub(super) const LANDMARK: Flags = Flags(32);
    /// ".", "?", "!" or ",", one of which comes just before every place a
    /// content span can end at (see `span::clause_after`).
    pub(super) const PAUSE: Flags = Flags(64);

    /// These flags, and `more` if `on` (see also `|`).
    #[inline(always)]
    pub(super) fn with(self, more: Flags, on: bool) -> Flags {
        Flags(self.0 | if on { more.0 } else { 0 })
    }

    /// Whether every flag of `f` is set.
    #[inline(always)]
    pub(super) fn has(self, f: Flags) -> bool {
        self.0 & f.0 == f.0
    }

    /// Whether some flag of `f` is set.
    #[inline(always)]
    pub(super) fn any(self, f: Flags) -> bool {
        self.0 & f.0 != 0
    }

    /// Whether the token is a word.
    #[inline(always)]
    pub(super) fn is_word(self) -> bool {
        self.has(Flags::WORD)
    }

    /// Whether the token is a word with a capital first letter.
    #[inline(always)]
    pub(super) fn is_cap(self) -> bool {
        self.has(Flags::CAP)
    }

    /// Whether the token is one punctuation mark or symbol.
    #[inline(always)]
    pub(super) fn is_punct(self) -> bool {
        self.has(Flags::PUNCT)
    }

    /// Whether the word's lower case is kept apart.
    #[inline(always)]
    pub(super) fn is_lowered(self) -> bool {
        self.has(Flags::LOWERED)
    }

    /// Whether the token is a quotation mark or apostrophe.
    #[inline(always)]
    pub(super) fn is_mark(self) -> bool {
        self.has(Flags::MARK)
    }

    /// Whether the attribution scan stops at the token.
    #[inline(always)]
    pub(super) fn is_landmark(self) -> bool {
        self.has(Flags::LANDMARK)
    }

    /// Whether the token is ".", "?", "!" or ",".
    #[inline(always)]
    pub(super) fn is_pause(self) -> bool {
        self.has(Flags::PAUSE)
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;

    #[inline(always)]
    fn bitor(self, more: Flags) -> Flags {
        Flags(self.0 | more.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    #[inline(always)]
    fn bitor_assign(&mut self, more: Flags) {
        self.0 |= more.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_flag_is_a_bit_of_its_own() {
        let all = [
            Flags::WORD,
            Flags::CAP,
            Flags::PUNCT,
            Flags::LOWERED,
            Flags::MARK,
            Flags::LANDMARK,
            Flags::PAUSE,
        ];
        let union = all.iter().fold(Flags::default(), |u, &f| {
            assert!(f.0.count_ones() == 1 && !u.any(f), "{f:?}");
            u | f
        });
        assert_eq!(union.0.count_ones(), 7);
        let asks: [fn(Flags) -> bool; 7] = [
            Flags::is_word,
            Flags::is_cap,
            Flags::is_punct,
            Flags::is_lowered,
            Flags::is_mark,
            Flags::is_landmark,
            Flags::is_pause,
        ];
        // Each question reads its own flag and no other.
        for (i, &f) in all.iter().enumerate() {
            for (j, ask) in asks.iter().enumerate() {
                assert_eq!(ask(f), i == j, "flag {i}, question {j}");
            }
        }
        assert!(Flags::WORD.with(Flags::CAP, false) == Flags::WORD && !Flags::default().any(union));
    }
}
