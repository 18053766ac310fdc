//! Who said it, case by case: each kind of wrong speaker seen on real
//! articles, written as short made-up sentences, and what the analyzer must
//! give instead (the speaker's resolved name, or no quote at all).

use whosaid::{analyze, Options, Quote};

fn quotes(text: &str) -> Vec<Quote> {
    analyze(text, &Options::default()).quotes
}

/// The first quote of `text` whose text contains `what` (the test fails,
/// showing every quote, when there is none).
fn quote_with(text: &str, what: &str) -> Quote {
    let qs = quotes(text);
    let q = qs.iter().find(|q| q.text.contains(what)).cloned();
    q.unwrap_or_else(|| panic!("no quote with {what:?} in {qs:#?}"))
}

/// The resolved speaker name of the quote whose text contains `what`.
fn name_for(text: &str, what: &str) -> String {
    quote_with(text, what).speaker.map(|s| s.name).unwrap_or_default()
}

#[test]
fn a_pronoun_never_resolves_to_a_capitalised_word_that_is_no_name() {
    let t = "Children growing up now \"will have a different view of the sea,\" he said.";
    assert_ne!(name_for(t, "different view"), "Children");
    let t = "Despite the rain, the fair opened.\n\n\"We never close for weather,\" she said.";
    assert_ne!(name_for(t, "never close"), "Despite");
}

#[test]
fn he_and_she_resolve_to_people_not_organisations() {
    let t = "Nora Quayle joined Acme Steel Corp in May. Acme Steel Corp makes rails.\n\n\"The rails are late,\" she said.";
    assert_eq!(name_for(t, "rails are late"), "Nora Quayle");
}

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
fn first_names_surnames_and_titles_give_the_full_name() {
    let t = "Nora Quayle runs the lab. \"The samples are clean,\" Nora said.";
    assert_eq!(name_for(t, "samples"), "Nora Quayle");
    let t = "Luis Ortega owns the bakery. \"Sales are down,\" Mr. Ortega said.";
    assert_eq!(name_for(t, "Sales"), "Luis Ortega");
    let t = "Ana Lucia Ferreira leads the union. \"We will strike,\" Ana Lucia said.";
    assert_eq!(name_for(t, "strike"), "Ana Lucia Ferreira");
}

#[test]
fn the_company_is_the_organisation_it_stands_for() {
    let t = "Acme Steel Corp cut 200 jobs on Monday.\n\nThe company said demand for rails had fallen sharply. Later the company said it would hire again in spring.";
    assert_eq!(name_for(t, "demand"), "Acme Steel Corp");
    assert_eq!(name_for(t, "hire again"), "Acme Steel Corp");
}

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
fn told_gives_the_speaker_not_the_listener() {
    let t = "A senior official told Reuters that the talks had stalled over the border.";
    let n = name_for(t, "talks");
    assert_ne!(n, "Reuters");
    assert_eq!(n, "A senior official");
}

#[test]
fn who_resolves_to_the_name_before_it() {
    let t = "Tom Lee, who chairs the board, said the plan was sound and would pass.";
    assert_eq!(name_for(t, "plan was sound"), "Tom Lee");
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
fn labels_are_not_speakers() {
    let t = "Map: Flow of foreign fighters into the region since the war began\n\nThe border stayed open.";
    assert!(
        quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Map")),
        "{:#?}",
        quotes(t)
    );
    let t = "Analysis: The vote that nobody in the capital wanted to hold this year\n\nThe vote was held.";
    assert!(
        quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Analysis")),
        "{:#?}",
        quotes(t)
    );
}

#[test]
fn a_caption_between_two_paragraphs_of_quotes_keeps_the_speaker() {
    let t = "\"The bridge will open in May,\" Ann Lee said.\n\nPhoto: The new bridge at dawn. (Photo: Tom Park)\n\n\"After that, the ferries stop running for good.\"";
    assert_eq!(name_for(t, "ferries"), "Ann Lee");
}

#[test]
fn the_statement_speaks_for_its_organisation() {
    let t = "On Monday, Northfield Records issued a statement about the dispute.\n\n\"Artists do not need our approval to perform live,\" the statement said.";
    assert_eq!(name_for(t, "Artists"), "Northfield Records");
}

#[test]
fn a_report_by_someone_is_theirs() {
    let t = "Northfield Transit Authority opened the line. The trams were late on the first day, according to a new report by Northfield Transit Authority.";
    assert_eq!(name_for(t, "trams were late"), "Northfield Transit Authority");
}

#[test]
fn a_description_after_a_sentence_about_a_person_is_that_person() {
    let t = "Dana Reyes did not expect the visit. The real estate agent said she had voted for him twice.";
    assert_eq!(name_for(t, "voted for him"), "Dana Reyes");
}

#[test]
fn page_furniture_gives_no_quotes() {
    let t = "\"The bridge will open in May,\" Ann Lee said.\n\nAdvertisement\n\nRead more: \"Why the ferries will stop running for good,\" says our reporter\n\n\"After that, the ferries stop.\"";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("Why the ferries")), "{qs:#?}");
    assert_eq!(name_for(t, "After that"), "Ann Lee");
}

