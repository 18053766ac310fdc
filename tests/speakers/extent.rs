//! What was said: where a quote's text begins and ends, and what is no part of it.

use super::*;

#[test]
fn a_topic_or_a_lone_object_is_not_what_was_said() {
    let t = "Pat Dunmore, who joked about the coach's habit of changing sticks all season, could see the trouble.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    let t = "The song became a gift to the women who wrote it.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    // "about" before a number is a figure, and the clause is reported.
    let t = "Lee said about 20 people have asked for the seat.";
    assert_eq!(name_for(t, "20 people"), "Lee");
}

#[test]
fn said_of_that_names_a_topic_not_a_clause() {
    let t = "\"We were looking to do this later,\" Ann Lee, a deputy administrator, said of that plan in a call with reporters.";
    assert_eq!(name_for(t, "looking to do this"), "Ann Lee");
    assert!(quotes(t).iter().all(|q| !q.text.contains("call with reporters")), "{:#?}", quotes(t));
}

#[test]
fn an_opening_adjunct_is_not_what_was_said() {
    let t = "In a statement, Ann Zucker said the unit would grow.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "the unit would grow.");
    let qs = quotes("In a note to staff, Ann Zucker said the unit would grow.");
    assert!(qs.iter().all(|q| !q.text.contains("staff")), "{qs:#?}");
    // "To see it, ..., one must go": the sentence runs through the attribution.
    let t = "To see the real case, Judge Ann Roe said, one should visit the museum.";
    assert!(quotes(t).iter().any(|q| q.text.contains("To see the real case")));
}

#[test]
fn a_place_after_the_verb_is_not_what_was_said() {
    let t =
        "Ann Lee testified before the Senate committee in Washington, where members were angry.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    // "at least" is a number, not a place.
    let t = "Ann Lee said at least 5,000 people entered the hall through its doors.";
    assert!(quotes(t).iter().any(|q| q.text.starts_with("at least 5,000")));
}

#[test]
fn the_occasion_of_the_speech_is_not_what_was_said() {
    let qs = quotes("Ann Lee called for more school money in a statement on Thursday.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "more school money");
    let qs = quotes("Ann Lee said the plan would fail on Twitter.");
    assert_eq!(qs[0].text, "the plan would fail");
    // A place or channel that is part of what was said stays.
    let qs = quotes("Ann Lee said the ads ran on television at an event in Ohio.");
    assert!(qs[0].text.contains("at an event in Ohio"), "{qs:#?}");
}

#[test]
fn a_sentence_interrupted_by_its_attribution_goes_on_past_the_adjunct() {
    let qs = quotes("The truth, the senator said then, was that Tom Bell had attacked his wife.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].parts.len(), 2, "{qs:#?}");
    assert!(qs[0].text.ends_with("had attacked his wife."), "{qs:#?}");
    // A new clause after the comma is not the quote's.
    let qs = quotes("The plan failed, Ann Lee said on Tuesday, and the town moved on.");
    assert_eq!(qs[0].text, "The plan failed");
}

#[test]
fn a_closing_comment_after_a_comma_is_the_reporters() {
    let qs = quotes("Tom Bell said he did not back Ann Lee, the presumed favorite.");
    assert_eq!(qs[0].text, "he did not back Ann Lee");
    // A clause of its own after the comma stays.
    let qs = quotes("Tom Bell said he did not back Ann Lee, the one who was favored.");
    assert!(qs[0].text.ends_with("was favored."), "{qs:#?}");
}

#[test]
fn an_inverted_attribution_mid_sentence_is_no_apposition() {
    let qs = quotes("The key to the success, says Ann Lee, is the network behind it.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].parts.len(), 2, "{qs:#?}");
    assert!(qs[0].text.ends_with("is the network behind it."), "{qs:#?}");
}

#[test]
fn a_depending_phrase_is_part_of_what_was_said() {
    let qs = quotes(
        "Ann Lee said the number will be four to six, depending on whether people keep paying.",
    );
    assert!(qs[0].text.ends_with("keep paying."), "{qs:#?}");
    // A participle of the reporter's own still ends it.
    let qs =
        quotes("Ann Lee said the number will be four to six, prompting a sharp fall in shares.");
    assert!(!qs[0].text.contains("prompting"), "{qs:#?}");
}

#[test]
fn according_to_mid_sentence_lets_the_sentence_resume_at_a_verb() {
    let t = "One of the guards, according to prison records, had worked many extra shifts.";
    let qs = quotes(t);
    assert!(qs[0].text.ends_with("many extra shifts."), "{qs:#?}");
    assert!(quotes("The guards slept before reporting to duty on the unit.").is_empty());
    // An apposition after the source is no resumption.
    let t = "Pay rose sharply, according to Ann Lee, head of the centre, and other experts.";
    assert!(!quotes(t)[0].text.contains("head of the centre"), "{:#?}", quotes(t));
}

#[test]
fn after_an_inverted_speaker_and_a_relative_nothing_more_was_said() {
    let t = "Tariffs have helped the country, said Tom Bell, who heads the Alliance for Jobs, a group that backs them.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "Tariffs have helped the country");
    let t = "(As Dr. Ann Lee noted at the time, the risk was moderate, according to guidance from the clinic.)";
    assert!(quotes(t).iter().all(|q| !q.text.contains("noted at the time")), "{:#?}", quotes(t));
    let qs = quotes("Ann Lee called for mercy for the boy in a letter posted online.");
    assert_eq!(qs[0].text, "mercy for the boy");
}

#[test]
fn an_aside_after_the_verb_and_a_new_quotation_after_the_name_are_not_speech_or_speaker() {
    let t = "The authors wrote that sleep matters. They cautioned, however, that the study shows an association.";
    let qs = quotes(t);
    assert!(qs.iter().any(|q| q.text == "the study shows an association."), "{qs:#?}");
    // The full stop after the name, before a new quotation, is the sentence's.
    let t = "\"The effect held,\" said lead author Dr. Maya Chen. \"That surprised us.\"";
    let qs = quotes(t);
    assert_eq!(
        qs.first().and_then(|q| q.speaker.as_ref()).map(|s| s.text.as_str()),
        Some("lead author Dr. Maya Chen")
    );
}

#[test]
fn the_person_before_of_is_the_speaker_and_a_closing_comment_is_not_speech() {
    let t =
        "Analyst Ben Ortiz of Keller Research said in a note that Lumen was \"testing loyalty.\"";
    assert_eq!(name_for(t, "testing loyalty"), "Ben Ortiz");
    let t = "Lumen will raise its prices in January, the company said on Monday, its second increase this year.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("Lumen will raise its prices in January"),
        "{qs:#?}"
    );
}

#[test]
fn a_call_or_an_email_after_the_verb_is_a_noun_on_the_way_to_that() {
    let t = "The finance chief, Priya Nat, told investors on a call that the higher prices were needed.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("the higher prices were needed."),
        "{qs:#?}"
    );
    // A relative "that" after the noun is no clause of what was said.
    let t = "Job cuts will come this week, said chair Ann Vell in an email to staff that was seen by Reuters.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("Job cuts will come this week"),
        "{qs:#?}"
    );
}

#[test]
fn the_subject_of_a_passive_is_not_what_was_said() {
    let t = "Marjorie Keane, 61, of Westfield, is accused of writing checks to herself.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    // What follows the passive is still reported.
    let t = "It was reported on Friday that the plant will close.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("the plant will close."));
}

#[test]
fn a_document_after_the_verb_is_on_the_way_to_that() {
    let t = "The National Grocers Association said in a report last month that its margins averaged just 1.6%.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("its margins averaged just 1.6%."));
}
