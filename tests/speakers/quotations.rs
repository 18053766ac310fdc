//! Words in quotation marks: partial quotes, scare quotes, and which quotation is whose.

use super::*;

#[test]
fn a_colon_after_a_named_subject_introduces_that_persons_words() {
    let t = "Jessie Burkett starred. Tom Harper directed the film. “It grabbed me,” he said.\n\nBurkett, who phoned in from the set, had a similar experience: “It was just that feeling of this is the song.”";
    assert_eq!(name_for(t, "this is the song"), "Jessie Burkett");
    // No named subject: the quote stays with the speaker before.
    let t = "“It grabbed me,” Tom Harper said.\n\nThe verdict of the crew was the same: “It was the song of the year.”";
    assert_eq!(name_for(t, "song of the year"), "Tom Harper");
}

#[test]
fn a_short_quotation_listed_after_a_reported_one_is_the_same_speakers() {
    let t = "Nurses chanted, “Fund our wards,” and “Hire more staff,” as they marched.";
    assert_eq!(name_for(t, "Hire more staff"), "Nurses");
    // Without a verb reporting the first, the second stays a scare quote.
    let t = "The “new normal” and “old habits” of the town.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
}

#[test]
fn a_plural_noun_is_no_verb_framing_a_quotation() {
    let t = "Coach Bo Kern gave his players a talk on Tuesday, telling them to “believe in yourselves” before the game.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.name.contains("gave"))),
        "{qs:#?}"
    );
    // A verb framing a fragment still makes a partial quote.
    let t = "Ann Vell openly admires the mayor as a “strong leader” in speeches.";
    assert_eq!(name_for(t, "strong leader"), "Ann Vell");
}

#[test]
fn a_name_given_before_its_object_is_the_quotation_alone() {
    let qs = quotes("Ann Lee is describing as “reckless” a Tom Bell post about the judge.");
    assert!(qs.iter().any(|q| q.text.contains("reckless") && !q.text.contains("post")), "{qs:#?}");
}

#[test]
fn a_quotation_set_off_by_commas_is_all_that_was_said() {
    let t = "While some teachers in Ohio chanted, “Pay us now,” in a hallway of the capitol, Speaker Tom Bell spoke.";
    let q = quote_with(t, "Pay us now");
    assert!(!q.text.contains("hallway"), "{q:#?}");
    assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("some teachers in Ohio"));
}

#[test]
fn a_quotation_after_a_long_adjunct_and_a_colon_is_what_was_said() {
    let t = "She sings on behalf of anyone who has ever had to learn the hard way: “There is no town like ours,” she and Mia sing together.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "There is no town like ours,");
}

#[test]
fn a_fragment_framed_by_naming_or_judgement_is_a_partial_quote_of_its_subject_or_agent() {
    use whosaid::QuoteKind;
    // The active voice: the subject said it.
    let t = "Senator Ann Vell slammed the hearings as a \"disgrace.\"";
    let q = quote_with(t, "disgrace");
    assert_eq!((q.kind, q.speaker.map(|s| s.name)), (QuoteKind::Partial, Some("Ann Vell".into())));
    let t = "The merger would create what Reed Omar dubbed the \"new Harbor Press.\"";
    let q = quote_with(t, "new Harbor Press");
    assert_eq!((q.kind, q.speaker.map(|s| s.name)), (QuoteKind::Partial, Some("Reed Omar".into())));
    // The passive: the agent after "by" said it, not the subject; the
    // fragment alone is what was said.
    let t = "The raid was described as \"unprecedented\" by the department.";
    let q = quote_with(t, "unprecedented");
    assert_eq!(q.text, "unprecedented");
    assert_eq!(
        (q.kind, q.speaker.map(|s| s.name)),
        (QuoteKind::Partial, Some("the department".into()))
    );
    let t = "The ruling, hailed as \"a landmark\" by legal scholars, was welcomed in Dover.";
    assert_eq!(name_for(t, "a landmark"), "legal scholars");
    let t = "The old jail, dubbed the \"Stone Hotel\" by soldiers held there, is now a museum.";
    assert_eq!(name_for(t, "Stone Hotel"), "soldiers");
    // A quoted sentence after a colon is no fragment.
    let t = "Ann Vell described the night: \"It was chaos.\"";
    assert_eq!(quote_with(t, "chaos").kind, QuoteKind::Direct);
}

#[test]
fn a_plural_subject_before_its_verb_frames_no_quotation() {
    let t = "In the mayor's view, only European visitors are \"welcome\" in Dover.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.name.contains("European"))),
        "{qs:#?}"
    );
}

#[test]
fn a_state_or_a_noun_before_of_frames_no_quotation() {
    for t in [
        "The Dover base is located inside a \"safe zone\" near the border.",
        "And Dover imports of \"intermediate goods\" rose in May.",
    ] {
        assert!(quotes(t).is_empty(), "{t}: {:#?}", quotes(t));
    }
    // A verb of naming in the passive still frames its fragment.
    let t = "The plan, Ann Vell said, was labelled \"reckless\" in Dover.";
    assert!(!quotes(t).is_empty());
}

