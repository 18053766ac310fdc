//! The speaker mention itself: names, titles, appositions and descriptions ("a spokeswoman").

use super::*;

#[test]
fn a_title_or_organisation_before_a_name_gives_the_person() {
    assert_eq!(
        name_for("\"The budget is balanced,\" City Hall spokeswoman Dana Reyes said.", "budget"),
        "Dana Reyes"
    );
    assert_eq!(
        name_for("\"We will cover the vote,\" the network's Asia editor Tom Lee said.", "cover"),
        "Tom Lee"
    );
    assert_eq!(
        name_for(
            "The leader of the party, Mara Voss, said the vote would be held in May.",
            "vote would"
        ),
        "Mara Voss"
    );
    assert_eq!(
        name_for(
            "Northfield Bank analyst Priya Raman said the market had misread the results.",
            "market"
        ),
        "Priya Raman"
    );
}

#[test]
fn an_unnamed_speaker_is_the_description_the_article_gives() {
    let a =
        analyze("\"The road is closed until noon,\" a police spokesman said.", &Options::default());
    let s = a.quotes.first().and_then(|q| q.speaker.clone()).expect("a speaker");
    assert_eq!((s.name.as_str(), s.entity), ("a police spokesman", None));
    let t = "The Russian space agency said the launch would go ahead on Friday.";
    assert_eq!(name_for(t, "launch"), "The Russian space agency");
}

#[test]
fn an_envoy_to_a_country_is_not_the_country() {
    let t = "Norland's ambassador to Estavia accused the neighbours of meddling in its affairs.";
    let name = name_for(t, "meddling");
    assert!(name.contains("ambassador"), "{name}");
}

#[test]
fn adverbs_and_modals_between_speaker_and_verb_are_skipped() {
    let t = "Defense Secretary Ash Carter however said he would welcome the talks.";
    assert_eq!(name_for(t, "welcome the talks"), "Ash Carter");
    let t = "Dan Gross, president of the Open Campaign, live tweeted that the speech was historic.";
    assert_eq!(name_for(t, "historic"), "Dan Gross");
}

#[test]
fn people_at_an_organisation_are_not_the_organisation() {
    assert_eq!(
        name_for("Analysts at Acme Bank said the rally would fade by June.", "rally"),
        "Analysts at Acme Bank"
    );
    assert_eq!(
        name_for("Protesters in the streets chanted that the curfew was unfair.", "curfew"),
        "Protesters in the streets"
    );
}

#[test]
fn a_description_between_the_quote_and_a_dated_verb_keeps_the_quote() {
    let t = "“We will find who did this,” police Chief Ann Jordan said Monday.";
    assert_eq!(name_for(t, "find who"), "Ann Jordan");
    let t = "“The reasons do not hold. They are wrong,” said 9/11 widow Terry Strada.";
    assert_eq!(name_for(t, "reasons"), "Terry Strada");
}

#[test]
fn a_study_by_an_organisation_described_in_apposition_is_the_organisations() {
    let t = "As we have noted, a 2019 study by the Centre for Trade Research, a London-based think tank, concluded that the cost of the tariff falls on consumers.";
    assert_eq!(name_for(t, "cost of the tariff"), "Centre for Trade Research");
}

#[test]
fn a_name_with_an_apostrophe_speaks() {
    let t = "The plant closed in May.\n\nO'Neill said the city would pay for the cleanup.";
    assert_eq!(name_for(t, "city would pay"), "O'Neill");
    let t = "\"We will rebuild,\" Dana D’Angelo said.";
    assert_eq!(name_for(t, "rebuild"), "Dana D’Angelo");
}

#[test]
fn an_apposition_between_dashes_leaves_the_subject_before_it() {
    let t =
        "Ann Lee -- co-editor of a book about debates -- said the candidate tended to speak late.";
    assert_eq!(name_for(t, "tended to speak"), "Ann Lee");
    let t = "Ann Lee — the co-editor of a book — said the candidate tended to speak late.";
    assert_eq!(name_for(t, "tended to speak"), "Ann Lee");
    assert!(quotes(t).iter().all(|q| !q.text.contains("co-editor")), "{:#?}", quotes(t));
}

