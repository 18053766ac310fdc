//! Forms of one person's full name that the key and surname rules of
//! [`super::link`] keep apart: a middle initial or a generational suffix
//! ("Patrick W. Dunmore Jr." and "Patrick Dunmore") and a short given name
//! ("Pat Dunmore"). Two multi-word person names join when their surnames
//! are the same (initials aside) and each given name is the other's, with
//! the same suffix ("Donald Lee Jr." is not "Donald Lee"), or starts it
//! ("pat" of "patrick"); a surname shared by people whose given names
//! disagree ("Al Kern", "Bo Kern") joins nobody.
//!
//! Guarantees: one pass over the mentions plus one over each surname's
//! names (linear in mentions, bounded per surname); only PERSON mentions of
//! two words or more are touched; no panics.

use crate::entities::Mention;
use crate::text::fasthash::{FastMap, FastSet};
use crate::text::Doc;
use crate::EntityType;

/// The most distinct names of one surname looked at (bounded work).
const MAX_FORMS: usize = 8;

/// Joins the clusters (given as each mention's root in `root_of`) whose
/// person names are forms of one name.
pub fn join(doc: &Doc, mentions: &[Mention], root_of: &mut [usize]) {
    // surname -> distinct (given name and suffix, root) pairs.
    let mut by_surname: FastMap<String, Vec<(Given, usize)>> = FastMap::default();
    // Each distinct name of each cluster is read once (a name repeats).
    let mut seen: FastSet<(usize, &str)> = FastSet::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::PERSON {
            continue;
        }
        let text = doc.slice(m.start, m.end);
        let Some(&root) = root_of.get(i) else { continue };
        if !text.contains(' ') || !seen.insert((root, text)) {
            continue;
        }
        let Some((given, surname)) = parts(text) else { continue };
        let forms = by_surname.entry(surname).or_default();
        if forms.len() < MAX_FORMS && !forms.iter().any(|(g, r)| *r == root && *g == given) {
            forms.push((given, root));
        }
    }
    let mut remap: FastMap<usize, usize> = FastMap::default();
    for forms in by_surname.values() {
        let Some((_, target)) = forms.first() else { continue };
        let all_agree = forms.iter().all(|(a, _)| forms.iter().all(|(b, _)| compatible(a, b)));
        if !all_agree {
            continue;
        }
        for (_, r) in forms.iter().skip(1) {
            if r != target {
                remap.insert(*r, *target);
            }
        }
    }
    if remap.is_empty() {
        return;
    }
    for r in root_of.iter_mut() {
        // Follow a chain of remappings (bounded by the number of entries).
        let mut steps = 0;
        while let Some(&t) = remap.get(r).filter(|_| steps < MAX_FORMS) {
            *r = t;
            steps += 1;
        }
    }
}

/// A given name and the generational suffix after the surname, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Given {
    name: String,
    suffix: Option<String>,
}

/// The lower-cased given name (with the suffix) and surname of a person's
/// name of two words or more, without initials.
fn parts(name: &str) -> Option<(Given, String)> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .filter(|w| !w.is_empty() && w.chars().count() > 1)
        .collect();
    let suffix =
        words.last().filter(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv")).cloned();
    if suffix.is_some() {
        words.pop();
    }
    match words.as_slice() {
        [given, .., surname] => Some((Given { name: given.clone(), suffix }, surname.clone())),
        _ => None,
    }
}

/// Whether two given names can be one person's: the same with the same
/// suffix, or one starting the other and at least three letters long
/// ("pat", "patrick").
fn compatible(a: &Given, b: &Given) -> bool {
    if a.name == b.name {
        return a.suffix == b.suffix;
    }
    let (short, long) =
        if a.name.len() <= b.name.len() { (&a.name, &b.name) } else { (&b.name, &a.name) };
    short.chars().count() >= 3 && long.starts_with(short.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(name: &str, suffix: Option<&str>) -> Given {
        Given { name: name.to_string(), suffix: suffix.map(str::to_string) }
    }

    #[test]
    fn initials_are_not_the_name_and_suffixes_are_kept() {
        assert_eq!(
            parts("Patrick W. Dunmore Jr."),
            Some((given("patrick", Some("jr")), "dunmore".to_string()))
        );
        assert_eq!(parts("Dunmore"), None);
    }

    #[test]
    fn short_given_names_start_the_long_ones() {
        assert!(compatible(&given("pat", None), &given("patrick", Some("jr"))));
        assert!(compatible(&given("patrick", None), &given("patrick", None)));
        assert!(!compatible(&given("donald", None), &given("donald", Some("jr"))));
        assert!(!compatible(&given("al", None), &given("alan", None)));
        assert!(!compatible(&given("mary", None), &given("martin", None)));
    }

    #[test]
    fn forms_of_one_name_share_a_cluster() {
        let t = "Patrick W. Dunmore Jr. was sentenced. Pat Dunmore is sorry, his lawyer said. Al Kern and Bo Kern watched.";
        let d = Doc::new(t);
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let names: Vec<&str> = table.clusters.iter().map(|c| c.name.as_str()).collect();
        assert!(!names.contains(&"Pat Dunmore"), "{names:?}");
        assert!(names.contains(&"Al Kern") && names.contains(&"Bo Kern"), "{names:?}");
    }
}
