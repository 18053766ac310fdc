//! Tests of where a quote's content begins and ends, and of quotations a
//! verb frames without reporting them, on short made-up sentences.

use super::*;

#[test]
fn short_quote_framed_by_a_named_subject_and_verb() {
    let q = one("Tom Berg admires the mayor as a “true leader” on most days.");
    assert_eq!(
        (q.0.as_str(), q.1, q.3.as_str()),
        ("the mayor as a “true leader", Partial, "Tom Berg")
    );
}

#[test]
fn short_quote_framed_by_a_judgement_after_an_apposition() {
    let q = one("Tom Berg, an analyst at a research firm, sees the line-up as its “weak spot.”");
    assert_eq!((q.0.as_str(), q.1, q.3.as_str()), ("the line-up as its “weak spot.", Partial, "Tom Berg"));
    // Not any verb: a title after "worried about" is no judgement of hers.
    assert!(quotes("Ann Lee, who had been away, worried about doing justice to a song like “Home,” given her past.")
        .is_empty());
}

#[test]
fn a_question_asked_starts_at_whether() {
    for (t, want) in [
        ("The lawyer asked whether Tom Berg had been wearing his glasses.", "whether Tom Berg had"),
        ("The lawyer asked Tom Berg whether he had been wearing his glasses.", "whether he had"),
        ("The lawyer asked Tom Berg if he had been wearing his glasses.", "if he had"),
    ] {
        let q = one(t);
        assert!(q.0.starts_with(want), "{t}: {q:?}");
    }
}

#[test]
fn said_in_a_modified_post_that_reports_the_clause() {
    let q = one("Acme Corp said in a blog post on Monday that it would hire forty engineers.");
    assert_eq!(q.0, "it would hire forty engineers.");
}

#[test]
fn participle_with_its_agent_reports_nothing() {
    assert!(quotes("In the letters, first reported by the Ledger, the aide mocked the voters.").is_empty());
    assert!(quotes("The claims, reported by the Ledger on Monday, were false.").is_empty());
    assert_eq!(one("It was reported by the Ledger that the aide had quit.").0, "the aide had quit.");
}

#[test]
fn section_labels_are_not_speakers() {
    assert!(quotes("The Latest: Mary Jones wins the primary in Ohio").is_empty());
    assert!(quotes("Q: Have you talked to him about the court?").is_empty());
}

#[test]
fn noun_uses_of_reporting_words_are_not_cues() {
    assert!(quotes("Mary Jones's comments came after the vote in the state house.").is_empty());
}

#[test]
fn quotation_closing_a_that_clause_reports_the_clause() {
    let q = one("The letter carried a warning that the new bridge plan is \"dead on arrival in this form\" for now.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str()),
        ("the new bridge plan is \"dead on arrival in this form\" for now.", "warning")
    );
}

#[test]
fn scare_quote_in_a_that_clause_reports_the_clause() {
    let q = one("Tom Berg stood by his belief that there were \"many errors\" in the count.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str()),
        ("there were \"many errors\" in the count.", "belief")
    );
}

#[test]
fn that_clause_rule_stops_at_a_sentence_end() {
    let q = one("He saw that. The plan is \"dead on arrival in this form\" now.");
    assert_eq!((q.0.as_str(), q.2.as_str()), ("dead on arrival in this form", ""));
}