#[test]
fn a_short_description_is_the_fuller_one_given_before() {
    let t = "Federal prosecutors said the guards had slept through their rounds.\n\nProsecutors alleged that the logs had been falsified for months.";
    assert_eq!(name_for(t, "logs"), "Federal prosecutors");
    // "a" introduces someone new.
    let t = "A senior official said the talks had stalled. Later an official said the talks would resume soon.";
    assert_eq!(name_for(t, "resume"), "an official");
}

/// On an article in every style above, no speaker is a word that is neither
/// a name nor a description: a named speaker is its entity's name, an
/// unnamed one begins as a description or pronoun does.
#[test]
fn no_junk_speakers_on_an_article_in_the_field_styles() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/field.txt"))
            .expect("article");
    let a = analyze(&text, &Options::default());
    assert!(a.quotes.len() >= 10, "{:#?}", a.quotes);
    for q in &a.quotes {
        let Some(s) = &q.speaker else { continue };
        match s.entity {
            Some(e) => assert_eq!(a.entities[e].name, s.name),
            None => {
                let first = s.name.split_whitespace().next().unwrap_or("");
                let described = first.chars().next().is_some_and(char::is_lowercase)
                    || matches!(first, "A" | "An" | "The" | "He" | "She" | "They" | "It");
                assert!(described, "junk speaker {:?} for {:?}", s.name, q.text);
            }
        }
        assert!(
            !["Map", "Analysis", "Photo", "Advertisement", "Read", "Children", "Mara Voss"]
                .contains(&s.name.as_str()),
            "{:?}",
            s.name
        );
    }
    let ferry = a.quotes.iter().find(|q| q.text.contains("first sailing"));
    assert_eq!(
        ferry.and_then(|q| q.speaker.as_ref()).map(|s| s.name.as_str()),
        Some("Northfield Ferries")
    );
}

#[test]
fn a_surname_that_is_also_an_ordinary_word_is_still_a_speaker() {
    let t = "Marta Early runs the studio in Leeds. \"Streaming is a coin toss,\" says Early. \"Either you have the bandwidth or you do not.\"";
    assert_eq!(name_for(t, "coin toss"), "Marta Early");
    let t = "Tom Young coaches the team. \"We were tired,\" Young said after the game.";
    assert_eq!(name_for(t, "tired"), "Tom Young");
}

#[test]
fn a_subject_after_an_opening_phrase_is_who_she_stands_for() {
    let t = "Ann Lee and Mia Roe met in May.\n\nAs it turned out, Roe had spent years in Nashville, more nervous than Ann Lee had ever been.\n\n\"It was terrifying,\" she said.";
    assert_eq!(name_for(t, "terrifying"), "Mia Roe");
    // An apposition's possessive names someone else.
    let t = "Pat Dunne was sentenced in May.\n\nSonia Vale, Dunne's lawyer, spoke to reporters.\n\n\"He is sorry,\" she said.";
    assert_eq!(name_for(t, "sorry"), "Sonia Vale");
}

#[test]
fn a_short_title_is_found_by_its_full_word() {
    let t = "Gov. Dana Whitfield toured the flooded valley on Monday.\n\nMayor Tom Reyes met her at the old bridge.\n\nThe governor said she expected the work to take a year.";
    assert_eq!(name_for(t, "expected the work"), "Dana Whitfield");
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
fn an_organisation_used_as_a_modifier_is_not_the_company() {
    let t = "Ann Lee sued Acme Steel Corp in May.\n\nShe then watched a Netflix documentary about steel.\n\n\"We will appeal,\" the company said.";
    assert_eq!(name_for(t, "appeal"), "Acme Steel Corp");
}

#[test]
fn projections_and_forecasts_with_that_report_a_claim() {
    let t = "The Harbor Institute projected in May that the tariffs would cut growth by a quarter point.";
    assert_eq!(name_for(t, "tariffs would cut"), "Harbor Institute");
    // Without "that", a plan, not a claim.
    assert!(quotes("The Harbor Institute projected a new building for the campus.").is_empty());
}

#[test]
fn a_participle_belongs_to_the_main_speaker_not_a_nested_one() {
    let t = "Ann Lee said that after a long review the council had concluded the plan was lawful, saying she trusted the courts to decide.";
    assert_eq!(name_for(t, "trusted the courts"), "Ann Lee");
}

#[test]
fn an_opening_phrase_is_not_the_subject_of_a_participle() {
    let t = "Hours before the game on Tuesday, coach Ann Lee praised the young winger, saying she always finds a way to score.";
    assert_eq!(name_for(t, "finds a way"), "Ann Lee");
}

#[test]
fn an_envoy_to_a_country_is_not_the_country() {
    let t = "Norland's ambassador to Estavia accused the neighbours of meddling in its affairs.";
    let name = name_for(t, "meddling");
    assert!(name.contains("ambassador"), "{name}");
}

#[test]
fn no_junk_speakers_from_participles_and_owned_nouns() {
    let t =
        "Having said that, there are some economists who argue that corporate taxes should be low.";
    assert_eq!(name_for(t, "corporate taxes"), "some economists");
    let t = "The letter was mocked for its hyperbolic prediction that the mayor would be \"the fittest man ever.\"";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.name.contains("hyperbolic"))),
        "{qs:#?}"
    );
}

