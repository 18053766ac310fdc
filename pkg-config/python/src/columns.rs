//! The rows `whosaid.spark` writes (one per quote, one per entity mention),
//! as Arrow column buffers built in Rust: `whosaid.spark` wraps them with
//! `pyarrow.Array.from_buffers`, no Python object per value.
//!
//! NOTE: building the same rows as Python dicts from `analyze_many`'s result
//! and converting them with `RecordBatch.from_pydict` took twice the engine's
//! own time; Spark then ran at a quarter of the CLI's speed.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use serde::Serialize;
use whosaid::{Analysis, EntityType, QuoteKind};

/// A field's name and Arrow type: i (int32), l (int64) or s (utf8).
type Field = (&'static str, u8);

/// The fields, in the order of `whosaid.spark.QUOTE_FIELDS` (which checks
/// the names).
const QUOTE_FIELDS: [Field; 8] = [
    ("index", b'i'),
    ("start", b'l'),
    ("end", b'l'),
    ("text", b's'),
    ("kind", b's'),
    ("cue", b's'),
    ("speaker_name", b's'),
    ("speaker_type", b's'),
];
/// The fields, in the order of `whosaid.spark.MENTION_FIELDS`.
const MENTION_FIELDS: [Field; 7] = [
    ("entity", b'i'),
    ("type", b's'),
    ("name", b's'),
    ("title", b's'),
    ("start", b'l'),
    ("end", b'l'),
    ("text", b's'),
];

/// One Arrow column: an int32/int64 column or a (nullable) utf8 column.
enum Column {
    I32(Vec<i32>),
    I64(Vec<i64>),
    Str(Strings),
}

/// An Arrow utf8 column's buffers: validity bits, int32 offsets, bytes.
#[derive(Default)]
struct Strings {
    valid: Vec<u8>,
    nulls: usize,
    offsets: Vec<i32>,
    data: Vec<u8>,
    len: usize,
}

impl Strings {
    fn push(&mut self, s: Option<&str>) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        if self.len.is_multiple_of(8) {
            self.valid.push(0);
        }
        match s {
            Some(s) => {
                if let Some(byte) = self.valid.last_mut() {
                    *byte |= 1 << (self.len % 8);
                }
                self.data.extend_from_slice(s.as_bytes());
            }
            None => self.nulls += 1,
        }
        // A batch holds far less than 2 GB of text (Spark's Arrow batches are
        // 10,000 articles); saturating keeps a corrupt offset out of reach.
        self.offsets.push(i32::try_from(self.data.len()).unwrap_or(i32::MAX));
        self.len += 1;
    }
}

/// Rows of one table: the row offsets per article, and the columns.
pub struct Table {
    fields: &'static [Field],
    offsets: Vec<i32>,
    columns: Vec<Column>,
}

impl Table {
    fn new(fields: &'static [Field]) -> Self {
        let columns = fields
            .iter()
            .map(|(_, kind)| match kind {
                b'i' => Column::I32(Vec::new()),
                b'l' => Column::I64(Vec::new()),
                _ => Column::Str(Strings::default()),
            })
            .collect();
        Table { fields, offsets: vec![0], columns }
    }

    fn end_article(&mut self) {
        let rows = match self.columns.first() {
            Some(Column::I32(v)) => v.len(),
            Some(Column::I64(v)) => v.len(),
            Some(Column::Str(s)) => s.len,
            None => 0,
        };
        self.offsets.push(i32::try_from(rows).unwrap_or(i32::MAX));
    }

    /// `(row offsets, [field name], [column])`, each column `(len, validity, offsets, data)`
    /// as bytes (validity None without nulls, offsets None for ints).
    fn into_python<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let bytes = |b: &[u8]| PyBytes::new(py, b).into_any();
        let le32 = |v: &[i32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        let none = py.None().into_bound(py);
        let mut cols = Vec::new();
        for c in self.columns {
            let col = match c {
                Column::I32(v) => (v.len(), none.clone(), none.clone(), bytes(&le32(&v))),
                Column::I64(v) => (
                    v.len(),
                    none.clone(),
                    none.clone(),
                    bytes(&v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>()),
                ),
                Column::Str(s) => {
                    let valid = if s.nulls > 0 { bytes(&s.valid) } else { none.clone() };
                    let offsets = if s.offsets.is_empty() { vec![0] } else { s.offsets };
                    (s.len, valid, bytes(&le32(&offsets)), bytes(&s.data))
                }
            };
            cols.push(col.into_pyobject(py)?.into_any());
        }
        Ok((
            bytes(&le32(&self.offsets)),
            PyList::new(py, self.fields.iter().map(|f| f.0))?,
            PyList::new(py, cols)?,
        )
            .into_pyobject(py)?
            .into_any())
    }
}

