//! Tests of the alias rules on short made-up texts with hand-placed mentions.

use super::*;

/// Mentions of `spans` (text, type, optional title), each the next
/// occurrence of its text after the previous mention.
fn table(t: &str, spans: &[(&str, EntityType, Option<&str>)]) -> EntityTable {
    let doc = Doc::new(t);
    let mut from = 0;
    let mut ms = Vec::new();
    for (s, kind, title) in spans {
        let start = from + t[from..].find(s).expect("span in text");
        let title = title.map(|x| {
            let ts = t[..start].rfind(x).expect("title in text");
            (ts, ts + x.len())
        });
        ms.push(Mention { start, end: start + s.len(), kind: *kind, title });
        from = start + s.len();
    }
    cluster(&doc, ms)
}

use EntityType::*;

#[test]
fn surname_joins_full_name_and_keeps_title() {
    let t = "Secretary of State Ann Vell spoke. Later Vell left.";
    let tb = table(t, &[("Ann Vell", PERSON, Some("Secretary of State")), ("Vell", PERSON, None)]);
    assert_eq!(tb.clusters.len(), 1);
    assert_eq!(tb.name(0), Some("Ann Vell"));
    assert_eq!(tb.title(0), Some("Secretary of State"));
    assert_eq!(tb.gender(0), Gender::Female);
}

#[test]
fn surname_before_the_full_name_and_mistyped() {
    let t = "VELL WINS. Ann Vell won. Vell smiled.";
    let tb = table(t, &[("VELL", ORG, None), ("Ann Vell", PERSON, None), ("Vell", ORG, None)]);
    assert_eq!(tb.cluster_of, vec![0, 0, 0]);
    assert!(tb.mentions.iter().all(|m| m.kind == PERSON));
    assert_eq!(tb.kind(0), Some(PERSON));
}

#[test]
fn shared_surnames_go_to_the_nearest_full_name() {
    let t = "Bo Kern met Al Kern. Kern said no. Kern left.";
    let tb = table(
        t,
        &[
            ("Bo Kern", PERSON, None),
            ("Al Kern", PERSON, None),
            ("Kern", PERSON, None),
            ("Kern", PERSON, None),
        ],
    );
    assert_eq!(tb.cluster_of, vec![0, 1, 1, 1]);
    assert_eq!(tb.gender(0), Gender::Unknown);
}

#[test]
fn name_endings_join() {
    let t = "Curtis Weldon and Wayne Curtis Weldon.";
    let tb = table(t, &[("Curtis Weldon", PERSON, None), ("Wayne Curtis Weldon", PERSON, None)]);
    assert_eq!(tb.cluster_of, vec![0, 0]);
    assert_eq!(tb.name(0), Some("Wayne Curtis Weldon"));
}

#[test]
fn country_aliases_are_one_place() {
    let t = "The US and the U.S. and the United States and the UK.";
    let tb = table(
        t,
        &[("US", GPE, None), ("U.S.", GPE, None), ("United States", GPE, None), ("UK", GPE, None)],
    );
    assert_eq!(tb.cluster_of, vec![0, 0, 0, 1]);
    assert_eq!(tb.name(0), Some("United States"));
}

#[test]
fn acronyms_join_their_long_form_either_way() {
    let t =
        "The FBI said the Federal Bureau of Investigation and the Zeta Trust Bank (ZTB) agreed.";
    let tb = table(
        t,
        &[
            ("FBI", ORG, None),
            ("Federal Bureau of Investigation", ORG, None),
            ("Zeta Trust Bank", ORG, None),
            ("ZTB", GPE, None),
        ],
    );
    assert_eq!(tb.cluster_of, vec![0, 0, 1, 1]);
    assert_eq!(tb.name(0), Some("Federal Bureau of Investigation"));
    assert_eq!(tb.mentions[3].kind, ORG);
}

#[test]
fn places_that_are_surnames_stay_places() {
    let t = "Ed Paris flew to Paris.";
    let tb = table(t, &[("Ed Paris", PERSON, None), ("Paris", GPE, None)]);
    assert_eq!(tb.cluster_of, vec![0, 1]);
    assert_eq!(tb.gender(0), Gender::Male);
}

#[test]
fn gender_from_titles() {
    let t = "Mrs. Lo and Mr. Ba met.";
    let tb = table(t, &[("Lo", PERSON, Some("Mrs.")), ("Ba", PERSON, Some("Mr."))]);
    assert_eq!((tb.gender(0), tb.gender(1)), (Gender::Female, Gender::Male));
}