#[test]
fn adverbs_and_modals_between_speaker_and_verb_are_skipped() {
    let t = "Defense Secretary Ash Carter however said he would welcome the talks.";
    assert_eq!(name_for(t, "welcome the talks"), "Ash Carter");
    let t = "Dan Gross, president of the Open Campaign, live tweeted that the speech was historic.";
    assert_eq!(name_for(t, "historic"), "Dan Gross");
}

#[test]
fn according_to_an_owner_names_the_owners_source() {
    let t = "Even so, in February he raised $5.7 million, according to his campaign's filings.";
    assert_eq!(name_for(t, "raised"), "his campaign's filings");
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
fn a_colon_after_a_named_subject_introduces_that_persons_words() {
    let t = "Jessie Burkett starred. Tom Harper directed the film. “It grabbed me,” he said.\n\nBurkett, who phoned in from the set, had a similar experience: “It was just that feeling of this is the song.”";
    assert_eq!(name_for(t, "this is the song"), "Jessie Burkett");
    // No named subject: the quote stays with the speaker before.
    let t = "“It grabbed me,” Tom Harper said.\n\nThe verdict of the crew was the same: “It was the song of the year.”";
    assert_eq!(name_for(t, "song of the year"), "Tom Harper");
}

#[test]
fn a_participle_after_a_named_subject_and_apposition_is_the_subjects() {
    let t = "Burkett, who phoned in from the set, praised the crew on Monday, saying the shoot had been a joy.";
    let q = quote_with(t, "joy");
    assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some("Burkett"));
}

#[test]
fn an_owner_before_a_noun_is_not_a_speaker() {
    let t = "Norland is a vocal critic of Estavia's sweeping territorial claims in the bay.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.name.contains("territorial"))),
        "{qs:#?}"
    );
    // An owner's title still speaks.
    assert_eq!(
        name_for("Acme's chief executive claimed that sales had doubled.", "sales"),
        "Acme's chief executive"
    );
}

#[test]
fn it_and_the_statement_stand_for_an_unnamed_organisation_that_spoke() {
    let t = "Two soldiers were killed in a crash, the army said in a statement on Wednesday.\n\n\"The cause is under investigation,\" the statement said.\n\nIt said it was withholding the names of those killed.";
    assert_eq!(name_for(t, "cause is under"), "the army");
    assert_eq!(name_for(t, "withholding"), "the army");
}

#[test]
fn a_wire_credit_in_brackets_is_not_the_company() {
    let t = "(Newswire) — State regulators are investigating Acme Steel Corp, two people familiar with the matter said.\n\nThe company confirmed on Monday that it had been contacted by the regulators.";
    assert_eq!(name_for(t, "contacted by the regulators"), "Acme Steel Corp");
}

#[test]
fn she_is_the_woman_named_earlier_in_her_own_sentence() {
    let t = "Mia Hoyle runs the agency. \"We test every slogan,\" Hoyle said.\n\nWhile the new slogan did not appeal to Julia Grant, a health officer, she said she did not want to judge it.";
    assert_eq!(name_for(t, "judge it"), "Julia Grant");
}

#[test]
fn a_study_by_an_organisation_described_in_apposition_is_the_organisations() {
    let t = "As we have noted, a 2019 study by the Centre for Trade Research, a London-based think tank, concluded that the cost of the tariff falls on consumers.";
    assert_eq!(name_for(t, "cost of the tariff"), "Centre for Trade Research");
}

#[test]
fn an_organisation_named_without_its_last_word_is_the_same_organisation() {
    let t = "Big Rock Records signed the band.\n\nThe singer accused Big Rock of lying. Later Big Rock said it would release the album.";
    assert_eq!(name_for(t, "release the album"), "Big Rock Records");
    // A person's name is no short form of a company named after them.
    let t = "Dana Reyes founded Dana Reyes Productions in 1999.\n\n\"We make films,\" Reyes said.";
    assert_eq!(name_for(t, "make films"), "Dana Reyes");
}

#[test]
fn the_source_is_the_unnamed_source_that_spoke_last() {
    let t = "\"The deal is off,\" an insider told the paper on Monday.\n\nThe talks broke down over money, the source said.\n\n\"Nobody wanted this,\" the insider added.";
    assert_eq!(name_for(t, "deal is off"), "an insider");
    assert_eq!(name_for(t, "broke down"), "an insider");
    assert_eq!(name_for(t, "Nobody wanted"), "an insider");
    // Too far back, a bare "the source" is its own description.
    let t = "\"The deal is off,\" an insider said.\n\nThe mill opened.\n\nIt closed.\n\nIt opened again.\n\nIt closed again.\n\n\"We wait,\" the source said.";
    assert_eq!(name_for(t, "We wait"), "the source");
}

