//! The keys under which two mentions name the same entity: a normalised
//! text ("Russia’s" and "Russia's" are one), a listed alias ("U.S.", "US",
//! "United States", from `data/gazetteer/aliases.txt`), the initials of a
//! multi-word name ("Federal Bureau of Investigation" -> "FBI") and the
//! acronym form of a short capitalised name.
//!
//! Guarantees: each function is linear in its input; no panics.

use crate::text::fasthash::FastMap;
use std::sync::OnceLock;

/// Lower case, one kind of apostrophe, single spaces, no final period
/// ("U.S." keeps its inner periods).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Whether `s` is ASCII words with one space between them: no other
/// whitespace, none at either end. Most names are; for them normalising is
/// lowering, and single-spacing changes nothing.
pub fn is_plain(s: &str) -> bool {
    plain_spaced(s).is_some()
}

/// For a plain `s` ([`is_plain`]), whether it has a space (two words or
/// more); None when it is not plain.
fn plain_spaced(s: &str) -> Option<bool> {
    // A space before the first byte, so that a leading space fails too.
    let mut after_space = true;
    let mut spaced = false;
    for &b in s.as_bytes() {
        if b >= 0x80 || matches!(b, b'\t'..=b'\r') || b == b' ' && after_space {
            return None;
        }
        after_space = b == b' ';
        spaced |= after_space;
    }
    (s.is_empty() || !after_space).then_some(spaced)
}

/// Appends [`normalize`]`(text)` to `out`, which may hold other text;
/// returns whether `text` has any whitespace (leading and trailing too).
pub fn normalize_into(text: &str, out: &mut String) -> bool {
    let start = out.len();
    if let Some(spaced) = plain_spaced(text) {
        out.push_str(text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return spaced;
    }
    let mut space = false;
    let mut any_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            // A run of whitespace between words becomes one space.
            space = out.len() > start;
            any_space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '’' || c == '‘' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    any_space
}

/// The listed aliases, by normal form, with a filter that rules most
/// names out before they are hashed.
struct Aliases {
    /// Normal form -> the canonical alias of its line.
    map: FastMap<String, String>,
    /// By first byte, one bit for each length (under 64) a listed normal
    /// form with that first byte has.
    lens: Vec<u64>,
}

impl Aliases {
    /// Whether some listed normal form may have the first byte and length
    /// of `norm` (always, for 64 bytes or more).
    fn may_list(&self, norm: &str) -> bool {
        let first = norm.as_bytes().first().map_or(0, |&b| usize::from(b));
        norm.len() >= 64 || self.lens.get(first).is_some_and(|&bits| bits >> norm.len() & 1 != 0)
    }
}

fn aliases() -> &'static Aliases {
    static A: OnceLock<Aliases> = OnceLock::new();
    A.get_or_init(|| {
        let mut map = FastMap::default();
        for line in crate::text::lexicon::lists::ALIASES.entries() {
            let names: Vec<String> = line.split('|').map(normalize).collect();
            if let Some(first) = names.first() {
                for n in &names {
                    map.insert(n.clone(), first.clone());
                }
            }
        }
        let mut lens = vec![0u64; 256];
        for n in map.keys() {
            let first = n.as_bytes().first().map_or(0, |&b| usize::from(b));
            if let Some(bits) = lens.get_mut(first).filter(|_| n.len() < 64) {
                *bits |= 1 << n.len();
            }
        }
        Aliases { map, lens }
    })
}

/// The key of a name: its listed canonical alias, else its normal form.
#[cfg(test)]
pub fn key(text: &str) -> String {
    let n = normalize(text);
    listed(&n).map_or(n, str::to_string)
}

/// The listed canonical alias of a normal form, if it has one.
pub fn listed(norm: &str) -> Option<&'static str> {
    // NOTE: tested on first byte and length first: most names are in no
    // line, and this says so without hashing the name.
    let a = aliases();
    if !a.may_list(norm) {
        return None;
    }
    a.map.get(norm).map(String::as_str)
}

/// Words an acronym skips.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "de" | "la" | "du" | "des" | "&" | "on" | "in" | "to"
    )
}

/// The initials of a multi-word name ("Federal Bureau of Investigation" ->
/// "FBI"), when it has at least two capitalised words.
#[cfg(test)]
pub fn initials(text: &str) -> Option<String> {
    let mut out = String::new();
    initials_into(text, &mut out).then_some(out)
}

/// `initials` written into `out` (cleared first), so that a caller
/// reading many names reuses one buffer; false when `text` has none.
pub fn initials_into(text: &str, out: &mut String) -> bool {
    out.clear();
    for w in text.split(|c: char| c.is_whitespace() || c == '-') {
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() {
            out.push(c);
        } else if !is_function_word(w) {
            return false;
        }
    }
    out.chars().count() >= 2
}

/// The most letters an `acronym` has.
pub const MAX_ACRONYM: usize = 6;