#[test]
fn short_quote_that_is_a_sentence_continues_the_quote_before() {
    let q = quotes("Ann Lee was firm. “Buses are fine,” she said. “Cars are not.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("Cars are not."), "{q:?}");
    // A short quotation inside a sentence stays a scare quote.
    assert!(quotes("The plan was “too slow” for many of them.").is_empty());
}

#[test]
fn second_quotation_in_a_clause_of_its_own_is_not_joined() {
    let q = quotes("“Done yet?” Ann Lee said, but Tom was asleep, and as Bill went on about “how the roads are bad for all of us,” she nodded.");
    assert_eq!(q.first().map(|q| q.0.as_str()), Some("Done yet?"), "{q:?}");
}

#[test]
fn right_mark_opening_a_paragraph_opens_the_quote() {
    let q =
        one("Ann Lee is a columnist.\n\n” … the vote was a mess from start to end,” Lee wrote.");
    assert_eq!((q.0.as_str(), q.2.as_str()), ("… the vote was a mess from start to end,", "wrote"));
}

#[test]
fn two_halves_around_the_attribution_are_direct() {
    let q = one("“We will win the vote,” Ann Lee said on Monday. “We always do.”");
    assert_eq!(q.1, Direct, "{q:?}");
    assert_eq!(one("Ann Lee said the vote was “a mess” and a waste of time.").1, Mixed);
}

#[test]
fn transcript_labels_name_the_speaker() {
    let q = quotes("ROSS: Good evening, and welcome to the show.\n\nLEE: Thanks, it is good to be here.\n\nROSS: Shall we start with the vote?\n\nLEE: Yes, let us start there.");
    assert_eq!(q.len(), 4, "{q:?}");
    assert_eq!(
        (q[0].0.as_str(), q[0].2.as_str(), q[0].3.as_str()),
        ("Good evening, and welcome to the show.", ":", "ROSS")
    );
}

#[test]
fn stray_paragraph_mark_does_not_hide_the_quote_inside() {
    let q = one("\"Ann Lee walked on stage, chanting “we want more!”");
    assert_eq!(
        (q.0.as_str(), q.2.as_str(), q.3.as_str()),
        ("we want more!", "chanting", "Ann Lee")
    );
}

#[test]
fn quote_with_full_stop_does_not_take_the_next_sentence_speaker() {
    let q = quotes("Ann Lee said \"the key is the timing.\" Bob Reed (R) said it would be \"unwise\" to speak while the case is open.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[1].0.as_str(), q[1].3.as_str()),
        ("it would be \"unwise\" to speak while the case is open.", "Bob Reed")
    );
}

#[test]
fn dash_after_a_quotation_ends_the_content() {
    let q = one("Ann Lee likened the plan to \"a fire sale\" - a charge that stung the mayor.");
    assert_eq!(q.0, "the plan to \"a fire sale");
}

#[test]
fn as_x_put_it_takes_the_quotation_that_follows() {
    let q = quotes("He was seen, as the Daily Post put it in a long story, “the quiet fixer.”");
    assert_eq!(
        q.first().map(|q| (q.0.as_str(), q.3.as_str())),
        Some(("the quiet fixer.", "the Daily Post")),
        "{q:?}"
    );
}

#[test]
fn referenced_reports_a_quotation() {
    let q = one("The bank did not name him, but it referenced \"deep tensions\" in rich nations.");
    assert_eq!((q.2.as_str(), q.3.as_str()), ("referenced", "it"));
}

#[test]
fn participle_after_a_quotation_ends_the_content() {
    let q = one("Ann Lee said the plan was \"a mess,\" waving a copy of it at the crowd.");
    assert_eq!(q.0, "the plan was \"a mess,");
}

#[test]
fn clause_with_its_own_quotation_after_a_quotation_is_what_was_said() {
    let q = quotes("Walking in to chants of \"Go! Go!,\" the senator said his campaign was \"closing strong\" this week.");
    assert!(
        q.iter().any(|q| q.0 == "his campaign was \"closing strong\" this week." && q.2 == "said"),
        "{q:?}"
    );
    // Without a quotation of its own, the clause is an adjunct: the quote before is what was said.
    let q =
        quotes("\"We will win,\" Ann Lee said carefully, as the words rolled across the screen.");
    assert_eq!(q.first().map(|q| q.0.as_str()), Some("We will win,"), "{q:?}");
}

#[test]
fn description_then_name_in_commas_resolves_to_the_name() {
    let q = one(
        "The board met on Monday. Its new treasurer, Nora Quill, said the fund was short of money.",
    );
    assert_eq!((q.3.as_str(), q.4.as_str()), ("Its new treasurer, Nora Quill", "Nora Quill"));
}

#[test]
fn content_ends_before_the_and_of_a_second_verb() {
    let q = quotes("Ann Lee called the plan “a promise kept” and said a meeting would be held.");
    assert_eq!(q.first().map(|q| q.0.as_str()), Some("the plan “a promise kept"), "{q:?}");
}

#[test]
fn quotation_after_another_sentence_is_not_joined_to_reported_speech() {
    let q = quotes("Ann Lee said the count was slow. The night was long and “nobody slept at all in the hall.”");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "the count was slow.");
    // It keeps the speaker, and the verb of its paragraph as cue.
    assert_eq!((q[1].2.as_str(), q[1].4.as_str()), ("said", "Ann Lee"), "{q:?}");
    // Right after the reported speech, it continues it.
    assert_eq!(
        quotes("Ann Lee said the count was slow. “Nobody slept at all in the hall.”").len(),
        1
    );
}

