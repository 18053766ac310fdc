//! Tests of the whole quote stage on short made-up sentences, one per case
//! the quote finder must handle.

use super::*;
use crate::QuoteKind::*;

/// (content, kind, cue, speaker text, speaker name) of each quote.
fn quotes(t: &str) -> Vec<(String, QuoteKind, String, String, String)> {
    quotes_with(t, Continuations::Join)
}

fn quotes_with(
    t: &str,
    continuations: Continuations,
) -> Vec<(String, QuoteKind, String, String, String)> {
    let doc = Doc::new(t);
    let table = crate::coref::cluster(&doc, crate::entities::find(&doc));
    find(&doc, &table, continuations)
        .into_iter()
        .map(|q| {
            let cue = q.cue.map(|c| c.text).unwrap_or_default();
            let (st, sn) = q.speaker.map(|s| (s.text, s.name)).unwrap_or_default();
            (q.text, q.kind, cue, st, sn)
        })
        .collect()
}

fn one(t: &str) -> (String, QuoteKind, String, String, String) {
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn direct_quote_with_attribution_after() {
    let q = one("\"We will win the vote,\" Mary Jones said on Monday.");
    assert_eq!(q.0, "We will win the vote,");
    assert_eq!(
        (q.1, q.2.as_str(), q.3.as_str(), q.4.as_str()),
        (Direct, "said", "Mary Jones", "Mary Jones")
    );
}

#[test]
fn curly_single_and_guillemet_quotes() {
    assert_eq!(one("“We will win the vote,” said Mary Jones.").3, "Mary Jones");
    assert_eq!(one("‘We will win the vote,’ Mary Jones said.").0, "We will win the vote,");
    assert_eq!(one("«We will win the vote», Mary Jones said.").0, "We will win the vote");
}

#[test]
fn attribution_before_with_colon() {
    let q = one("Mary Jones said: \"We will win the vote.\"");
    assert_eq!((q.0.as_str(), q.1, q.3.as_str()), ("We will win the vote.", Direct, "Mary Jones"));
}

#[test]
fn attribution_in_the_middle_is_one_quote() {
    let q = one("\"We will,\" he said, \"win the vote in the end.\"");
    assert!(q.0.starts_with("We will") && q.0.ends_with("in the end."), "{q:?}");
    assert_eq!(q.2, "said");
}

#[test]
fn multi_sentence_quote() {
    let q = one("\"We will win. Then we rest. Then we govern,\" Mary Jones said.");
    assert_eq!(q.0, "We will win. Then we rest. Then we govern,");
}

#[test]
fn multi_paragraph_quote_continues_with_the_same_speaker() {
    let t = "\"We will win the vote in the spring,\" Mary Jones said.\n\n\"And after that we will govern the whole state well.\"";
    let q = quotes(t);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, "And after that we will govern the whole state well.");
    assert_eq!(q[1].4, "Mary Jones");
}

#[test]
fn stray_marks_make_no_runaway_quote() {
    let t = "He was 6'2\" in the '90s and loved rock 'n' roll and Russia’s songs.\n\nA second paragraph here.";
    assert!(quotes(t).is_empty());
    let q = quotes("She said \"no and left the room.\n\nA long second paragraph follows here.");
    assert!(q.iter().all(|q| !q.0.contains("second")), "{q:?}");
}

#[test]
fn scare_quote_inside_reported_speech_is_one_mixed_quote() {
    let q =
        one("McMaster claimed that Russia aims to create \"crises of confidence\" in the West.");
    assert_eq!(q.0, "Russia aims to create \"crises of confidence\" in the West.");
    assert_eq!((q.1, q.2.as_str(), q.3.as_str()), (Mixed, "claimed", "McMaster"));
}

#[test]
fn lone_scare_quote_is_not_a_quote() {
    assert!(quotes("The so-called \"deal\" collapsed on Friday.").is_empty());
}

#[test]
fn reported_speech_forms() {
    let q = one("Mary Jones said the plan would fail.");
    assert_eq!((q.0.as_str(), q.1), ("the plan would fail.", Indirect));
    let q = one("Mary Jones told reporters that the plan would fail.");
    assert_eq!((q.0.as_str(), q.2.as_str()), ("the plan would fail.", "told"));
    let q = one("The plan would fail, Mary Jones said.");
    assert_eq!((q.0.as_str(), q.3.as_str()), ("The plan would fail", "Mary Jones"));
    let q = one("According to Mary Jones, the plan would fail.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str(), q.3.as_str()),
        ("the plan would fail.", "According to", "Mary Jones")
    );
    let q = one("The plan would fail, according to Mary Jones.");
    assert_eq!(q.0, "The plan would fail");
}

#[test]
fn reporting_verbs_with_that() {
    for verb in [
        "pointed out",
        "noted",
        "stressed",
        "emphasized",
        "warned",
        "argued",
        "claimed",
        "denied",
        "added",
    ] {
        let q = one(&format!("Mary Jones {verb} that the plan would fail."));
        assert_eq!((q.0.as_str(), q.2.as_str()), ("the plan would fail.", verb));
    }
}

#[test]
fn passive_report_has_no_speaker() {
    let q = one("It was reported that the plan would fail.");
    assert_eq!((q.0.as_str(), q.3.as_str()), ("the plan would fail.", ""));
}

#[test]
fn speakers_titles_and_organisations() {
    let q = one("Secretary of State Rex Tillerson said the talks would go on.");
    assert_eq!((q.3.as_str(), q.4.as_str()), ("Secretary of State Rex Tillerson", "Rex Tillerson"));
    assert_eq!(
        one("The New York Times reported that the talks would go on.").3,
        "The New York Times"
    );
    assert_eq!(one("The talks would go on, the Kremlin said.").3, "the Kremlin");
}