#[test]
fn a_fragment_named_in_the_passive_has_no_speaker_but_its_agent() {
    let q = quote_with("The camp was labeled a \"disaster zone\" last year.", "disaster zone");
    assert!(q.speaker.is_none(), "{q:#?}");
    let qs = quotes("The decision has been seen as \"seriously weakening\" the law.");
    assert!(
        qs.iter().any(|q| q.text.contains("seriously weakening") && q.speaker.is_none()),
        "{qs:#?}"
    );
    assert_eq!(
        name_for("The plan was described as \"reckless\" by critics.", "reckless"),
        "critics"
    );
}

#[test]
fn a_straight_quotation_after_a_closed_one_keeps_its_own_attribution() {
    let t =
        "Owen Pike said the plan was \"dead.\" \"This is about headlines, not facts,\" Pike added.";
    let q = quote_with(t, "headlines");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("added"), "{q:#?}");
    assert!(!q.text.contains("dead"), "{q:#?}");
}

#[test]
fn a_quotation_after_a_sentence_about_a_person_is_that_persons() {
    let t = "\"We need calm,\" Mike Pence said.\n\nOn Sunday, Sen. Ann Lee, who lost the primary, identified bigotry as one of the reasons. \"The younger people are sick and tired of discrimination and racism.\"";
    assert_eq!(name_for(t, "younger people"), "Ann Lee");
}

#[test]
fn a_quotation_after_another_clause_with_its_own_subject_is_not_the_speakers() {
    let t = "\"You winning?\" Ann Vell said, but Kevin was drifting off again, and as Tom went on about \"how the system is rigged,\" she sighed.";
    let q = quote_with(t, "system is rigged");
    assert!(q.speaker.as_ref().is_none_or(|s| s.name != "Ann Vell"), "{q:#?}");
}

/// A quotation inside a sentence that no verb reports is the words of that
/// sentence's subject, a name or "he"/"she", not of the last paragraph's
/// speaker; a title in quotation marks is nobody's words.
#[test]
fn a_quotation_inside_a_sentence_is_its_subjects_words() {
    let opening = "Ann Vell, the mayor, opened the bridge on Monday.\n\n\"It is a great day,\" Vell said.\n\n";
    let t = format!("{opening}Tom Reed, the council leader, was fined for a rude post. He apologised \"to everyone I hurt\" on Tuesday.");
    assert_eq!(name_for(&t, "everyone I hurt"), "Tom Reed");
    let t = format!("{opening}Longtime bus driver Lena Frost apologised \"to every rider who waited\" on Friday.");
    assert_eq!(name_for(&t, "every rider"), "Lena Frost");
    let t = format!(
        "{opening}Tom Reed was a guest on \"The Late Show With Ann Frost Tonight\" last week."
    );
    assert_ne!(name_for(&t, "Late Show"), "Tom Reed");
    // Not the name's owner's words, nor those of several.
    let t =
        format!("{opening}Tom Reed's lawyer apologised \"to every driver who waited\" on Friday.");
    let name = name_for(&t, "every driver");
    assert!(!name.contains("Tom Reed"), "{name}");
    let t = format!(
        "{opening}Tom Reed and his wife apologised \"to every driver who waited\" on Friday."
    );
    let name = name_for(&t, "every driver");
    assert!(!name.contains("Tom Reed"), "{name}");
    // A headline's common words in capitals, which the tagger took for a name.
    let t = format!("{opening}HARBOR WORKERS, THROUGH THE LENS \"It is about giving a voice to people who never had one.\"");
    assert_ne!(name_for(&t, "giving a voice"), "HARBOR WORKERS");
}

/// A roundup's signed extract: the people named just before a colon, after
/// a dash or "from", said the quotation that follows it.
#[test]
fn a_name_before_a_colon_after_a_dash_signs_the_quotation() {
    let opening = "\"Turnout will be high,\" Tom Reed said.\n\n";
    let t = format!("{opening}POLLS DRIFT BEFORE THE VOTE - Ann Vell: \"We found that turnout rose in every county we sampled.\"");
    assert_eq!(name_for(&t, "every county"), "Ann Vell");
    let t = format!("{opening}More from Lena Frost and Ann Vell: \"The young voters decided this one, and they decided it late.\"");
    let name = name_for(&t, "young voters");
    assert!(name == "Ann Vell" || name == "Lena Frost", "{name}");
    // Not a name that is only part of a clause before the colon.
    let t = format!("{opening}The crowd waited two hours for Ann Vell: \"the bridge is open again for every driver in town.\"");
    assert_ne!(name_for(&t, "bridge is open"), "Ann Vell");
}
