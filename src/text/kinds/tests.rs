use super::ParagraphKind::{self, *};
use crate::text::Doc;

/// Each paragraph's text and kind.
fn kinds(text: &str) -> Vec<(&str, ParagraphKind)> {
    let doc = Doc::new(text);
    doc.paragraphs.iter().map(|p| (&text[p.start..p.end], p.kind)).collect()
}

const PAGE: &str = "Northfield bridge to reopen after five-year wait

By Ana Ruiz and Bo Kern

NORTHFIELD

The old bridge over the Mill River will reopen on Monday, Mayor Ada Brook said on Tuesday.

Advertisement

Workers lower the last steel beam into place on Friday.

Credit: Bo Kern/Northfield Courier

Read more: Ten bridges worth the drive this winter

Residents have waited five years for the crossing to return.

What comes next

Share this article

Sign up for our morning newsletter to get the news first.";

#[test]
fn each_kind_of_paragraph_is_told_by_its_form() {
    let k = kinds(PAGE);
    let got: Vec<ParagraphKind> = k.iter().map(|p| p.1).collect();
    assert_eq!(
        got,
        [
            Headline, Byline, Dateline, Prose, Furniture, Caption, Credit, Furniture, Prose,
            Headline, Furniture, Furniture
        ],
        "{k:?}"
    );
}

#[test]
fn a_credit_glued_to_its_caption_is_its_own_paragraph() {
    let t = "Miners rest after a shift deep underground.CreditAna Ruiz/Example Times\n\nThe mine closed in May.";
    let k = kinds(t);
    assert_eq!(
        k,
        [
            ("Miners rest after a shift deep underground.", Caption),
            ("CreditAna Ruiz/Example Times", Credit),
            ("The mine closed in May.", Prose)
        ]
    );
    let doc = Doc::new(t);
    assert!(
        doc.tokens.iter().any(|x| x.text(t) == "Credit")
            && doc.tokens.iter().any(|x| x.text(t) == "Ana")
    );
}

#[test]
fn camel_case_words_are_not_split_unless_glued_to_a_full_stop() {
    let t = "Staff at PhotoBox and ImageWorks said so. A Creditor paid.";
    let doc = Doc::new(t);
    let words: Vec<&str> = doc.tokens.iter().map(|x| x.text(t)).collect();
    assert!(words.contains(&"PhotoBox") && words.contains(&"ImageWorks"), "{words:?}");
    assert!(words.contains(&"Creditor"));
}

#[test]
fn prose_stays_prose() {
    let t = "Read the report, the mayor said, and you will see why.\n\nBy Friday the bridge was open.\n\nImage quality improved after the new cameras arrived in May.";
    let got: Vec<ParagraphKind> = kinds(t).iter().map(|p| p.1).collect();
    assert_eq!(got, [Prose, Prose, Prose]);
}

#[test]
fn agency_credits_and_bylines_of_wire_copy() {
    let t = "The probe landed on Tuesday.\n\nAna Ruiz/Getty Images\n\n(Reporting by Ana Ruiz; Editing by Bo Kern)";
    let got: Vec<ParagraphKind> = kinds(t).iter().map(|p| p.1).collect();
    assert_eq!(got, [Caption, Credit, Byline]);
}