#[test]
fn a_phrase_ending_in_an_object_pronoun_is_the_speaker_not_the_pronoun() {
    let t = "Those close to him say he would have to pick a deputy soon.";
    assert_eq!(name_for(t, "pick a deputy"), "Those close to him");
    let t = "He phoned the families, many of whom say the claims are unfounded.";
    assert_eq!(name_for(t, "claims are unfounded"), "many of whom");
    assert!(quotes(t).iter().all(|q| !q.text.contains("phoned")), "{:#?}", quotes(t));
    // A hearer is still no speaker.
    let t = "He told her he would leave.";
    assert_eq!(name_for(t, "would leave"), "He");
}

#[test]
fn an_inverted_speaker_runs_through_recently_named_to_the_name() {
    let t = "Job cuts will come this week, said Acme’s recently named executive chair Ann Lee in an email.";
    assert_eq!(name_for(t, "Job cuts"), "Ann Lee");
}

#[test]
fn a_name_with_a_party_parenthesis_and_an_apposition_speaks() {
    let t = "“We would get them,” Rep. Ann Vell (R-Ohio), a member of the panel, said in an interview. “It is strange.”";
    assert_eq!(name_for(t, "would get them"), "Ann Vell");
    assert!(quotes(t).iter().all(|q| !q.text.contains("member of the panel")), "{:#?}", quotes(t));
}

#[test]
fn a_quantifier_that_opens_a_clause_speaks() {
    assert_eq!(name_for("Some argue that the levy is too high for farmers.", "levy"), "Some");
    assert_eq!(name_for("But many note that the levy is too high.", "levy"), "many");
    // A noun after the same word is no cue.
    assert!(quotes("She kept some notes that her aunt had written.").is_empty());
}

#[test]
fn a_conjunction_that_opens_the_sentence_is_not_part_of_the_speaker() {
    assert_eq!(name_for("But officials say the levy is too high.", "levy"), "officials");
    assert_eq!(name_for("And critics argue the levy is too high.", "levy"), "critics");
    // An acronym that lower-cases to a stop word stays ("US").
    assert_eq!(name_for("US officials say the levy is too high.", "levy"), "US officials");
}

#[test]
fn a_share_of_people_is_the_whole_phrase() {
    assert_eq!(name_for("A mere 9 percent say they buy local.", "buy local"), "A mere 9 percent");
    assert_eq!(name_for("Only 12% say they buy local.", "buy local"), "Only 12%");
}

#[test]
fn a_modal_or_past_verb_ends_the_subject() {
    let t = "Ann Vell cannot say that it was fair.";
    assert_eq!(name_for(t, "was fair"), "Ann Vell");
    let t = "The spokesman refused to take questions, adding that no talks were planned.";
    assert_eq!(name_for(t, "no talks"), "The spokesman");
}

#[test]
fn two_names_joined_by_and_are_one_speaker_mention() {
    let qs = quotes("Ann Lee and Tom Bell said the plan failed.");
    let s = qs[0].speaker.as_ref().expect("a speaker");
    assert_eq!(s.text, "Ann Lee and Tom Bell");
    // A description before "and" stays out: "the Russian and ..." is no name.
    let qs = quotes("Officials and Tom Bell said the plan failed.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Tom Bell"));
}

#[test]
fn a_sentence_full_stop_is_not_part_of_a_speaker() {
    let qs = quotes("The plan would fail, said Ann Lee.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ann Lee"));
    let qs = quotes("The plan would fail, said Tom Bell Jr.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Tom Bell Jr."));
    let qs = quotes("The plan would fail, said Sen. Ann Lee of Ohio.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Sen. Ann Lee of Ohio"));
}