#[test]
fn pronoun_takes_the_last_fitting_person() {
    let t =
        "Rex Tillerson met Mary Jones on Monday.\n\n\"We will talk again next week,\" he added.";
    let q = one(t);
    assert_eq!((q.3.as_str(), q.4.as_str()), ("he", "Rex Tillerson"));
    let t =
        "Rex Tillerson met Mary Jones on Monday.\n\n\"We will talk again next week,\" she added.";
    assert_eq!(one(t).4, "Mary Jones");
}

#[test]
fn description_takes_the_person_with_that_title() {
    let t = "Secretary of State Rex Tillerson met Mary Jones.\n\nThe secretary said the talks would go on.";
    let q = one(t);
    assert_eq!((q.3.as_str(), q.4.as_str()), ("The secretary", "Rex Tillerson"));
}

#[test]
fn description_takes_the_last_person_named_with_that_title() {
    // Lee is named twice in a row, then Park takes the title, then Lee again.
    let t = "Secretary Ann Lee spoke. Lee left. Secretary Bo Park came. Lee stayed.\n\nThe secretary said the talks would go on.";
    assert_eq!(one(t).4, "Ann Lee");
    let t = "Secretary Ann Lee spoke. Lee left. Secretary Bo Park came.\n\nThe secretary said the talks would go on.";
    assert_eq!(one(t).4, "Bo Park");
}

#[test]
fn short_name_resolves_to_the_full_name() {
    let t = "Rex Tillerson arrived.\n\nTillerson said the talks would go on.";
    assert_eq!(one(t).4, "Rex Tillerson");
}

#[test]
fn headline_colon_is_a_cue() {
    let q = one("Tillerson: US will have talks with Russia\n\nSecretary of State Rex Tillerson flew to Moscow on Monday.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str(), q.3.as_str(), q.4.as_str()),
        ("US will have talks with Russia", ":", "Tillerson", "Rex Tillerson")
    );
    // A label that names no person or organisation is no speaker.
    assert!(quotes("Celebrity Watch: Taylor Swift will be honoured at the awards this year").is_empty());
}

#[test]
fn adding_that_keeps_the_speaker() {
    let q = quotes("Mary Jones said the plan would fail, adding that it was too costly.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "the plan would fail");
    assert_eq!((q[1].0.as_str(), q[1].4.as_str()), ("it was too costly.", "Mary Jones"));
}

#[test]
fn adding_that_keeps_its_own_speaker_after_a_continuation_paragraph() {
    // The unclaimed second paragraph comes between the two attributions in
    // text order; the "adding that" quote must still take Tom Reed.
    let t = "\"We will reopen the old bridge,\" Mayor Ada Brook said.\n\n\"It has been shut for a whole year now.\"\n\nTom Reed said the bridge was safe, adding that the cables were new.";
    let q = quotes(t);
    assert_eq!(q.len(), 4, "{q:?}");
    assert_eq!(
        (q[1].4.as_str(), q[3].0.as_str(), q[3].4.as_str()),
        ("Ada Brook", "the cables were new.", "Tom Reed")
    );
}

#[test]
fn continuations_join_or_separate_a_quotation_after_the_attribution() {
    let t = "\"We will reopen the bridge on Monday,\" Ada Brook said on Tuesday. \"Then the trams run again.\"";
    let joined = quotes_with(t, Continuations::Join);
    assert_eq!(joined.len(), 1, "{joined:?}");
    assert!(
        joined[0].0.starts_with("We will") && joined[0].0.ends_with("run again."),
        "{joined:?}"
    );
    let separate = quotes_with(t, Continuations::Separate);
    assert_eq!(separate.len(), 2, "{separate:?}");
    assert_eq!(
        (separate[0].0.as_str(), separate[1].0.as_str()),
        ("We will reopen the bridge on Monday,", "Then the trams run again.")
    );
    assert_eq!((separate[1].1, separate[1].4.as_str()), (Direct, "Ada Brook"));
    // Within one sentence the halves stay one quote either way.
    let mid = "\"We will,\" Ada Brook said, \"reopen the bridge on Monday.\"";
    assert_eq!(quotes_with(mid, Continuations::Separate).len(), 1);
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "\"",
        "said",
        "\" said \"",
        "according to",
        ":",
        "He said:",
        "“”",
        "''",
        "' '",
        "said,\n\n\"",
        "It was said",
    ] {
        let _ = quotes(t);
    }
}

#[test]
fn apposition_and_party_parenthesis_name_the_speaker() {
    let q = one("Phil Smith, a spokesman for the union, said the mine would reopen soon.");
    assert_eq!((q.0.as_str(), q.3.as_str()), ("the mine would reopen soon.", "Phil Smith"));
    let q = one("Rep. Ann Lee (D-N.Y.) said the mine would reopen soon.");
    assert_eq!(q.3, "Rep. Ann Lee");
}

#[test]
fn aside_attribution_covers_the_whole_sentence() {
    let q = one("The mine, she said, would reopen within a month.");
    assert_eq!((q.0.as_str(), q.3.as_str()), ("The mine … would reopen within a month.", "she"));
}

#[test]
fn participle_takes_the_sentence_subject() {
    let q = one("Mary Jones spoke on the radio on Monday, saying the mine would reopen.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str(), q.3.as_str()),
        ("the mine would reopen.", "saying", "Mary Jones")
    );
}

#[test]
fn quote_ending_in_a_question_mark_keeps_its_speaker() {
    let q = one("“Why would the mine reopen now?” Mary Jones asked.");
    assert_eq!((q.0.as_str(), q.3.as_str()), ("Why would the mine reopen now?", "Mary Jones"));
}

mod spans;
