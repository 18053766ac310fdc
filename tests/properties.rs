//! Property tests (proptest) of the output contract on arbitrary Unicode and
//! on news-like text assembled from short made-up fragments: every span is
//! in bounds and on character boundaries in every offset unit, `text` fields
//! equal their slices, quotes do not overlap, speakers and entities point at
//! real entries, the three offset units describe the same analysis, and the
//! output is the same on every run; also on hard-wrapped text whose long words
//! are cut with a hyphen at the margin (read joined, spans in the original).

use proptest::prelude::*;
use whosaid::{analyze, OffsetUnit, Options};

mod support {
    #![allow(dead_code)]
    include!("support/invariants.rs");
}
use support::{check, convert};

const UNITS: [OffsetUnit; 3] = [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoint];

/// Pieces of made-up news text and of hostile text, to be strung together.
const FRAGMENTS: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "warned",
    "he",
    "she",
    "they",
    "It",
    "The minister",
    "the secretary",
    "Mr.",
    "Ms.",
    "Dr.",
    "President",
    "Senator",
    "Gen.",
    "Ana Ruiz",
    "Ruiz",
    "Pat Kowalski",
    "Kowalski's",
    "Tomas Berg",
    "Berg",
    "Acme Corp.",
    "the Ministry of Roads",
    "Northvale",
    "Lake Orin",
    "Orinian",
    "U.S.",
    "on Monday",
    "March 3, 2021",
    "3:30 p.m.",
    "$4.5 billion",
    "45%",
    "1,000",
    "the '90s",
    "6'2\"",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "...",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "\"",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "\u{0}",
    "\u{feff}",
    "\u{200d}",
    "\u{2028}",
    "\u{a0}",
    "\u{202f}",
    "\u{301}",
    "e\u{301}",
    "😀",
    "👍🏽",
    "🇺🇸",
    "👩‍👩‍👧",
    "北京",
    "東京都",
    "مرحبا",
    "שלום",
    "\u{202e}",
    "Ꙋ",
    "𝔘𝔫𝔦",
    "İ",
    "ß",
    "ﬁ",
    "\u{fffd}",
    "\u{10ffff}",
    "\u{e000}",
];

fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => prop::collection::vec(prop::char::range('a', 'z'), 1..8).prop_map(|v| v.into_iter().collect()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| {
        // Spaces between most pieces, as in real text; none between some.
        let mut s = String::new();
        for (i, p) in v.iter().enumerate() {
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

/// Characters that stress quote pairing and token boundaries.
const SOUP: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', '«', '»', ' ', 'a', 'b', 'C', '.', ',', '\n', '😀', 'é', '\u{0}',
];

/// Runs every check in every unit (proptest turns a panic into a failing,
/// shrunk case).
fn check_all_units(text: &str) -> Result<(), TestCaseError> {
    let bytes = analyze(text, &Options { offsets: OffsetUnit::Utf8, ..Options::default() });
    for unit in UNITS {
        let a = analyze(text, &Options { offsets: unit, ..Options::default() });
        check(text, unit, &a).map_err(|e| TestCaseError::fail(format!("{unit:?}: {e}")))?;
        prop_assert_eq!(
            &a,
            &analyze(text, &Options { offsets: unit, ..Options::default() }),
            "not deterministic in {:?}",
            unit
        );
        prop_assert_eq!(
            &a,
            &convert(text, unit, &bytes),
            "{:?} offsets do not describe the byte analysis",
            unit
        );
    }
    Ok(())
}

/// Words for hard-wrapped text; the long ones get hyphenated at the margin.
const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "transportation",
    "Østergaard",
    "Søren",
    "café",
    "well",
    "known",
    "reported",
    "\"We",
    "will,\"",
    "she",
    "and",
    "pre-",
    "Schwarzenegger",
    "über",
    "naïveté",
    "Ana",
    "Ruiz",
    "infrastructure",
    "😀",
    "mid-sentence",
    "北京市政府",
    "e\u{301}tude",
];

/// A made-up paragraph hard-wrapped at `width` columns, a long word that
/// does not fit cut with a hyphen, as text from a PDF comes.
fn hyphenated() -> impl Strategy<Value = String> {
    (prop::collection::vec(prop::sample::select(WORDS), 10..120), 24usize..72).prop_map(
        |(words, width)| {
            let (mut out, mut col) = (String::new(), 0);
            for w in words {
                let n = w.chars().count();
                if col > 0 && col + 1 + n > width {
                    let room = width.saturating_sub(col + 2);
                    if n >= 8 && room >= 3 {
                        let k = room.min(n - 3);
                        let cut: String = w.chars().take(k).collect();
                        let rest: String = w.chars().skip(k).collect();
                        out.push_str(&format!(" {cut}-\n{rest}"));
                        col = n - k;
                        continue;
                    }
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(w);
                col += n;
            }
            out
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn contract_holds_on_hard_wrapped_text_with_hyphenated_words(text in hyphenated()) {
        check_all_units(&text)?;
    }

    #[test]
    fn contract_holds_on_newsy_text(text in newsy()) {
        check_all_units(&text)?;
    }

    #[test]
    fn contract_holds_on_arbitrary_unicode(text in prop::collection::vec(any::<char>(), 0..300)) {
        let text: String = text.into_iter().collect();
        check_all_units(&text)?;
    }

    #[test]
    fn contract_holds_on_quote_and_space_soup(text in prop::collection::vec(prop::sample::select(SOUP), 0..200)) {
        let text: String = text.into_iter().collect();
        check_all_units(&text)?;
    }
}

/// The checker itself can fail: a span whose text is wrong, one that splits
/// a surrogate pair, and overlapping quotes are all caught.
#[test]
fn the_checker_catches_bad_spans() {
    use whosaid::{Analysis, Quote, QuoteKind};
    let q = |start, end, text: &str| Quote {
        start,
        end,
        text: text.into(),
        parts: vec![whosaid::Span { start, end, text: text.into() }],
        kind: QuoteKind::Direct,
        cue: None,
        speaker: None,
    };
    let text = "a😀b said";
    let bad_text = Analysis { quotes: vec![q(0, 1, "b")], entities: vec![] };
    assert!(check(text, OffsetUnit::Utf8, &bad_text).is_err());
    let split_pair = Analysis { quotes: vec![q(0, 2, "a\u{fffd}")], entities: vec![] };
    assert!(check(text, OffsetUnit::Utf16, &split_pair).unwrap_err().contains("surrogate"));
    let overlap = Analysis { quotes: vec![q(0, 3, "a😀b"), q(2, 3, "b")], entities: vec![] };
    assert!(check(text, OffsetUnit::Codepoint, &overlap).unwrap_err().contains("overlaps"));
    let good = Analysis { quotes: vec![q(0, 3, "a😀b"), q(4, 8, "said")], entities: vec![] };
    assert_eq!(check(text, OffsetUnit::Codepoint, &good), Ok(()));
}
