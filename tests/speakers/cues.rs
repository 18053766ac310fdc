//! Reporting verbs and cue words: which report speech, hearers after "told", and "according to".

use super::*;

#[test]
fn verbs_that_only_sometimes_report_speech_need_a_speaker_who_speaks() {
    assert!(quotes("The fish countered that the current was too strong for them.").is_empty());
    assert!(quotes("Equations described the motion of every planet around the sun.").is_empty());
    assert!(quotes("No group claimed responsibility for the attack on the depot.").is_empty());
    let qs = quotes("The minister gave a direct answer that nobody expected from her.");
    assert!(qs.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text != "answer")), "{qs:#?}");
    // The same verbs with a person: speech.
    assert_eq!(
        name_for("Ann Lee countered that the current was too strong for them.", "current"),
        "Ann Lee"
    );
}

#[test]
fn told_gives_the_speaker_not_the_listener() {
    let t = "A senior official told Reuters that the talks had stalled over the border.";
    let n = name_for(t, "talks");
    assert_ne!(n, "Reuters");
    assert_eq!(n, "A senior official");
}

#[test]
fn a_report_by_someone_is_theirs() {
    let t = "Northfield Transit Authority opened the line. The trams were late on the first day, according to a new report by Northfield Transit Authority.";
    assert_eq!(name_for(t, "trams were late"), "Northfield Transit Authority");
}

#[test]
fn according_to_after_said_names_the_paper_not_the_speaker() {
    let t = "Dan Kirby visited the border on Friday. \"The flow is huge,\" he said, according to the Daily Ledger.";
    assert_eq!(name_for(t, "flow is huge"), "Dan Kirby");
    // Alone, "according to" names the speaker.
    let t = "The flow of goods is huge, according to the Daily Ledger.";
    assert_eq!(name_for(t, "flow of goods"), "Daily Ledger");
}

#[test]
fn projections_and_forecasts_with_that_report_a_claim() {
    let t = "The Harbor Institute projected in May that the tariffs would cut growth by a quarter point.";
    assert_eq!(name_for(t, "tariffs would cut"), "Harbor Institute");
    // Without "that", a plan, not a claim.
    assert!(quotes("The Harbor Institute projected a new building for the campus.").is_empty());
}

#[test]
fn according_to_an_owner_names_the_owners_source() {
    let t = "Even so, in February he raised $5.7 million, according to his campaign's filings.";
    assert_eq!(name_for(t, "raised"), "his campaign's filings");
}

#[test]
fn a_patient_or_a_victim_can_describe_what_happened() {
    let t = "The man went back to the doctor.\n\n\"Climbing the stairs took half an hour,\" the patient described in the report.";
    assert_eq!(name_for(t, "Climbing the stairs"), "the patient");
}

#[test]
fn a_cue_word_after_an_article_or_possessive_is_a_noun() {
    let t =
        "Her proof was set out in his written reply to the government's long brief on the case.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    let t =
        "She was discussing a controversial tweet from the mayor featuring an image of the bridge.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    // A plural subject takes the bare verb: speech.
    assert_eq!(
        name_for("The officials note that the plan is late.", "plan is late"),
        "The officials"
    );
}

#[test]
fn calling_something_a_name_reports_speech() {
    let t = "Tom Bell has called the levy a hoax made up by the council.";
    assert_eq!(name_for(t, "a hoax"), "Tom Bell");
    // Calling someone, or calling for something, a day later, is no naming.
    assert!(quotes("Ann Lee called her mother a day later.").is_empty());
    assert!(quotes("Ann Lee called the police a few times that night.").is_empty());
}

