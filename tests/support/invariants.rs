// The output contract's invariants, checked on any `Analysis`: shared by the
// property tests, the adversarial tests and the fuzz targets (which include
// this file with `include!`), so that all three check the same things.
//
// Checked: every span is in bounds and on character boundaries in its
// offset unit (in UTF-16 never between the two halves of a surrogate pair),
// its `text` equals the slice it describes, and it is not empty; a quote's
// parts are in order, span its extent, and its text is their texts joined by
// " … "; quotes are
// in text order and do not overlap; every entity has a mention; a speaker's
// `entity` is an index into `entities` and its `name` is that entity's name.

#[allow(unused_imports)]
use whosaid::{Analysis, OffsetUnit, Span};

/// The text seen in one offset unit, to slice spans out of.
pub struct Indexed<'t> {
    text: &'t str,
    unit: OffsetUnit,
    utf16: Vec<u16>,
    chars: Vec<char>,
}

impl<'t> Indexed<'t> {
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let utf16 = if unit == OffsetUnit::Utf16 { text.encode_utf16().collect() } else { Vec::new() };
        let chars = if unit == OffsetUnit::Codepoint { text.chars().collect() } else { Vec::new() };
        Indexed { text, unit, utf16, chars }
    }

    /// The text of `start..end`, or why the span is not a valid one.
    pub fn slice(&self, start: usize, end: usize) -> Result<String, String> {
        if start > end {
            return Err(format!("start {start} > end {end}"));
        }
        match self.unit {
            OffsetUnit::Utf8 => self
                .text
                .get(start..end)
                .map(str::to_string)
                .ok_or_else(|| format!("{start}..{end} out of bounds or not on char boundaries (len {})", self.text.len())),
            OffsetUnit::Utf16 => {
                let units = self.utf16.get(start..end).ok_or_else(|| format!("{start}..{end} out of bounds (len {})", self.utf16.len()))?;
                let splits = |i: usize| self.utf16.get(i).is_some_and(|u| (0xDC00..0xE000).contains(u));
                if splits(start) || splits(end) {
                    return Err(format!("{start}..{end} splits a surrogate pair"));
                }
                String::from_utf16(units).map_err(|e| format!("{start}..{end}: {e}"))
            }
            OffsetUnit::Codepoint => self
                .chars
                .get(start..end)
                .map(|c| c.iter().collect())
                .ok_or_else(|| format!("{start}..{end} out of bounds (len {})", self.chars.len())),
        }
    }

    fn check_span(&self, what: &str, start: usize, end: usize, text: &str) -> Result<(), String> {
        let s = self.slice(start, end).map_err(|e| format!("{what}: {e}"))?;
        if s != text {
            return Err(format!("{what} {start}..{end}: text {text:?} != slice {s:?}"));
        }
        if start == end {
            return Err(format!("{what} {start}..{end} is empty"));
        }
        Ok(())
    }
}

/// Checks every invariant of the contract on `a`, computed from `text` with
/// offsets in `unit`.
pub fn check(text: &str, unit: OffsetUnit, a: &Analysis) -> Result<(), String> {
    let ix = Indexed::new(text, unit);
    let mut prev_end = 0usize;
    for (qi, q) in a.quotes.iter().enumerate() {
        let texts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
        if q.text != texts.join(" … ") {
            return Err(format!("quote {qi} text {:?} is not its parts {texts:?} joined", q.text));
        }
        let (first, last) = (q.parts.first(), q.parts.last());
        if first.map(|p| p.start) != Some(q.start) || last.map(|p| p.end) != Some(q.end) {
            return Err(format!("quote {qi} extent {}..{} is not its parts'", q.start, q.end));
        }
        let mut part_end = q.start;
        for (pi, p) in q.parts.iter().enumerate() {
            ix.check_span(&format!("quote {qi} part {pi}"), p.start, p.end, &p.text)?;
            if p.start < part_end {
                return Err(format!("quote {qi} part {pi} overlaps the part before"));
            }
            part_end = p.end;
        }
        if q.start < prev_end {
            return Err(format!("quote {qi} ({}..{}) overlaps or precedes the one before (ending at {prev_end})", q.start, q.end));
        }
        prev_end = q.end;
        if let Some(c) = &q.cue {
            ix.check_span(&format!("quote {qi} cue"), c.start, c.end, &c.text)?;
        }
        if let Some(sp) = &q.speaker {
            ix.check_span(&format!("quote {qi} speaker"), sp.start, sp.end, &sp.text)?;
            if let Some(e) = sp.entity {
                let ent = a.entities.get(e).ok_or_else(|| format!("quote {qi} speaker entity {e} of {}", a.entities.len()))?;
                if ent.name != sp.name {
                    return Err(format!("quote {qi} speaker name {:?} != entity {e} name {:?}", sp.name, ent.name));
                }
            }
        }
    }
    for (ei, e) in a.entities.iter().enumerate() {
        if e.mentions.is_empty() {
            return Err(format!("entity {ei} ({:?}) has no mention", e.name));
        }
        for (mi, m) in e.mentions.iter().enumerate() {
            ix.check_span(&format!("entity {ei} mention {mi}"), m.start, m.end, &m.text)?;
        }
    }
    Ok(())
}

/// `a` (byte offsets) with every offset rewritten into `unit`, computed
/// independently of the engine's own conversion.
pub fn convert(text: &str, unit: OffsetUnit, a: &Analysis) -> Analysis {
    let mut table = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        table[i] = count;
        count += match unit {
            OffsetUnit::Utf8 => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Codepoint => 1,
        };
    }
    table[text.len()] = count;
    let at = |b: usize| table.get(b).copied().unwrap_or(usize::MAX);
    let mut out = a.clone();
    for q in &mut out.quotes {
        (q.start, q.end) = (at(q.start), at(q.end));
        for p in &mut q.parts {
            (p.start, p.end) = (at(p.start), at(p.end));
        }
        if let Some(c) = &mut q.cue {
            (c.start, c.end) = (at(c.start), at(c.end));
        }
        if let Some(s) = &mut q.speaker {
            (s.start, s.end) = (at(s.start), at(s.end));
        }
    }
    for e in &mut out.entities {
        for m in &mut e.mentions {
            (m.start, m.end) = (at(m.start), at(m.end));
        }
    }
    out
}