/// The acronym a short all-capital name spells ("FBI", "F.B.I." -> "FBI").
#[cfg(test)]
pub fn acronym(text: &str) -> Option<String> {
    // Checked before anything is allocated: most names are not acronyms.
    is_acronym(text).then(|| acronym_letters(text).collect())
}

/// `acronym` as a [`pack`]ed key: no string is built.
pub fn acronym_key(text: &str) -> Option<u128> {
    is_acronym(text).then(|| pack(acronym_letters(text))).flatten()
}

fn acronym_letters(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| c != '.')
}

/// Whether `text` is two to [`MAX_ACRONYM`] capitals, periods aside.
fn is_acronym(text: &str) -> bool {
    let mut n = 0;
    for c in acronym_letters(text) {
        n += 1;
        if n > MAX_ACRONYM || !c.is_uppercase() {
            return false;
        }
    }
    n >= 2
}

/// Up to [`MAX_ACRONYM`] characters, none of them NUL, as one integer
/// (21 bits a character): two such words are equal when their keys are,
/// so initials and acronyms meet in a map without a `String` each. None
/// for more characters.
pub fn pack(chars: impl IntoIterator<Item = char>) -> Option<u128> {
    let mut key = 0u128;
    for (k, c) in chars.into_iter().enumerate() {
        if k >= MAX_ACRONYM {
            return None;
        }
        key |= u128::from(u32::from(c)) << (21 * k);
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms() {
        assert_eq!(normalize("Russia’s\u{a0} Duma"), "russia's duma");
        assert_eq!(normalize("  ÉCOLE  Ünd\tİ "), "école ünd i\u{307}");
        let mut buf = "kept|".to_string();
        assert!(normalize_into(" A  B ", &mut buf));
        assert_eq!(buf, "kept|a b");
        assert!(!normalize_into("C.", &mut buf));
        assert!(normalize_into("D ", &mut buf));
        assert_eq!(buf, "kept|a bc.d");
    }

    #[test]
    fn plain_names_and_the_rest() {
        for s in ["Ann Lee", "U.S.", "A", ""] {
            assert!(is_plain(s), "{s:?}");
        }
        for s in [" Ann", "Ann ", "Ann  Lee", "Ann\tLee", "Ann\nLee", "Zoë Lee", " "] {
            assert!(!is_plain(s), "{s:?}");
        }
        // The fast path gives what the general one gives.
        for s in ["Ann Lee", "U.S. Army", "O'Brien", "ACME-2 Corp"] {
            let mut slow = String::new();
            for (k, w) in s.split(' ').enumerate() {
                if k > 0 {
                    slow.push(' ');
                }
                slow.extend(w.chars().flat_map(char::to_lowercase));
            }
            assert_eq!(normalize(s), slow);
        }
        let mut buf = String::new();
        assert!(normalize_into("Ann Lee", &mut buf) && !normalize_into("Bo", &mut buf));
        assert_eq!(buf, "ann leebo");
    }

    #[test]
    fn listed_aliases_share_a_key() {
        assert_eq!(key("U.S."), key("United States"));
        assert_eq!(key("US"), key("America"));
        assert_ne!(key("US"), key("UK"));
        assert_eq!(key("Acme"), "acme");
        // The first-byte and length filter passes every listed form.
        let a = aliases();
        assert!(a.map.keys().all(|n| a.may_list(n) && listed(n).is_some()));
        assert!(!a.may_list("trump") && !a.may_list("") && a.may_list(&"u".repeat(70)));
        assert_eq!(
            (listed("china"), listed("chinx"), listed(&"u".repeat(70))),
            (Some("people's republic of china"), None, None)
        );
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Federal Bureau of Investigation").as_deref(), Some("FBI"));
        assert_eq!(initials("Bank of the North-East").as_deref(), Some("BNE"));
        assert_eq!(initials("Paris"), None);
        assert_eq!(initials("Bank run by them"), None);
        let mut buf = String::from("XYZ");
        assert!(initials_into("Central Intelligence Agency", &mut buf) && buf == "CIA");
        assert!(!initials_into("Paris", &mut buf) && !initials_into("the Bank run", &mut buf));
        // Keys: equal exactly when the words are.
        assert_eq!(acronym_key("F.B.I."), pack("FBI".chars()));
        assert_eq!(
            (acronym_key("Paris"), acronym_key("ABCDEFG"), pack("ABCDEFG".chars())),
            (None, None, None)
        );
        let keys: Vec<Option<u128>> =
            ["FB", "FBI", "BFI", "ÉU", "EU", "FBIX"].iter().map(|w| pack(w.chars())).collect();
        assert!(keys
            .iter()
            .enumerate()
            .all(|(i, a)| a.is_some() && keys.iter().skip(i + 1).all(|b| b != a)));
        assert_eq!(acronym("F.B.I.").as_deref(), Some("FBI"));
        assert_eq!(acronym("Fbi"), None);
        assert_eq!(acronym("A"), None);
    }
}
