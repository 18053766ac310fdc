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
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| if c == '’' || c == '‘' { '\'' } else { c }).flat_map(char::to_lowercase));
    }
    out
}

fn aliases() -> &'static FastMap<String, String> {
    static A: OnceLock<FastMap<String, String>> = OnceLock::new();
    A.get_or_init(|| {
        let mut m = FastMap::default();
        for line in include_str!("../../data/gazetteer/aliases.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let names: Vec<String> = line.split('|').map(normalize).collect();
            if let Some(first) = names.first() {
                for n in &names {
                    m.insert(n.clone(), first.clone());
                }
            }
        }
        m
    })
}

/// The key of a name: its listed canonical alias, else its normal form.
pub fn key(text: &str) -> String {
    let n = normalize(text);
    aliases().get(&n).cloned().unwrap_or(n)
}

/// Words an acronym skips.
fn is_function_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "de" | "la" | "du" | "des" | "&" | "on" | "in" | "to")
}

/// The initials of a multi-word name ("Federal Bureau of Investigation" ->
/// "FBI"), when it has at least two capitalised words.
pub fn initials(text: &str) -> Option<String> {
    let mut out = String::new();
    for w in text.split(|c: char| c.is_whitespace() || c == '-') {
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() {
            out.push(c);
        } else if !is_function_word(w) {
            return None;
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// The acronym a short all-capital name spells ("FBI", "F.B.I." -> "FBI").
pub fn acronym(text: &str) -> Option<String> {
    let letters: String = text.chars().filter(|&c| c != '.').collect();
    let n = letters.chars().count();
    ((2..=6).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms() {
        assert_eq!(normalize("Russia’s\u{a0} Duma"), "russia's duma");
    }

    #[test]
    fn listed_aliases_share_a_key() {
        assert_eq!(key("U.S."), key("United States"));
        assert_eq!(key("US"), key("America"));
        assert_ne!(key("US"), key("UK"));
        assert_eq!(key("Acme"), "acme");
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Federal Bureau of Investigation").as_deref(), Some("FBI"));
        assert_eq!(initials("Bank of the North-East").as_deref(), Some("BNE"));
        assert_eq!(initials("Paris"), None);
        assert_eq!(initials("Bank run by them"), None);
        assert_eq!(acronym("F.B.I.").as_deref(), Some("FBI"));
        assert_eq!(acronym("Fbi"), None);
        assert_eq!(acronym("A"), None);
    }
}