#[test]
fn begging_someone_reports_what_was_asked_and_pleading_guilty_does_not() {
    let t = "Tom Bell begged lawmakers not to lose sight of the war in the east.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert!(qs[0].text.starts_with("not to lose sight"), "{qs:#?}");
    assert!(quotes("Tom Bell pleaded guilty to charges that he stole a truck.").is_empty());
}

#[test]
fn a_progressive_verb_reports_and_a_bare_hearer_is_one_phrase() {
    let t = "The Democrats are alleging that the call was improper.";
    assert_eq!(name_for(t, "call was improper"), "Democrats");
    let qs = quotes("Ann Lee told lawmakers no evidence supports the claim.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "no evidence supports the claim.");
    assert_eq!(
        quotes("Ann Lee told local reporters the plan was late.")[0].text,
        "the plan was late."
    );
}

#[test]
fn a_question_reported_after_a_weak_verb_counts() {
    let t = "Ann Lee repeatedly demanded how Tom Bell could be so sure where he was that night.";
    assert_eq!(name_for(t, "so sure"), "Ann Lee");
}

#[test]
fn a_product_recall_and_a_document_described_are_no_speech() {
    let t = "Drone maker Kestrel recalls 9,000 units after battery fires\n\nKestrel Labs is recalling about 9,000 drones, the company said. The firm also recalled its chief engineer from Oslo.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.cue.as_ref().is_none_or(|c| !c.text.starts_with("recall"))),
        "{qs:#?}"
    );
    // "adding to" a thing and "admitted" a number: deeds, not speech.
    let t = "Acme lost two clients on Monday, adding to a mounting series of problems. Dover had admitted more than 1.4 million visitors.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    let t = "\"We are done,\" she added to the crowd.";
    assert_eq!(quotes(t).len(), 1);
    // "add" with an amount adds goods: no speech, and no speaker "The levy".
    let t = "The levy would cost little at first, but would eventually add $84 billion over 10 years. Employers added 200,000 jobs in May.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    // "a video posted to": a participle after its noun, so the second half
    // of the quotation stays with the one who said the first.
    let t = "\"Stop flying it,\" CEO Dana Wheel said in a video posted to the company's website. \"It is not safe.\"";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Dana Wheel"));
}

#[test]
fn writing_a_work_is_no_speech_but_writing_what_it_says_is() {
    let t = "If it seemed that the mayor had written the letter himself, it is because he had.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    let t = "Ann Vell wrote a letter saying the plan was dead.";
    assert_eq!(name_for(t, "the plan was dead"), "Ann Vell");
    let t = "\"I could not stand,\" wrote 43-year-old Tom Reyes of Dover.";
    assert_eq!(name_for(t, "could not stand"), "Tom Reyes");
}

#[test]
fn an_infinitive_reporting_verb_leaves_no_framed_quote_to_the_verb_before_it() {
    let t = "Fans were less forgiving. Several hundred stayed behind after the whistle to chant 'Reid out' at the box.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text != "stayed")), "{qs:#?}");
}

#[test]
fn what_was_promised_is_no_hearer() {
    let t = "Prime Minister Elena Varga promised compensation for those who had lost homes.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("compensation for those who had lost homes."),
        "{qs:#?}"
    );
    let t = "Ann Vell told reporters the plan was dead.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("the plan was dead."));
}

#[test]
fn results_reported_in_numbers_are_no_speech() {
    let t = "Greenway Markets reported strong results last week. Acme posted a quarterly loss of $2 million.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    assert_eq!(name_for("Acme reported that sales fell.", "sales fell"), "Acme");
}

#[test]
fn ask_takes_a_hearer_and_what_they_were_asked_to_do() {
    let t = "When I asked the spokesman about this last month, he told me the figures were wrong.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("spokesman")), "{qs:#?}");
    let t = "The moderator asked the candidates to discuss their own plans.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("to discuss their own plans."));
    let t = "Ann Vell told the crowd to go home.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("to go home."));
}

#[test]
fn a_verb_after_like_to_has_the_subject_before_it() {
    let t = "\"It works,\" Ann Vell said.\n\nOur council members like to say that \"buses are the backbone of the city.\"";
    assert_eq!(name_for(t, "backbone"), "Our council members");
    assert!(quotes("Lee declined to say whether the plan was dead.").is_empty());
}

#[test]
fn according_to_a_description_and_a_name_is_the_name() {
    let t = "Acme is \"deeply sorry,\" according to its chief executive, Ann Vell.";
    assert_eq!(name_for(t, "deeply sorry"), "Ann Vell");
    let t = "According to its chief executive, Ann Vell, the plant will close.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("the plant will close."));
    assert_eq!(name_for(t, "plant will close"), "Ann Vell");
    // With a title before the name.
    let t = "Both patients are doing well, according to their surgeon, Dr. Ann Vell.";
    assert_eq!(name_for(t, "doing well"), "Ann Vell");
}

#[test]
fn writing_a_work_is_a_deed_not_a_report() {
    assert!(quotes("Ann Vell has written four cookbooks.").is_empty());
    assert_eq!(
        quotes("Ann Vell has written four cookbooks. Her fifth, she says, will be her last.").len(),
        1
    );
    assert!(quotes("Ann Vell wrote a short novel about the war.").is_empty());
    // A document written in is still where the words are.
    let t = "The plan is “smart as can be,” Ann Vell wrote in an email to the board.";
    assert_eq!(name_for(t, "smart as can be"), "Ann Vell");
}

#[test]
fn a_passive_agent_and_a_relative_after_a_time_are_the_source() {
    let t = "It was reported by the Ledger that the aide had quit.";
    assert_eq!(name_for(t, "aide had quit"), "Ledger");
    let t = "The plan was first reported by the Ledger on Monday, which said it would fail.";
    assert_eq!(name_for(t, "it would fail"), "Ledger");
}