#[test]
fn quotation_after_reported_speech_and_its_verb_is_a_quote_of_its_own() {
    let q = quotes("There are many kinds of the illness, such as the one farmers get, Ann Lee added. “You name it, somebody has had it.”");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[1].0.as_str(), q[1].4.as_str()), ("You name it, somebody has had it.", "Ann Lee"));
    // After a quotation and its verb, it is the quote's second half.
    assert_eq!(quotes("“It is rare,” Ann Lee added. “You name it, somebody has had it.”").len(), 1);
}

#[test]
fn contracted_is_before_a_verb_is_no_possessive() {
    let q =
        one("Ann Lee is upbeat. She’s predicting she will do “very, very well” in the next vote.");
    assert_eq!((q.2.as_str(), q.4.as_str()), ("predicting", "Ann Lee"), "{q:?}");
}

#[test]
fn participle_after_a_quotation_with_its_comma_inside() {
    let q =
        quotes("Ann Lee trashed Bob Reed on “Morning Talk,” calling it a “no-brainer” to sue him.");
    assert!(q.iter().any(|q| q.2 == "calling" && q.0.starts_with("it a “no-brainer")), "{q:?}");
    // A participle reports what follows it, never the quotation before it.
    let q =
        one("Ann Lee openly admires Bob Reed as a “strong leader,” comparing him to the mayor.");
    assert_eq!(q.2, "admires", "{q:?}");
}

#[test]
fn quotation_after_an_adjunct_comma_is_the_content() {
    let q = quotes(
        "“We cannot pay for it,” Ann Lee said, adding later, “The plan costs us a fortune.”",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[1].0.as_str(), q[1].2.as_str()), ("The plan costs us a fortune.", "adding"));
}

#[test]
fn verb_with_object_and_colon_claims_the_quotation() {
    let q = quotes("Sen. Ann Lee scolded him: “The science is against you on all three pills,” she said. “When you call a pill a miracle, people buy it.”");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].0.as_str(), q[0].2.as_str()),
        ("The science is against you on all three pills,", "scolded")
    );
    assert_eq!(
        (q[1].0.as_str(), q[1].4.as_str()),
        ("When you call a pill a miracle, people buy it.", "Ann Lee")
    );
}

#[test]
fn sentence_running_on_through_the_attribution_is_one_quote() {
    let q = one("“Only you, Tom,” Ann Lee said, would turn a loss into a win.");
    assert_eq!(
        (q.0.as_str(), q.2.as_str()),
        ("Only you, Tom, … would turn a loss into a win.", "said")
    );
}

#[test]
fn time_words_are_not_speakers() {
    let q = one("Lark Bank just this month announced it would drop the fees.");
    assert_eq!(q.3, "Lark Bank", "{q:?}");
}

#[test]
fn quotation_right_after_the_verb_ends_where_the_sentence_moves_on() {
    assert_eq!(
        one("Ann Lee yelled “You lie!” at the mayor during the long meeting.").0,
        "You lie!"
    );
    assert_eq!(one("Ann Lee said, “We will see,” when asked about the vote.").0, "We will see,");
}
