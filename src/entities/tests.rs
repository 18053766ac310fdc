//! Tests of the whole entity stage (model, rules, titles) on short made-up
//! sentences: each type, the span conventions and the hard layouts.

use super::*;

fn found(t: &str) -> Vec<(&str, EntityType)> {
    let doc = Doc::new(t);
    find(&doc).into_iter().map(|m| (&t[m.start..m.end], m.kind)).collect()
}

fn has(t: &str, span: &str, kind: EntityType) -> bool {
    found(t).contains(&(span, kind))
}

use EntityType::*;

#[test]
fn the_model_is_embedded_and_decodes() {
    assert!(Model::embedded().is_some());
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let t = "On Monday, Ann Lee of Acme Corp flew from Paris to Berlin with $5 million.";
    let doc = Doc::new(t);
    let ms = find(&doc);
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(ms
        .iter()
        .all(|m| t.is_char_boundary(m.start) && t.is_char_boundary(m.end) && m.start < m.end));
}

#[test]
fn people_places_organisations_nationalities() {
    let t = "Prime Minister Olu Badejo of Nigeria spoke to the United Nations in New York.";
    assert!(has(t, "Olu Badejo", PERSON));
    assert!(has(t, "Nigeria", GPE));
    assert!(has(t, "United Nations", ORG));
    assert!(has(t, "New York", GPE));
    assert!(has("The Brazilian government paid.", "Brazilian", NORP));
    assert!(has("Ships sailed across the Mediterranean to Asia.", "Asia", LOC));
}

#[test]
fn titles_are_kept_out_of_person_spans() {
    let t = "Secretary of State Maria Delgado met President Jorge Almeida.";
    let doc = Doc::new(t);
    let ms = find(&doc);
    let titled: Vec<(&str, &str)> = ms
        .iter()
        .filter(|m| m.kind == PERSON)
        .filter_map(|m| m.title.map(|(s, e)| (&t[m.start..m.end], &t[s..e])))
        .collect();
    assert_eq!(titled, [("Maria Delgado", "Secretary of State"), ("Jorge Almeida", "President")]);
}

#[test]
fn possessives_and_curly_apostrophes_stay_out() {
    let t = "Russia’s foreign minister met Ann Kowalski's aide in Germany last year.";
    assert!(has(t, "Russia", GPE));
    assert!(has(t, "Ann Kowalski", PERSON));
    assert!(has(t, "last year", DATE));
}

#[test]
fn no_leading_the() {
    let t = "She wrote to the European Union and the United States.";
    assert!(has(t, "European Union", ORG));
    assert!(has(t, "United States", GPE));
}

#[test]
fn datelines_and_capital_headlines() {
    let t = "WASHINGTON (AP) — Senator Maria Delgado said on Tuesday that the Federal Bureau of Investigation would help.";
    assert!(has(t, "WASHINGTON", GPE));
    assert!(has(t, "AP", ORG));
    assert!(has(t, "Maria Delgado", PERSON));
    assert!(has(t, "Tuesday", DATE));
    assert!(has(t, "Federal Bureau of Investigation", ORG));
    let h = "DELGADO WINS VOTE IN PARIS\nMaria Delgado won the vote in Paris on Friday.";
    assert!(has(h, "PARIS", GPE));
    assert!(has(h, "Maria Delgado", PERSON));
}

#[test]
fn no_break_spaces_and_wrapped_lines() {
    assert!(has("Ann\u{a0}Kowalski visited the U.S. two days later.", "Ann\u{a0}Kowalski", PERSON));
    assert!(has("Ann\u{a0}Kowalski visited the U.S. two days later.", "U.S.", GPE));
    let wrapped = "The talks with Ann Kowalski ended in\nBerlin on Friday.";
    assert!(has(wrapped, "Berlin", GPE));
}

#[test]
fn numbers_and_dates_beside_names() {
    let t = "President Jorge Almeida paid $4.5 billion, 3.9 percent more, on Sunday.";
    assert!(has(t, "$4.5 billion", MONEY));
    assert!(has(t, "3.9 percent", PERCENT));
    assert!(has(t, "Sunday", DATE));
}

#[test]
fn junk_input_is_harmless() {
    for t in ["", " ", "\u{0}\u{0}", "’s", "The", "AAAA BBBB CCCC", "$", "%%%", "1-2-3-4-5"] {
        let doc = Doc::new(t);
        let ms = find(&doc);
        assert!(ms.iter().all(|m| m.end <= t.len()));
    }
}

#[test]
fn names_never_start_or_end_with_punctuation() {
    for t in [
        "“Donald said it.",
        "They call him “The Donald” — Donald — and Donald.",
        "I’m sure Ann Kowalski’s plan works.",
    ] {
        let doc = Doc::new(t);
        for m in find(&doc) {
            let s = &t[m.start..m.end];
            assert!(
                s.chars().next().is_some_and(char::is_alphanumeric) || s.starts_with('$'),
                "{s:?} in {t:?}"
            );
            assert!(
                s.chars().last().is_some_and(|c| c.is_alphanumeric() || c == '.'),
                "{s:?} in {t:?}"
            );
        }
    }
    assert!(!found("I’m sure Ann Kowalski’s plan works.").iter().any(|(s, _)| s.contains('I')));
}
