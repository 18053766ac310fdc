//! Things that are no speaker or no speech: adverbs, owners, participles, deeds.

use super::*;

/// On an article in every style of these modules' cases, no speaker is a
/// word that is neither a name nor a description: a named speaker is its
/// entity's name, an unnamed one begins as a description or pronoun does.
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
fn prepositions_and_adverbs_are_never_speakers() {
    let t = "Mayor Ann Vell, despite admitting that she had doubts, backed the plan.";
    assert_eq!(name_for(t, "had doubts"), "Ann Vell");
    let t = "The deal came from Acme Steel Corp and Bolt Works, which together vowed to cut emissions by half.";
    assert_eq!(name_for(t, "cut emissions"), "Bolt Works");
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
fn a_verb_after_to_or_will_is_no_speaker() {
    let t = "Ann Lee, popular with the base, will help convince voters to back her in May.";
    assert!(quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "help")));
    let t = "A man who did not want to be named said he heard the talk.";
    assert_eq!(name_for(t, "heard the talk"), "A man who did not want to be named");
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
fn an_adverb_between_subject_and_verb_is_no_speaker() {
    let t = "The firm met the lawyers and almost immediately disclosed the files to the press.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "almost")), "{qs:#?}");
    let t = "Ann Vell always says the plan will fail.";
    assert_eq!(name_for(t, "the plan will fail"), "Ann Vell");
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
fn shares_that_fall_speak_for_no_one() {
    let t = "Shares of Acme fell 12% on Thursday after the chipmaker cut its forecast, blaming weak demand from phone makers.";
    assert!(
        quotes(t).iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.text.starts_with("Shares"))),
        "{:?}",
        quotes(t)
    );
}