/// The quote and mention tables of a batch of articles, filled one analysis
/// at a time, in order.
pub struct Tables {
    quotes: Table,
    mentions: Table,
    names: Names,
}

impl Default for Tables {
    fn default() -> Self {
        Tables {
            quotes: Table::new(&QUOTE_FIELDS),
            mentions: Table::new(&MENTION_FIELDS),
            names: Names::default(),
        }
    }
}

impl Tables {
    /// Adds one article's rows.
    pub fn add(&mut self, a: &Analysis) {
        for (i, q) in a.quotes.iter().enumerate() {
            let entity = q.speaker.as_ref().and_then(|s| s.entity).and_then(|e| a.entities.get(e));
            let kind = self.names.kind(q.kind);
            let speaker_type = entity.map(|e| self.names.entity(e.kind));
            let mut c = self.quotes.columns.iter_mut();
            push_i32(c.next(), i);
            push_i64(c.next(), q.start);
            push_i64(c.next(), q.end);
            push_str(c.next(), Some(&q.text));
            push_str(c.next(), Some(&kind));
            push_str(c.next(), q.cue.as_ref().map(|c| c.text.as_str()));
            push_str(c.next(), q.speaker.as_ref().map(|s| s.name.as_str()));
            push_str(c.next(), speaker_type.as_deref());
        }
        self.quotes.end_article();
        for (i, e) in a.entities.iter().enumerate() {
            let kind = self.names.entity(e.kind);
            for m in &e.mentions {
                let mut c = self.mentions.columns.iter_mut();
                push_i32(c.next(), i);
                push_str(c.next(), Some(&kind));
                push_str(c.next(), Some(&e.name));
                push_str(c.next(), e.title.as_deref());
                push_i64(c.next(), m.start);
                push_i64(c.next(), m.end);
                push_str(c.next(), Some(&m.text));
            }
        }
        self.mentions.end_article();
    }

    /// `{"quotes": table, "entities": table}` (see [`Table::into_python`]).
    pub fn into_python<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        d.set_item("quotes", self.quotes.into_python(py)?)?;
        d.set_item("entities", self.mentions.into_python(py)?)?;
        Ok(d.into_any())
    }
}

fn push_i32(c: Option<&mut Column>, v: usize) {
    if let Some(Column::I32(col)) = c {
        col.push(i32::try_from(v).unwrap_or(i32::MAX));
    }
}

fn push_i64(c: Option<&mut Column>, v: usize) {
    if let Some(Column::I64(col)) = c {
        col.push(i64::try_from(v).unwrap_or(i64::MAX));
    }
}

fn push_str(c: Option<&mut Column>, v: Option<&str>) {
    if let Some(Column::Str(col)) = c {
        col.push(v);
    }
}

/// The JSON names of the enums (serde's, as in the dicts), made once each.
#[derive(Default)]
struct Names {
    kinds: Vec<(QuoteKind, String)>,
    entities: Vec<(EntityType, String)>,
}

impl Names {
    fn kind(&mut self, k: QuoteKind) -> String {
        cached(&mut self.kinds, k)
    }
    fn entity(&mut self, t: EntityType) -> String {
        cached(&mut self.entities, t)
    }
}

fn cached<T: Serialize + Copy + PartialEq>(cache: &mut Vec<(T, String)>, v: T) -> String {
    if let Some((_, s)) = cache.iter().find(|(k, _)| *k == v) {
        return s.clone();
    }
    let s = match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    };
    cache.push((v, s.clone()));
    s
}
