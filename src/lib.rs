//! whosaid: finds every quotation in a news article, who said it, and the
//! named entities, with plain Rust that also compiles to WebAssembly.
//!
//! Data flows one way: text -> tokens, sentences, paragraphs (`text`) ->
//! entity mentions (`entities`) -> entity clusters (`coref`) -> quotes
//! and speakers (`quotes`) -> [`Analysis`]. Offsets are UTF-8 bytes inside
//! and are converted once, at the end, to the unit the caller asks for.
//!
//! The public API is [`analyze`] with its [`Options`] and result types, and
//! (native only) the JSONL [`batch`] format. The stages themselves are
//! private; the `internals` feature makes them public for the benchmark,
//! the entity model's trainer and the fuzz targets, with no promise of
//! stability.

#![cfg_attr(not(feature = "internals"), deny(missing_docs))]

/// Declares a stage's module: private, public with the `internals` feature.
macro_rules! stage {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[cfg(feature = "internals")]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        mod $name;
    };
}

#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
stage!(coref);
stage!(entities);
mod invariants;
mod pieces;
stage!(quotes);
mod rejoined;
mod unescaped;
stage!(text);

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use pieces::Pieces;
use serde::{Deserialize, Serialize};
pub use text::offsets::OffsetUnit;

/// A span of the input: offsets in the unit the caller chose, and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Where the span starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The text between the two.
    pub text: String,
}

/// How a quotation is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Entirely inside quotation marks.
    Direct,
    /// A quoted fragment used as a phrase, with no reported clause around it.
    Partial,
    /// Reported speech that contains a quoted fragment.
    Mixed,
    /// Reported (indirect) speech with no quotation marks.
    Indirect,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Where the mention the attribution uses ("he", "Tillerson", "the
    /// secretary") starts.
    pub start: usize,
    /// Where that mention ends (exclusive).
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// The resolved canonical name ("Rex Tillerson").
    pub name: String,
    /// Index into [`Analysis::entities`], when the speaker is a known entity.
    pub entity: Option<usize>,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The content's extent: the first part's start ...
    pub start: usize,
    /// ... and the last part's end.
    pub end: usize,
    /// The parts' texts, joined by " … " when there are several.
    pub text: String,
    /// The content without quotation marks, in pieces where its attribution
    /// interrupts it (`"We will," he said, "win."` -> "We will," and "win.").
    pub parts: Vec<Span>,
    /// How the quotation is given.
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Who said it, when the article says.
    pub speaker: Option<Speaker>,
}

/// Entity types, after OntoNotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum EntityType {
    /// People, including fictional.
    PERSON,
    /// Companies, agencies, institutions.
    ORG,
    /// Countries, cities, states.
    GPE,
    /// Other locations: mountain ranges, bodies of water, regions.
    LOC,
    /// Nationalities, religious and political groups.
    NORP,
    /// Named events: wars, storms, sports events.
    EVENT,
    /// Absolute or relative dates or periods.
    DATE,
    /// Times smaller than a day.
    TIME,
    /// Monetary values, with their unit.
    MONEY,
    /// Percentages, with "%" or "percent".
    PERCENT,
    /// Numerals that are not of another type.
    CARDINAL,
}

/// One entity: all mentions of the same person, organisation, place, ...
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The entity's type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The longest proper form, without title.
    pub name: String,
    /// A title seen with the name ("Secretary of State").
    pub title: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// The result of [`analyze`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// The quotations, in text order.
    pub quotes: Vec<Quote>,
    /// The entities; [`Speaker::entity`] indexes this list.
    pub entities: Vec<Entity>,
}

/// What [`analyze`] should do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The unit of every offset in the result. Rust callers get UTF-8 bytes
    /// by default, so `&text[q.start..q.end]` is the span.
    pub offsets: OffsetUnit,
    /// Whether a quotation that goes on in a new sentence after its
    /// attribution (`"A," she said. "B."`) is part of the same quote.
    pub continuations: Continuations,
}

impl Default for Options {
    fn default() -> Self {
        Options { offsets: OffsetUnit::Utf8, continuations: Continuations::Join }
    }
}

/// How `"A," she said. "B."` is reported: the two conventions of annotated
/// news differ (PolNeAR joins the halves into one quote; other annotations,
/// and many readers, count two quotes by the same speaker).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Continuations {
    /// One quote from the start of A to the end of B (the default).
    #[default]
    Join,
    /// A and B are two quotes; B takes A's speaker and cue.
    Separate,
}

