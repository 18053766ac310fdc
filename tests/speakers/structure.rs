//! Article layout: labels, captions, page furniture, datelines, signatures, time stamps.

use super::*;

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
fn page_furniture_gives_no_quotes() {
    let t = "\"The bridge will open in May,\" Ann Lee said.\n\nAdvertisement\n\nRead more: \"Why the ferries will stop running for good,\" says our reporter\n\n\"After that, the ferries stop.\"";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("Why the ferries")), "{qs:#?}");
    assert_eq!(name_for(t, "After that"), "Ann Lee");
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
fn a_headline_with_a_title_and_a_colon_names_the_person() {
    let t = "Harbour City boss Reid: 'We were second best'\n\nHarbour City manager Alan Reid admitted his side were \"second best\" on Saturday.";
    assert_eq!(name_for(t, "We were second best"), "Alan Reid");
}

#[test]
fn a_live_blog_time_stamp_is_not_part_of_the_speaker() {
    let t = "09:10 A reader from Penzance writes: \"Our fence has just gone over the road.\"";
    assert_eq!(name_for(t, "Our fence"), "A reader from Penzance");
}
