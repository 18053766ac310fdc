//! Tests of the whole entity stage on short made-up sentences.

use super::*;

fn found(t: &str) -> Vec<(&str, EntityType)> {
    let doc = Doc::new(t);
    find(&doc).into_iter().map(|m| (&t[m.start..m.end], m.kind)).collect()
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let t = "On Monday, Ann Lee of Acme Corp flew from Paris to Berlin with $5 million.";
    let doc = Doc::new(t);
    let ms = find(&doc);
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(found(t).contains(&("Monday", EntityType::DATE)));
}