impl std::str::FromStr for Continuations {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "join" => Ok(Continuations::Join),
            "separate" => Ok(Continuations::Separate),
            other => Err(format!("unknown continuations '{other}' (expected join or separate)")),
        }
    }
}

/// Finds the quotes, their speakers and the entities in `text`. A text
/// longer than 768 KB is analysed in pieces cut at paragraph breaks
/// ([`Pieces`], which steps through them one at a time).
pub fn analyze(text: &str, options: &Options) -> Analysis {
    Pieces::new(text, options).finish()
}

/// [`analyze`] of a text that fits one [`text::Doc`] (under 4 GiB): of its
/// copy with quotation marks written as HTML references read as marks
/// ([`text::html_marks`]), when it has any.
fn analyze_doc(text: &str, options: &Options) -> Analysis {
    match text::html_marks::copy(text) {
        Some(copy) => unescaped::analyze(text, &copy, options),
        None => analyze_plain(text, options),
    }
}

/// [`analyze_doc`] of a text with no references: of its copy with words
/// hyphenated at a line end made whole ([`text::hyphens`]), when it has any.
fn analyze_plain(text: &str, options: &Options) -> Analysis {
    match text::hyphens::rejoin(text) {
        Some(rejoined) => rejoined::analyze(text, &rejoined, options),
        None => analyze_text(text, None, options),
    }
}

/// [`analyze_doc`] of the text as it is (`margin`: see [`text::Doc::with_margin`]).
fn analyze_text(text: &str, margin: Option<usize>, options: &Options) -> Analysis {
    let doc = text::Doc::with_margin(text, margin);
    debug_assert_eq!(invariants::doc(&doc), Ok(()));
    let mentions = entities::find(&doc);
    debug_assert_eq!(invariants::mentions(&doc, &mentions), Ok(()));
    let table = coref::cluster(&doc, mentions);
    debug_assert_eq!(invariants::table(&doc, &table), Ok(()));
    let quotes = quotes::find(&doc, &table, options.continuations);
    let mut analysis = Analysis { quotes, entities: table.into_entities(&doc) };
    debug_assert_eq!(invariants::analysis(text, &analysis), Ok(()));
    if options.offsets != OffsetUnit::Utf8 {
        analysis.convert_offsets(text, options.offsets);
    }
    analysis
}

impl Analysis {
    /// Rewrites every byte offset into `unit`: one pass over the text builds
    /// the map, then each offset is converted where it lies (no gathering
    /// and sorting of the offsets).
    fn convert_offsets(&mut self, text: &str, unit: OffsetUnit) {
        let map = text::offsets::OffsetMap::new(text, unit);
        self.for_each_offset(|o| {
            // The map rounds an offset inside a character down: none of ours is.
            debug_assert!(text.is_char_boundary(*o), "byte {o} of {}", text.len());
            *o = map.convert(*o);
        });
    }

    /// Puts every span back into the text that the analysis was made from a
    /// copy of (`unescaped`, `rejoined`): `start` maps each start, and
    /// `restore(start, end, text)` gives a span its text in the original
    /// where the copy's differs; each quote's text is then its parts' texts
    /// joined again, as the quote stage joins them.
    fn restore_spans(
        &mut self,
        start: impl Fn(usize) -> usize,
        restore: impl Fn(usize, usize, &mut String),
    ) {
        let span = |s: &mut Span| {
            s.start = start(s.start);
            restore(s.start, s.end, &mut s.text);
        };
        for q in &mut self.quotes {
            q.parts.iter_mut().for_each(span);
            q.cue.iter_mut().for_each(span);
            if let Some(sp) = &mut q.speaker {
                sp.start = start(sp.start);
                restore(sp.start, sp.end, &mut sp.text);
            }
            q.start = start(q.start);
            q.text = quotes::joined_text(&q.parts);
        }
        self.entities.iter_mut().flat_map(|e| e.mentions.iter_mut()).for_each(span);
    }

    /// Calls `f` on every offset of the analysis, to rewrite it in place.
    fn for_each_offset(&mut self, mut f: impl FnMut(&mut usize)) {
        for q in &mut self.quotes {
            f(&mut q.start);
            f(&mut q.end);
            for p in &mut q.parts {
                f(&mut p.start);
                f(&mut p.end);
            }
            if let Some(c) = &mut q.cue {
                f(&mut c.start);
                f(&mut c.end);
            }
            if let Some(sp) = &mut q.speaker {
                f(&mut sp.start);
                f(&mut sp.end);
            }
        }
        for m in self.entities.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            f(&mut m.start);
            f(&mut m.end);
        }
    }
}