#[test]
fn an_occupational_title_is_not_part_of_the_name() {
    let t = "Shift workers welcomed the plan. Nurse Aisha Okafor, 34, said the night shift was the hardest. Councillor Ben Tull said: \"We hear you.\"";
    assert_eq!(name_for(t, "night shift"), "Aisha Okafor");
    assert_eq!(name_for(t, "We hear you"), "Ben Tull");
}

#[test]
fn a_contracted_pronoun_is_the_subject_without_its_verb() {
    let t = "We’ll start by noting that the best data concern seizures at the border.";
    assert_eq!(name_for(t, "best data"), "We");
}

#[test]
fn an_organisation_or_a_document_after_an_inverted_verb_is_the_speaker() {
    let t = "Acme Steel Corp cut jobs on Monday.\n\n\"Prices will rise next year for all of our buyers,\" said the company.";
    assert_eq!(name_for(t, "Prices will rise"), "Acme Steel Corp");
    let t = "The court sat on Friday.\n\n\"No city may strike voters from its rolls for not voting,\" said the ruling.";
    assert_eq!(name_for(t, "No city may"), "the ruling");
    // Not a noun that begins what was said.
    let t = "Officials said the company was late with its filing this year.";
    assert_eq!(name_for(t, "late with its filing"), "Officials");
}

#[test]
fn a_party_tag_before_a_relative_clause_is_not_the_speaker() {
    let t = "Rep. Janet Osei, D-Md., whose district includes thousands of federal workers, wrote on social media that she was relieved.";
    assert_eq!(name_for(t, "relieved"), "Janet Osei");
}

#[test]
fn nouns_before_a_title_belong_to_the_speaker() {
    let t = "Rescuers dug on.\n\n\"We will win this fight for sure,\" fire brigade commander Ravi Tanaka told reporters, speaking through a translator.";
    assert_eq!(name_for(t, "win this fight"), "Ravi Tanaka");
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("translator")), "{qs:#?}");
}

#[test]
fn a_name_ending_in_a_company_word_is_an_organisation() {
    let t = "Analyst Ben Ortiz of Keller Research said in a note that Lumen was testing how far loyalty stretches.";
    let a = analyze(t, &Options::default());
    let keller = a.entities.iter().find(|e| e.name == "Keller Research").expect("Keller Research");
    assert_eq!(keller.kind, whosaid::EntityType::ORG, "{:#?}", a.entities);
}

#[test]
fn a_titled_name_in_apposition_is_the_speaker() {
    let t = "In an interview, the committee's ranking Democrat, Rep. Owen Pike of Ohio, called the subpoena \"a fishing expedition.\"";
    assert_eq!(name_for(t, "fishing expedition"), "Owen Pike");
}

#[test]
fn an_investors_partner_with_a_relative_clause_is_the_person() {
    let t = "Pennywise raised money from Northgate Capital.\n\nNorthgate partner Sam Oduya, who will join the board, said the firm had been watching.";
    assert_eq!(name_for(t, "firm had been watching"), "Sam Oduya");
}

#[test]
fn a_name_described_as_a_company_is_the_company() {
    // "Pennick" alone looks like a surname to the tagger.
    let t = "Pennick, a three-year-old payments startup, has raised $30 million in a round led by Harbor Capital, the company said on Monday.";
    assert_eq!(name_for(t, "has raised"), "Pennick");
}

#[test]
fn someone_speaking_for_a_person_is_not_that_person() {
    let t = "Tom Haddad toured the farms. A spokeswoman for Haddad said payments would begin soon.";
    assert_eq!(name_for(t, "payments would begin"), "A spokeswoman for Haddad");
    let t = "Tom Haddad toured the farms. An aide to Haddad said payments would begin soon.";
    assert_eq!(name_for(t, "payments would begin"), "An aide to Haddad");
    // People at a place the tagger took for a person ("Devon").
    let t = "Police in Devon say a man was hurt when a tree fell.";
    assert_eq!(name_for(t, "a man was hurt"), "Police in Devon");
    // A title with "of" before the name is the person.
    let t = "Secretary of State Tom Haddad said the talks would go on.";
    assert_eq!(name_for(t, "talks would go on"), "Tom Haddad");
}
