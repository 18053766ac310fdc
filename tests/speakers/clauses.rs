//! Participles, relative clauses and "as" clauses: whose speech the clause reports.

use super::*;

#[test]
fn who_resolves_to_the_name_before_it() {
    let t = "Tom Lee, who chairs the board, said the plan was sound and would pass.";
    assert_eq!(name_for(t, "plan was sound"), "Tom Lee");
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
fn a_participle_after_a_named_subject_and_apposition_is_the_subjects() {
    let t = "Burkett, who phoned in from the set, praised the crew on Monday, saying the shoot had been a joy.";
    let q = quote_with(t, "joy");
    assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some("Burkett"));
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
fn a_relative_clause_reports_up_to_its_closing_comma() {
    let t = "Acme Steel Corp, which said it would cut jobs, lost money in May.";
    assert_eq!(name_for(t, "cut jobs"), "Acme Steel Corp");
    assert!(quotes(t).iter().all(|q| !q.text.contains("lost money")), "{:#?}", quotes(t));
    let t = "The senator, who said he was tired, left early.";
    assert_eq!(name_for(t, "was tired"), "The senator");
    assert!(quotes(t).iter().all(|q| !q.text.contains("left early")), "{:#?}", quotes(t));
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
fn with_and_a_named_subject_gives_a_participle_its_own_speaker() {
    let t = "The firm cut jobs, with Ann Lee saying the market was weak.";
    assert_eq!(name_for(t, "market was weak"), "Ann Lee");
    let t = "Jordan condemned the move, with Foreign Minister Ann Lee warning of \"grave consequences\" for the region.";
    assert_eq!(name_for(t, "grave consequences"), "Ann Lee");
    assert!(quotes(t).iter().all(|q| !(q.text.contains("the move") && q.text.contains("grave"))));
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
fn a_relative_that_before_a_name_is_not_part_of_it() {
    let t = "It also lists plans she backed that Tom Bell argues let the group grow.";
    let qs = quotes(t);
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Tom Bell"), "{qs:#?}");
    assert_eq!(name_for("That man said the plan failed.", "plan failed"), "That man");
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
fn an_imperative_after_and_inherits_no_speaker() {
    let t = "\"I never planned it,\" Ann Vell says.\n\nHer advice to young cooks is simple: taste everything, and write nothing down until you have made it three times.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("nothing down")), "{qs:#?}");
    // A past form after "and" keeps the sentence's speaker.
    let t = "Ann Vell stood up and said the plan was dead.";
    assert_eq!(name_for(t, "plan was dead"), "Ann Vell");
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