#[test]
fn a_name_with_an_apostrophe_speaks() {
    let t = "The plant closed in May.\n\nO'Neill said the city would pay for the cleanup.";
    assert_eq!(name_for(t, "city would pay"), "O'Neill");
    let t = "\"We will rebuild,\" Dana D’Angelo said.";
    assert_eq!(name_for(t, "rebuild"), "Dana D’Angelo");
}

#[test]
fn a_relative_who_after_a_noun_speaks_what_follows_it() {
    let t = "The firm refused to pay an architect who said he was owed for a clubhouse.";
    assert_eq!(name_for(t, "owed for a clubhouse"), "an architect");
    // What follows "who says" is the speaker's, not the clause it hangs on.
    let t = "Ann Lee thanked Bo Kern, who says he is honored.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("thanked")), "{qs:#?}");
    assert_eq!(name_for(t, "honored"), "Bo Kern");
}

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
fn a_short_quotation_listed_after_a_reported_one_is_the_same_speakers() {
    let t = "Nurses chanted, “Fund our wards,” and “Hire more staff,” as they marched.";
    assert_eq!(name_for(t, "Hire more staff"), "Nurses");
    // Without a verb reporting the first, the second stays a scare quote.
    let t = "The “new normal” and “old habits” of the town.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
}

#[test]
fn a_role_named_later_is_that_person() {
    let t = "Utopia’s ambassador to Ruritania warned that the talks were over.\n\nLater, Utopia’s ambassador to Ruritania Pavel Dorn said the door was open.";
    assert_eq!(name_for(t, "talks were over"), "Pavel Dorn");
    let t = "The firm's chief engineer said the bridge was safe.\n\nAnn Vell, the firm's chief engineer, has worked there for years.";
    assert_eq!(name_for(t, "bridge was safe"), "Ann Vell");
    // Two people take the same role: the description stays.
    let t = "The team's coach said the season was lost.\n\nThe team's coach Ann Vell left in May. The team's coach Bo Kern came in June.";
    assert_eq!(name_for(t, "season was lost"), "The team's coach");
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
fn prepositions_and_adverbs_are_never_speakers() {
    let t = "Mayor Ann Vell, despite admitting that she had doubts, backed the plan.";
    assert_eq!(name_for(t, "had doubts"), "Ann Vell");
    let t = "The deal came from Acme Steel Corp and Bolt Works, which together vowed to cut emissions by half.";
    assert_eq!(name_for(t, "cut emissions"), "Bolt Works");
}

#[test]
fn a_relative_clause_reports_up_to_its_closing_comma() {
    let t = "Acme Steel Corp, which said it would cut jobs, lost money in May.";
    assert_eq!(name_for(t, "cut jobs"), "Acme Steel Corp");
    assert!(quotes(t).iter().all(|q| !q.text.contains("lost money")), "{:#?}", quotes(t));
    let t = "The senator, who said he was tired, left early.";
    assert_eq!(name_for(t, "was tired"), "The senator");
    assert!(quotes(t).iter().all(|q| !q.text.contains("left early")), "{:#?}", quotes(t));
}

#[test]
fn an_inverted_speaker_runs_through_recently_named_to_the_name() {
    let t = "Job cuts will come this week, said Acme’s recently named executive chair Ann Lee in an email.";
    assert_eq!(name_for(t, "Job cuts"), "Ann Lee");
}

#[test]
fn said_of_that_names_a_topic_not_a_clause() {
    let t = "\"We were looking to do this later,\" Ann Lee, a deputy administrator, said of that plan in a call with reporters.";
    assert_eq!(name_for(t, "looking to do this"), "Ann Lee");
    assert!(quotes(t).iter().all(|q| !q.text.contains("call with reporters")), "{:#?}", quotes(t));
}

#[test]
fn a_name_with_a_party_parenthesis_and_an_apposition_speaks() {
    let t = "“We would get them,” Rep. Ann Vell (R-Ohio), a member of the panel, said in an interview. “It is strange.”";
    assert_eq!(name_for(t, "would get them"), "Ann Vell");
    assert!(quotes(t).iter().all(|q| !q.text.contains("member of the panel")), "{:#?}", quotes(t));
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
fn a_dash_before_a_new_clause_is_no_signature_and_as_that_is_no_report() {
    let t = "Odd as that might sound, the doctor wrote about it in his book “Songs of the Mind” — Lee was not thrilled.";
    let qs = quotes(t);
    for bad in ["Lee was not thrilled", "Odd"] {
        assert!(
            qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != bad)),
            "{bad}: {qs:#?}"
        );
    }
    let t = "“We are here.” ― Ana Ruiz";
    assert_eq!(name_for(t, "We are here"), "Ana Ruiz");
}

#[test]
fn a_patient_or_a_victim_can_describe_what_happened() {
    let t = "The man went back to the doctor.\n\n\"Climbing the stairs took half an hour,\" the patient described in the report.";
    assert_eq!(name_for(t, "Climbing the stairs"), "the patient");
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
fn a_sentence_adverb_or_conjunction_is_never_the_subject() {
    let t = "Still, Tad Merrow, a senior adviser to the mayor, said the plan would pass.";
    assert_eq!(name_for(t, "plan would pass"), "Tad Merrow");
    let t = "Ann Lee spoke at the mill.\n\nAnd she did it with flair, slamming the greed of the owners.";
    assert_ne!(name_for(t, "greed"), "And");
    let qs = quotes("There is talk of Lee as a rival, calling him a \"moderate\" in the race.");
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "There")), "{qs:#?}");
}