#[test]
fn lookups_by_byte_and_entity_order() {
    let t = "Ann Vell met Bo Kern. Vell left.";
    let tb =
        table(t, &[("Ann Vell", PERSON, None), ("Bo Kern", PERSON, None), ("Vell", PERSON, None)]);
    assert_eq!(tb.entity_containing(t.find("Kern").unwrap_or(0)), Some(1));
    assert_eq!(tb.entity_containing(t.find("met").unwrap_or(0)), None);
    assert_eq!(tb.entity_at(t.rfind("Vell").unwrap_or(0), t.len() - 6), Some(0));
    let doc = Doc::new(t);
    let ents = tb.into_entities(&doc);
    assert_eq!(ents[0].name, "Ann Vell");
    assert_eq!(ents[0].mentions.len(), 2);
    assert_eq!(ents[1].name, "Bo Kern");
}

#[test]
fn no_mentions_no_clusters() {
    let tb = table("Nothing here.", &[]);
    assert!(tb.clusters.is_empty() && tb.entity_containing(0).is_none());
}

#[test]
fn same_surname_different_first_names_stay_apart() {
    let t = "Hillary Clinton spoke. Clinton said no. Bill Clinton came.";
    let tb = table(
        t,
        &[
            ("Hillary Clinton", PERSON, None),
            ("Clinton", PERSON, None),
            ("Bill Clinton", PERSON, None),
        ],
    );
    assert_eq!(tb.cluster_of, vec![0, 0, 1]);
}

#[test]
fn short_forms_of_organisations_join_them() {
    let t = "Zorvex Steel Corp rose. Zorvex said it would hire Ann Lee. Ann spoke.";
    let tb = table(
        t,
        &[
            ("Zorvex Steel Corp", ORG, None),
            ("Zorvex", PERSON, None),
            ("Ann Lee", PERSON, None),
            ("Ann", PERSON, None),
        ],
    );
    assert_eq!(tb.cluster_of[..2], [0, 0]);
    assert_eq!(tb.mentions[1].kind, ORG);
    assert_eq!(tb.mentions[3].kind, PERSON, "a given name is not an organisation's short form");
}

#[test]
fn a_town_an_organisation_is_named_after_stays_a_town() {
    let t = "The Quarrow Transit Board met. Buses in Quarrow run late. Quarrow said no.";
    let tb = table(
        t,
        &[("Quarrow Transit Board", ORG, None), ("Quarrow", GPE, None), ("Quarrow", PERSON, None)],
    );
    assert_eq!(tb.mentions[1].kind, GPE, "the tagger's place stays a place");
    assert_ne!(tb.cluster_of[1], tb.cluster_of[0]);
    assert_eq!(
        tb.cluster_of[2], tb.cluster_of[0],
        "a short form the tagger did not call a place still joins"
    );
}

#[test]
fn canonical_names_have_single_spaces() {
    assert_eq!(single_spaced("Ann Lee"), "Ann Lee");
    assert_eq!(single_spaced("  Ann \t Lee "), "Ann Lee");
    assert_eq!(single_spaced("Ann  Lee"), "Ann Lee");
    assert_eq!(single_spaced("Zoë\u{a0}Lee"), "Zoë Lee");
}

