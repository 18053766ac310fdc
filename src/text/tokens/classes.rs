//! Which characters and bytes make words, for the tokenizer: ASCII letters
//! and digits by table, eight bytes at a time, and the Unicode letters,
//! joiners and apostrophes that continue a word, with shortcuts for the
//! punctuation news text is full of.
//!
//! Guarantees: each shortcut answers as the standard library's test it
//! stands for (the tests check every byte, and the general punctuation
//! block); no panics.

use crate::text::swar::{word, HIGH, ONES};

/// An apostrophe, straight or curly.
pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The ASCII bytes other than letters and digits that may continue a word
/// or number ("don't", "well-known", "AT&T", "1,000.5", "2:45").
pub(super) fn may_continue_word(b: u8) -> bool {
    matches!(b, b'\'' | b'-' | b'&' | b',' | b'.' | b':')
}

/// The first byte at or after `pos` that is not an ASCII letter or digit
/// (the text's length if there is none).
#[inline(always)]
pub(super) fn ascii_run(bytes: &[u8], mut pos: usize) -> usize {
    // NOTE: eight bytes a step: a word is usually over within one or two.
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let stop = not_alnum(word(chunk));
        if stop != 0 {
            return pos + (stop.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(|&b| is_word_byte(b)) {
        pos += 1;
    }
    pos
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit.
#[inline(always)]
pub(super) fn not_alnum(x: u64) -> u64 {
    // Sums on the low seven bits of each byte never carry into the next.
    let low7 = x & (0x7f * ONES);
    let at_least = |v: u64, c: u64| v + (0x80 - c) * ONES;
    let above = |v: u64, c: u64| v + (0x7f - c) * ONES;
    let digit = at_least(low7, u64::from(b'0')) & !above(low7, u64::from(b'9'));
    let folded = low7 | (0x20 * ONES);
    let letter = at_least(folded, u64::from(b'a')) & !above(folded, u64::from(b'z'));
    !((digit | letter) & !x) & HIGH
}

/// Which bytes are ASCII letters and digits, one lookup per byte.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether `b` is an ASCII letter or digit.
#[inline(always)]
pub(super) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// `c.is_alphanumeric()`, answered at once for the dashes, quotation marks
/// and other general punctuation news text is full of, which would
/// otherwise each take a slow Unicode table search.
pub(super) fn is_alnum(c: char) -> bool {
    !matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}') && c.is_alphanumeric()
}

/// Characters that continue a word without being letters: combining marks
/// and zero-width joiners.
pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe0f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_general_punctuation_shortcut_agrees_with_unicode() {
        for c in ('\u{2000}'..='\u{2070}').chain(['a', 'é', '1', '北', '’']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_word_byte_table_is_ascii_alphanumeric() {
        assert!((0..=255u8).all(|b| is_word_byte(b) == b.is_ascii_alphanumeric()));
    }

    #[test]
    fn the_eight_byte_test_agrees_with_the_table_on_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                // The byte among letters, and among bytes that are no letters.
                let mut w = [b'a'; 8];
                w[at] = b;
                let stop = not_alnum(u64::from_le_bytes(w));
                assert_eq!(stop == 0, b.is_ascii_alphanumeric(), "byte {b:#x} at {at}");
                w = [b' '; 8];
                w[at] = b;
                let stop = not_alnum(u64::from_le_bytes(w));
                assert_eq!(
                    stop & (0x80 << (8 * at)) == 0,
                    b.is_ascii_alphanumeric(),
                    "byte {b:#x} at {at}"
                );
            }
        }
        let text = b"abcdefghXYZ0189 a\xc3\xa9";
        assert_eq!(ascii_run(text, 0), 15);
        assert_eq!(ascii_run(text, 16), 17);
        assert_eq!(ascii_run(b"abc", 0), 3);
    }
}