#[test]
fn a_share_of_people_is_the_whole_phrase() {
    assert_eq!(name_for("A mere 9 percent say they buy local.", "buy local"), "A mere 9 percent");
    assert_eq!(name_for("Only 12% say they buy local.", "buy local"), "Only 12%");
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
fn a_modal_or_past_verb_ends_the_subject() {
    let t = "Ann Vell cannot say that it was fair.";
    assert_eq!(name_for(t, "was fair"), "Ann Vell");
    let t = "The spokesman refused to take questions, adding that no talks were planned.";
    assert_eq!(name_for(t, "no talks"), "The spokesman");
}

#[test]
fn a_name_given_before_its_object_is_the_quotation_alone() {
    let qs = quotes("Ann Lee is describing as “reckless” a Tom Bell post about the judge.");
    assert!(qs.iter().any(|q| q.text.contains("reckless") && !q.text.contains("post")), "{qs:#?}");
}

#[test]
fn a_verb_after_to_or_will_is_no_speaker() {
    let t = "Ann Lee, popular with the base, will help convince voters to back her in May.";
    assert!(quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "help")));
    let t = "A man who did not want to be named said he heard the talk.";
    assert_eq!(name_for(t, "heard the talk"), "A man who did not want to be named");
}

#[test]
fn a_relative_clause_before_the_verb_belongs_to_its_antecedent() {
    let t = "A woman who lives nearby said the noise was loud.";
    assert_eq!(name_for(t, "noise"), "A woman who lives nearby");
    let t = "Voters who backed the plan say it was fair.";
    assert_eq!(name_for(t, "was fair"), "Voters who backed the plan");
    // The object of the clause is never the speaker.
    let t = "A man who runs the shop told reporters the noise was loud.";
    assert_ne!(name_for(t, "noise"), "the shop");
    // A relative in commas is an aside: the name before it speaks.
    assert_eq!(
        name_for("Ann Lee, who runs the shop, said the noise was loud.", "noise"),
        "Ann Lee"
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
fn begging_someone_reports_what_was_asked_and_pleading_guilty_does_not() {
    let t = "Tom Bell begged lawmakers not to lose sight of the war in the east.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert!(qs[0].text.starts_with("not to lose sight"), "{qs:#?}");
    assert!(quotes("Tom Bell pleaded guilty to charges that he stole a truck.").is_empty());
}

#[test]
fn with_and_a_named_subject_gives_a_participle_its_own_speaker() {
    let t = "The firm cut jobs, with Ann Lee saying the market was weak.";
    assert_eq!(name_for(t, "market was weak"), "Ann Lee");
    let t = "Jordan condemned the move, with Foreign Minister Ann Lee warning of \"grave consequences\" for the region.";
    assert_eq!(name_for(t, "grave consequences"), "Ann Lee");
    assert!(quotes(t).iter().all(|q| !(q.text.contains("the move") && q.text.contains("grave"))));
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
fn an_opening_as_clause_reports_what_follows_its_comma() {
    let qs =
        quotes("Yet, as Ann Lee observed, in the early days of a new council the rules change.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "in the early days of a new council the rules change.");
    let qs = quotes("As experts, including Ann Lee, have said, Tom Bell is free to act.");
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.text != "including Ann Lee")));
    let t = "During his seven and a half years in office, Tom Bell said, most voters came to trust him.";
    assert_eq!(quotes(t)[0].text, "most voters came to trust him.");
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
fn a_relative_that_after_a_noun_speaks_for_it() {
    let t = "Acme and Bolt are among retailers that said they raised prices.";
    assert_eq!(name_for(t, "raised prices"), "retailers");
    // "so that", "said that": no relative.
    let qs = quotes("He wrote so that said plan would fail.");
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.text != "that")), "{qs:#?}");
}

#[test]
fn an_opening_participle_speaks_for_the_main_clause_subject() {
    let qs = quotes("Noting that the plan is late, Ann Lee called for a review.");
    let noting = qs.iter().find(|q| q.text == "the plan is late").expect("the participle's clause");
    assert_eq!(noting.speaker.as_ref().map(|s| s.name.as_str()), Some("Ann Lee"));
    assert!(qs.iter().any(|q| q.text == "a review."), "{qs:#?}");
}