#[test]
fn name_ranks_and_spacing_agree_with_the_character_rules() {
    for s in ["Ann Lee", "ANN LEE", " Ann\tB  Lee ", "", "x", "Zoë Lee", "U.S.", "a\u{b}b"] {
        let slow = (s.chars().any(char::is_lowercase), s.split_whitespace().count(), s.len());
        assert_eq!(name_rank_of(s), slow, "{s:?}");
        assert_eq!(single_spaced(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
    }
}

#[test]
fn repeated_names_and_acronyms_link_like_their_first_mention() {
    let t = "Wayne Curt Weld met FBI. Curt Weld and Wayne Curt Weld left the Federal Bureau of Investigation. \
             Later Curt Weld, Weld and the FBI and FBI agents; Federal Bureau of Investigation.";
    let tb = table(
        t,
        &[
            ("Wayne Curt Weld", PERSON, None),
            ("FBI", ORG, None),
            ("Curt Weld", PERSON, None),
            ("Wayne Curt Weld", PERSON, None),
            ("Federal Bureau of Investigation", ORG, None),
            ("Curt Weld", PERSON, None),
            ("Weld", PERSON, None),
            ("FBI", ORG, None),
            ("FBI", GPE, None),
            ("Federal Bureau of Investigation", ORG, None),
        ],
    );
    assert_eq!(
        tb.clusters.len(),
        2,
        "{:?}",
        tb.clusters.iter().map(|c| &c.name).collect::<Vec<_>>()
    );
    assert_eq!(tb.cluster_of, [0, 1, 0, 0, 1, 0, 0, 1, 1, 1]);
    assert!(tb.mentions.iter().skip(7).all(|m| m.kind == ORG));
}

#[test]
fn members_are_grouped_by_cluster_in_text_order() {
    assert_eq!(members_by_cluster(&[0, 1, 0, 2, 1, 0], &[3, 2, 1]), [0, 2, 5, 1, 4, 3]);
    assert!(members_by_cluster(&[], &[]).is_empty());
}

#[test]
fn entities_list_their_mentions_in_text_order() {
    let t = "Ann Lee met Bo Day. Lee and Day left. Ann Lee stayed.";
    let tb = table(
        t,
        &[
            ("Ann Lee", PERSON, None),
            ("Bo Day", PERSON, None),
            ("Lee", PERSON, None),
            ("Day", PERSON, None),
            ("Ann Lee", PERSON, None),
        ],
    );
    let ents = tb.into_entities(&Doc::new(t));
    let got: Vec<(&str, Vec<usize>)> = ents
        .iter()
        .map(|e| (e.name.as_str(), e.mentions.iter().map(|m| m.start).collect()))
        .collect();
    assert_eq!(got, [("Ann Lee", vec![0, 20, 38]), ("Bo Day", vec![12, 28])]);
}

#[test]
fn a_repeated_short_form_is_ranked_as_often_as_it_comes() {
    let t = "DONALD TRUMP won. Trump spoke. Trump left. Donald Trump waved.";
    let tb = table(
        t,
        &[
            ("DONALD TRUMP", PERSON, None),
            ("Trump", PERSON, None),
            ("Trump", PERSON, None),
            ("Donald Trump", PERSON, None),
        ],
    );
    assert_eq!(tb.clusters.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Donald Trump"]);
    let tb = table(
        t,
        &[("DONALD TRUMP", PERSON, None), ("Trump", PERSON, None), ("Trump", PERSON, None)],
    );
    assert_eq!(tb.clusters.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Trump"]);
}

#[test]
fn organisations_without_their_last_name_word_join() {
    let t = "Big Rock Records said no. Big Rock later agreed. Ann Lee Productions and Ann Lee.";
    let tb = table(
        t,
        &[
            ("Big Rock Records", ORG, None),
            ("Big Rock", ORG, None),
            ("Ann Lee Productions", ORG, None),
            ("Ann Lee", PERSON, None),
        ],
    );
    assert_eq!(tb.cluster_of[0], tb.cluster_of[1]);
    assert_eq!(tb.name(tb.cluster_of[1]), Some("Big Rock Records"));
    // Only an organisation is a short form of one: a person stays apart.
    assert_ne!(tb.cluster_of[2], tb.cluster_of[3]);
}

#[test]
fn one_name_typed_three_ways_is_one_entity_of_its_majority_type() {
    let t = "Shares of Vexmoor fell. Vexmoor makes chips. Vexmoor said demand was weak.";
    let tb = table(t, &[("Vexmoor", GPE, None), ("Vexmoor", ORG, None), ("Vexmoor", ORG, None)]);
    assert_eq!(tb.cluster_of, vec![0, 0, 0]);
    assert!(tb.mentions.iter().all(|m| m.kind == ORG), "{:?}", tb.mentions);
    assert_eq!(tb.clusters.len(), 1);
}

#[test]
fn a_name_in_capitals_keeps_its_types_apart() {
    // A results table: the team, then the dateline's city.
    let t = "DENHOLM 4 Carlow 2. DENHOLM 1996-08-24";
    let tb = table(t, &[("DENHOLM", ORG, None), ("Carlow", ORG, None), ("DENHOLM", GPE, None)]);
    assert_ne!(tb.cluster_of[0], tb.cluster_of[2]);
    assert_eq!((tb.mentions[0].kind, tb.mentions[2].kind), (ORG, GPE));
}

#[test]
fn a_name_typed_person_and_organisation_is_a_person_only_with_a_persons_marks() {
    // A team the tagger half took for a person.
    let t = "Dunmore beat Carlow. Dunmore led early. Dunmore scored twice.";
    let tb = table(t, &[("Dunmore", ORG, None), ("Dunmore", PERSON, None), ("Dunmore", PERSON, None)]);
    assert!(tb.mentions.iter().all(|m| m.kind == ORG), "{:?}", tb.mentions);
    // A given name marks a person, whatever the votes.
    let t = "Ann Dunmore won. Ann Dunmore said so.";
    let tb = table(t, &[("Ann Dunmore", PERSON, None), ("Ann Dunmore", ORG, None)]);
    assert!(tb.mentions.iter().all(|m| m.kind == PERSON), "{:?}", tb.mentions);
}