#[test]
fn relatives_quantifiers_and_openers_give_no_junk_speaker() {
    let t = "They passed out water bottles that said, “Welcome to the games.”";
    assert_eq!(name_for(t, "Welcome"), "bottles");
    let t = "Many firms, including big banks that warn it could harm trade, oppose it.";
    assert_eq!(name_for(t, "harm trade"), "banks");
    let t = "Alabama beat Clemson in a game many are calling an “instant classic.”";
    assert_eq!(name_for(t, "instant classic"), "many");
    let t = "By the end of the day, Tom Bell was forced into a retreat, saying his words had been twisted.";
    assert_eq!(name_for(t, "twisted"), "Tom Bell");
    let t = "The retired surgeon has proved able, saying he was refining the staff.";
    assert_eq!(name_for(t, "refining"), "The retired surgeon");
    let t = "They are hackers who US officials say were paid by a rival.";
    assert_eq!(name_for(t, "were paid"), "US officials");
}

#[test]
fn a_question_reported_after_a_weak_verb_counts() {
    let t = "Ann Lee repeatedly demanded how Tom Bell could be so sure where he was that night.";
    assert_eq!(name_for(t, "so sure"), "Ann Lee");
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
fn a_relative_that_before_a_name_is_not_part_of_it() {
    let t = "It also lists plans she backed that Tom Bell argues let the group grow.";
    let qs = quotes(t);
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Tom Bell"), "{qs:#?}");
    assert_eq!(name_for("That man said the plan failed.", "plan failed"), "That man");
}

#[test]
fn participles_and_reduced_relatives_are_no_speakers() {
    let qs = quotes("Asked about the plan, Ann Lee said it was dead.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "it was dead.");
    let t = "Community health centers helped, saying the plan was dead.";
    assert_eq!(name_for(t, "plan was dead"), "Community health centers");
    let t = "The village crowd cheered, chanting that the plan was dead.";
    assert_eq!(name_for(t, "plan was dead"), "The village crowd");
    let t = "He said that investigators found the plan was dead.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.text.starts_with("that"))));
}

#[test]
fn a_headline_label_or_a_participle_is_no_speaker() {
    assert_eq!(name_for("Revealed: Ann Lee says the plan was dead.", "plan was dead"), "Ann Lee");
    let qs = quotes("Featuring a new cast, the show says little.");
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Featuring")), "{qs:#?}");
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
fn a_sentence_full_stop_is_not_part_of_a_speaker() {
    let qs = quotes("The plan would fail, said Ann Lee.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ann Lee"));
    let qs = quotes("The plan would fail, said Tom Bell Jr.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Tom Bell Jr."));
    let qs = quotes("The plan would fail, said Sen. Ann Lee of Ohio.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Sen. Ann Lee of Ohio"));
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
fn a_concession_with_a_speaker_of_its_own_is_a_quote_of_its_own() {
    let t =
        "Ann Vell said the bridge plan was sound, though she acknowledged it was two years late.";
    let qs = quotes(t);
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["the bridge plan was sound", "it was two years late."], "{qs:#?}");
}

#[test]
fn an_occupational_title_is_not_part_of_the_name() {
    let t = "Shift workers welcomed the plan. Nurse Aisha Okafor, 34, said the night shift was the hardest. Councillor Ben Tull said: \"We hear you.\"";
    assert_eq!(name_for(t, "night shift"), "Aisha Okafor");
    assert_eq!(name_for(t, "We hear you"), "Ben Tull");
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
fn it_is_the_organisation_just_named_again_as_a_subject() {
    let t = "According to the Consumer Product Safety Commission, owners reported 31 fires.\n\nKestrel Labs will refund buyers in full, a spokesperson said.\n\nThe safety commission urged owners to check their drones. It said it was working with the company.";
    assert_eq!(name_for(t, "working with the company"), "Consumer Product Safety Commission");
}

#[test]
fn a_dateline_is_not_what_was_said() {
    let t = "SAN DIEGO (Wire) — Kestrel Labs is recalling its drones after battery fires, the company announced Wednesday.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("Kestrel Labs is recalling its drones after battery fires"),
        "{qs:#?}"
    );
    // Typed with a hyphen between spaces, and with a participle on how the
    // sources spoke after the attribution.
    let t = "DOVER (Wire) - The deal fell apart on Thursday, the people said, speaking on condition of anonymity.";
    let qs = quotes(t);
    assert_eq!(
        qs.first().map(|q| q.text.as_str()),
        Some("The deal fell apart on Thursday"),
        "{qs:#?}"
    );
}

#[test]
fn a_headline_colon_after_a_title_alone_keeps_the_title() {
    // No empty speaker: the title is all there is before the colon.
    let t = "Harbour City Chairman: we will not sell the club to anyone this year";
    for q in quotes(t) {
        assert!(q.speaker.as_ref().is_none_or(|s| !s.text.is_empty()), "{q:#?}");
    }
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
fn a_contracted_pronoun_is_the_subject_without_its_verb() {
    let t = "We’ll start by noting that the best data concern seizures at the border.";
    assert_eq!(name_for(t, "best data"), "We");
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
fn an_adverb_between_subject_and_verb_is_no_speaker() {
    let t = "The firm met the lawyers and almost immediately disclosed the files to the press.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "almost")), "{qs:#?}");
    let t = "Ann Vell always says the plan will fail.";
    assert_eq!(name_for(t, "the plan will fail"), "Ann Vell");
}

#[test]
fn an_infinitive_reporting_verb_leaves_no_framed_quote_to_the_verb_before_it() {
    let t = "Fans were less forgiving. Several hundred stayed behind after the whistle to chant 'Reid out' at the box.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text != "stayed")), "{qs:#?}");
}

#[test]
fn a_headline_with_a_title_and_a_colon_names_the_person() {
    let t = "Harbour City boss Reid: 'We were second best'\n\nHarbour City manager Alan Reid admitted his side were \"second best\" on Saturday.";
    assert_eq!(name_for(t, "We were second best"), "Alan Reid");
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
fn a_relative_that_after_the_hearer_leaves_the_quotation_its_speaker() {
    let t = "\"We are in a bad spot after the vote,\" Chancellor Ida Brun told reporters after the long meeting that was held on a boat.";
    assert_eq!(name_for(t, "bad spot"), "Ida Brun");
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("held on a boat")), "{qs:#?}");
}

#[test]
fn a_participle_after_an_issued_document_is_the_issuers() {
    let t = "Acme Steel Corp issued a statement on Friday saying that prices would rise.";
    assert_eq!(name_for(t, "prices would rise"), "Acme Steel Corp");
    let t = "Mayor Ann Vell posted a video late Sunday saying she would not resign.";
    assert_eq!(name_for(t, "not resign"), "Ann Vell");
    let t = "Tom Reyes released a series of tweets early Friday saying that the plant would close.";
    assert_eq!(name_for(t, "plant would close"), "Tom Reyes");
    // Without a document, a participle still needs its comma.
    assert!(quotes("Tom Reyes met the press saying nothing at all about it.").is_empty());
}

#[test]
fn a_party_or_nationality_word_before_a_noun_in_s_is_no_speaker() {
    let t = "Most Republican claims were false, the study found.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text != "claims")), "{qs:#?}");
    let t = "FactDesk rated 32% of Democratic claims as \"false\" last year.";
    assert_eq!(name_for(t, "false"), "FactDesk");
    // With an article, the word is a noun and may speak.
    assert_eq!(name_for("A Republican claims the vote was rigged.", "rigged"), "Republican");
}

#[test]
fn results_reported_in_numbers_are_no_speech() {
    let t = "Greenway Markets reported strong results last week. Acme posted a quarterly loss of $2 million.";
    assert!(quotes(t).is_empty(), "{:#?}", quotes(t));
    assert_eq!(name_for("Acme reported that sales fell.", "sales fell"), "Acme");
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
fn a_party_tag_before_a_relative_clause_is_not_the_speaker() {
    let t = "Rep. Janet Osei, D-Md., whose district includes thousands of federal workers, wrote on social media that she was relieved.";
    assert_eq!(name_for(t, "relieved"), "Janet Osei");
}

#[test]
fn an_imperative_after_and_inherits_no_speaker() {
    let t = "\"I never planned it,\" Ann Vell says.\n\nHer advice to young cooks is simple: taste everything, and write nothing down until you have made it three times.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("nothing down")), "{qs:#?}");
    // A past form after "and" keeps the sentence's speaker.
    let t = "Ann Vell stood up and said the plan was dead.";
    assert_eq!(name_for(t, "plan was dead"), "Ann Vell");
}

#[test]
fn a_short_description_after_an_inverted_verb_is_the_speaker() {
    let t = "Captain Jordan Ellis admitted the players had let the manager down. \"We have to look at ourselves,\" said the midfielder. \"It is on us.\"";
    assert_eq!(name_for(t, "look at ourselves"), "Jordan Ellis");
    let q = quote_with(t, "ourselves");
    assert!(!q.text.contains("let the manager down"), "{q:#?}");
    let t = "Ann Vell won the race.\n\n\"It was hard,\" said the 25-year-old.";
    assert_eq!(name_for(t, "was hard"), "Ann Vell");
    let t = "Ann Vell won the race.\n\n\"It was hard,\" the 25-year-old said.";
    assert_eq!(name_for(t, "was hard"), "Ann Vell");
}

#[test]
fn nouns_before_a_title_belong_to_the_speaker() {
    let t = "Rescuers dug on.\n\n\"We will win this fight for sure,\" fire brigade commander Ravi Tanaka told reporters, speaking through a translator.";
    assert_eq!(name_for(t, "win this fight"), "Ravi Tanaka");
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("translator")), "{qs:#?}");
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
fn a_document_after_the_verb_is_on_the_way_to_that() {
    let t = "The National Grocers Association said in a report last month that its margins averaged just 1.6%.";
    assert_eq!(quotes(t).first().map(|q| q.text.as_str()), Some("its margins averaged just 1.6%."));
}

#[test]
fn a_name_ending_in_a_company_word_is_an_organisation() {
    let t = "Analyst Ben Ortiz of Keller Research said in a note that Lumen was testing how far loyalty stretches.";
    let a = analyze(t, &Options::default());
    let keller = a.entities.iter().find(|e| e.name == "Keller Research").expect("Keller Research");
    assert_eq!(keller.kind, whosaid::EntityType::ORG, "{:#?}", a.entities);
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
fn a_documents_which_after_a_dash_speaks_for_it() {
    let t = "Instead, the study -- which notes that 58 companies would owe $212 billion in taxes -- is a warning.";
    let q = quote_with(t, "58 companies");
    assert_eq!(
        q.speaker.as_ref().map(|s| (s.text.as_str(), s.name.as_str())),
        Some(("which", "the study")),
        "{q:#?}"
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
fn a_titled_name_in_apposition_is_the_speaker() {
    let t = "In an interview, the committee's ranking Democrat, Rep. Owen Pike of Ohio, called the subpoena \"a fishing expedition.\"";
    assert_eq!(name_for(t, "fishing expedition"), "Owen Pike");
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
fn a_quotation_after_a_sentence_about_a_person_is_that_persons() {
    let t = "\"We need calm,\" Mike Pence said.\n\nOn Sunday, Sen. Ann Lee, who lost the primary, identified bigotry as one of the reasons. \"The younger people are sick and tired of discrimination and racism.\"";
    assert_eq!(name_for(t, "younger people"), "Ann Lee");
}

#[test]
fn an_investors_partner_with_a_relative_clause_is_the_person() {
    let t = "Pennywise raised money from Northgate Capital.\n\nNorthgate partner Sam Oduya, who will join the board, said the firm had been watching.";
    assert_eq!(name_for(t, "firm had been watching"), "Sam Oduya");
}

#[test]
fn a_quotation_after_another_clause_with_its_own_subject_is_not_the_speakers() {
    let t = "\"You winning?\" Ann Vell said, but Kevin was drifting off again, and as Tom went on about \"how the system is rigged,\" she sighed.";
    let q = quote_with(t, "system is rigged");
    assert!(q.speaker.as_ref().is_none_or(|s| s.name != "Ann Vell"), "{q:#?}");
}

#[test]
fn a_name_described_as_a_company_is_the_company() {
    // "Pennick" alone looks like a surname to the tagger.
    let t = "Pennick, a three-year-old payments startup, has raised $30 million in a round led by Harbor Capital, the company said on Monday.";
    assert_eq!(name_for(t, "has raised"), "Pennick");
}

#[test]
fn a_company_based_somewhere_is_the_company() {
    let t = "Acme Corp cut 300 jobs on Monday. The Ohio-based company said it would hire again next year.";
    assert_eq!(name_for(t, "hire again"), "Acme Corp");
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

#[test]
fn a_name_after_a_family_tie_is_a_person_of_that_gender() {
    // "Callum" alone looks like a place to the tagger.
    let t = "Angus Reid has rowed the ferry for 41 years. \"I will miss it,\" Reid says.\n\nHis son, Callum, is less sure. \"The bridge is fine,\" he says.";
    assert_eq!(name_for(t, "bridge is fine"), "Callum");
}

#[test]
fn a_live_blog_time_stamp_is_not_part_of_the_speaker() {
    let t = "09:10 A reader from Penzance writes: \"Our fence has just gone over the road.\"";
    assert_eq!(name_for(t, "Our fence"), "A reader from Penzance");
}

#[test]
fn an_owned_organisation_is_not_the_last_one_named() {
    let t = "The Daily Courier reported the plan on Monday. The teachers' union said it was not surprised.";
    assert_eq!(name_for(t, "not surprised"), "The teachers' union");
    let t = "Acme Corp cut jobs on Monday. The company said it had no choice.";
    assert_eq!(name_for(t, "no choice"), "Acme Corp");
}

#[test]
fn he_or_she_after_an_unnamed_speaker_is_that_speaker() {
    let t = "Acme Corp cut 300 jobs on Monday. A spokeswoman for the company said the cuts were needed. She added that no more were planned.";
    assert_eq!(name_for(t, "no more were planned"), "A spokeswoman for the company");
    let t = "Tom Haddad toured the farms. A spokesman for Haddad said aid was coming. He added that it would arrive soon.";
    assert_eq!(name_for(t, "arrive soon"), "A spokesman for Haddad");
    // Someone of that gender named since is who.
    let t =
        "A spokesman said the road was closed. Tom Lee, the mayor, was angry. He said it was not.";
    assert_eq!(name_for(t, "it was not"), "Tom Lee");
}

#[test]
fn shares_that_fall_speak_for_no_one() {
    let t = "Shares of Acme fell 12% on Thursday after the chipmaker cut its forecast, blaming weak demand from phone makers.";
    assert!(
        quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.text.starts_with("Shares"))),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_passive_agent_and_a_relative_after_a_time_are_the_source() {
    let t = "It was reported by the Ledger that the aide had quit.";
    assert_eq!(name_for(t, "aide had quit"), "Ledger");
    let t = "The plan was first reported by the Ledger on Monday, which said it would fail.";
    assert_eq!(name_for(t, "it would fail"), "Ledger");
}
