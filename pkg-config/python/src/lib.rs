//! The Python binding (`whosaid._whosaid`, re-exported by the `whosaid`
//! package): converts Python values to the engine's types and back, and bad
//! input into Python exceptions. No analysis logic lives here, as in the
//! engine's `src/wasm.rs`.
//!
//! The result reaches Python through the engine's own serde serialisation,
//! the one the CLI prints as JSON, flattened without the GIL (`flat`) and
//! then made into Python objects (`objects`): the dict is the JSON contract
//! exactly.

mod columns;
mod flat;
mod objects;
mod threads;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyModule, PyString};
use whosaid::{analyze as analyze_core, Analysis, Options};

/// Find the quotations, their speakers and the named entities in `text`.
///
/// Returns a dict {"quotes": [...], "entities": [...]}, equal to the JSON
/// that `whosaid analyze` prints for the same text and options. Offsets are
/// indices into `text` in the unit `offsets` names: "codepoint" (the default,
/// so `text[q["start"]:q["end"]]` is the span), "utf16" or "utf8".
/// `continuations` is "join" (`"A," she said. "B."` is one quote) or
/// "separate" (two quotes by the same speaker).
///
/// A lone surrogate in `text` is read as U+FFFD, one for one, so offsets
/// still index `text`. The GIL is released while the engine runs.
///
/// Raises TypeError when `text` is not a str, ValueError for an unknown
/// option value.
#[pyfunction]
#[pyo3(signature = (text, *, offsets = None, continuations = None), text_signature = "(text, *, offsets='codepoint', continuations='join')")]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    offsets: Option<&Bound<'py, PyAny>>,
    continuations: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = read_options("analyze", offsets, continuations)?;
    let text = read_text(text).map_err(|e| e.context("analyze", "text"))?;
    let flat = py
        .detach(|| flat::flatten(&analyze_core(&text, &options)))
        .map_err(|e| PyRuntimeError::new_err(format!("whosaid.analyze: {e}")))?;
    objects::to_python(py, &mut objects::Cache::default(), &flat)
}

/// `analyze` of each str in `texts` (any iterable), on `threads` threads
/// (default: every core), with the GIL released while the engine runs.
///
/// Returns a list of dicts in the order of `texts`, each equal to
/// `analyze(text, offsets=..., continuations=...)`. The analysis threads also
/// flatten each result and find its repeated values; this thread only makes
/// the Python objects, in batches of results as they are ready. Meanwhile the cyclic
/// garbage collector is paused (it would only re-scan the new result) and is
/// turned back on before returning.
///
/// Raises TypeError when an item is not a str (naming its index) or `texts`
/// is a str itself, ValueError for `threads` below 1 or an unknown option.
#[pyfunction]
#[pyo3(
    signature = (texts, *, threads = None, offsets = None, continuations = None),
    text_signature = "(texts, *, threads=None, offsets='codepoint', continuations='join')"
)]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    offsets: Option<&Bound<'py, PyAny>>,
    continuations: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = Batch::read("analyze_many", texts, threads, offsets, continuations)?;
    let list = PyList::empty(py);
    let _paused = GcPause::new(py)?;
    let mut cache = objects::Cache::default();
    batch.run(py, &|a| flat::flatten(&a), &mut |flat| {
        let flat =
            flat.map_err(|e| PyRuntimeError::new_err(format!("whosaid.analyze_many: {e}")))?;
        list.append(objects::to_python(py, &mut cache, &flat)?)
    })?;
    Ok(list.into_any())
}

/// For `whosaid.spark`: the rows of its quote and mention tables for `texts`
/// (arguments as `analyze_many`'s), as Arrow buffers (see `columns.rs`).
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None, offsets = None, continuations = None))]
fn _columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    offsets: Option<&Bound<'py, PyAny>>,
    continuations: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = Batch::read("_columns", texts, threads, offsets, continuations)?;
    let mut tables = columns::Tables::default();
    batch.run(py, &|a| a, &mut |analysis| {
        tables.add(&analysis);
        Ok(())
    })?;
    tables.into_python(py)
}

/// The arguments of `analyze_many` and `_columns`, read and checked: the
/// texts (copied out of Python, so the threads need no GIL), the options and
/// the thread count.
struct Batch {
    texts: Vec<String>,
    options: Options,
    threads: usize,
}

impl Batch {
    fn read(
        func: &str,
        texts: &Bound<'_, PyAny>,
        threads: Option<i64>,
        offsets: Option<&Bound<'_, PyAny>>,
        continuations: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let options = read_options(func, offsets, continuations)?;
        let threads = read_threads(func, threads)?;
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!("whosaid.{func}: texts must be an iterable of str, not a str (use whosaid.analyze for one text)")));
        }
        let mut owned = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            owned.push(read_text(&item?).map_err(|e| e.context(func, &format!("texts[{i}]")))?);
        }
        Ok(Batch { texts: owned, options, threads })
    }

    /// Analyses the texts (see `threads::in_order`): `prepare` runs on the
    /// analysis threads, `convert` on this one, in order.
    fn run<'py, T: Send>(
        &self,
        py: Python<'py>,
        prepare: &(dyn Fn(Analysis) -> T + Sync),
        convert: &mut dyn FnMut(T) -> PyResult<()>,
    ) -> PyResult<()> {
        threads::in_order(py, &self.texts, self.threads, &self.options, prepare, convert)
    }
}

/// Pauses Python's cyclic garbage collector while `analyze_many` builds its
/// result, and turns it back on (when it was on) when dropped.
///
/// NOTE: every few hundred new lists and dicts the collector runs, and its
/// older generations re-scan the result built so far: on 3 MB of articles
/// that took about 40% of the call's time, for nothing, as the result holds
/// no reference cycles. Memory freed by reference counting is freed as ever.
struct GcPause<'py>(Option<Bound<'py, PyModule>>);

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause(None));
        }
        gc.call_method0("disable")?;
        Ok(GcPause(Some(gc)))
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.0 {
            // Re-enabling cannot fail in practice; if it did, leaving the
            // collector off is better than a panic across the boundary.
            let _ = gc.call_method0("enable");
        }
    }
}

/// The options of a call; an option left out (or None) is the CLI's default.
fn read_options(
    func: &str,
    offsets: Option<&Bound<'_, PyAny>>,
    continuations: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let option = |name: &str, value: Option<&Bound<'_, PyAny>>, default: &str| match value {
        Some(v) if !v.is_none() => read_text(v).map_err(|e| e.context(func, name)),
        _ => Ok(default.to_string()),
    };
    // The names are the CLI's and the JS API's (their FromStr impls).
    let offsets = option("offsets", offsets, "codepoint")?
        .parse()
        .map_err(|e: String| PyValueError::new_err(format!("whosaid.{func}: offsets: {e}")))?;
    let continuations =
        option("continuations", continuations, "join")?.parse().map_err(|e: String| {
            PyValueError::new_err(format!("whosaid.{func}: continuations: {e}"))
        })?;
    Ok(Options { offsets, continuations })
}

fn read_threads(func: &str, threads: Option<i64>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => Err(PyValueError::new_err(format!(
            "whosaid.{func}: threads must be at least 1 (or None for every core), not {n}"
        ))),
    }
}

/// Why a value could not be read as a text: its Python type's name.
struct NotAStr(String);

impl NotAStr {
    fn context(self, func: &str, what: &str) -> PyErr {
        PyTypeError::new_err(format!("whosaid.{func}: {what} must be a str, not {}", self.0))
    }
}

/// The text of a Python `str`: an ASCII str's UTF-8 from Python, any other
/// encoded here from its code points (`from_code_points`). A str may hold
/// lone surrogates, which UTF-8 cannot: like the CLI (and the JS API) each
/// becomes one U+FFFD, so code point and UTF-16 offsets still index the
/// caller's string.
fn read_text(value: &Bound<'_, PyAny>) -> Result<String, NotAStr> {
    let Ok(s) = value.cast::<PyString>() else {
        let name = value
            .get_type()
            .name()
            .map_or_else(|_| "an unknown type".to_string(), |n| n.to_string());
        return Err(NotAStr(name));
    };
    if !is_ascii(s) {
        if let Some(text) = from_code_points(s) {
            return Ok(text);
        }
    }
    if let Ok(text) = s.to_cow() {
        return Ok(text.into_owned());
    }
    // Only lone surrogates make a str unencodable; "surrogatepass" writes
    // each as the three bytes ED A0..BF xx.
    let passed = s.call_method1("encode", ("utf-8", "surrogatepass"));
    match passed.as_ref().map(|b| b.cast::<PyBytes>()) {
        Ok(Ok(bytes)) => Ok(replace_surrogates(bytes.as_bytes())),
        _ => Ok(s.to_string_lossy().into_owned()),
    }
}

/// Whether `s` is ASCII (`str.isascii`, which reads a flag of the str).
fn is_ascii(s: &Bound<'_, PyString>) -> bool {
    let yes = s.call_method0(pyo3::intern!(s.py(), "isascii"));
    yes.and_then(|r| r.is_truthy()).unwrap_or(false)
}

/// The text of a str that is not ASCII, from a copy of its code points
/// encoded here, each lone surrogate as U+FFFD; None when Python could not
/// make the copy (no memory), whose error `read_text`'s other path meets.
///
/// NOTE: Python's own UTF-8 encoder takes about 11 instructions a code
/// point for a str of two-byte code points (most articles: one curly quote
/// or dash is enough); the copy and this encoder take about 7. That spares
/// the calling thread, which reads every text before the analysis starts,
/// 29% of its reading (callgrind, PolNeAR dev: Batch::read's 2.59M
/// instructions become 1.83M).
fn from_code_points(s: &Bound<'_, PyString>) -> Option<String> {
    // SAFETY: the GIL is held (`s` is bound to it) and `s` is a str; a null
    // result has set a Python error, taken here.
    let copy = unsafe { ffi::PyUnicode_AsUCS4Copy(s.as_ptr()) };
    if copy.is_null() {
        drop(PyErr::take(s.py()));
        return None;
    }
    // SAFETY: the copy holds the str's `len` code points (and a NUL), alive
    // until freed below.
    let text = s.code_point_len().ok().map(|len| {
        let chars = unsafe { std::slice::from_raw_parts(copy, len) };
        utf8_of(chars)
    });
    // SAFETY: the copy is this function's (PyMem_Malloc'd), freed once.
    unsafe { ffi::PyMem_Free(copy.cast()) };
    text
}

/// UTF-8 of code points, each lone surrogate as U+FFFD. A run of 16 ASCII
/// code points (nearly all of them) is narrowed in one go, which the
/// compiler vectorises; any other run goes one code point at a time.
fn utf8_of(chars: &[u32]) -> String {
    let mut out = Vec::with_capacity(chars.len() + chars.len() / 4 + 4);
    let mut runs = chars.chunks_exact(16);
    for run in &mut runs {
        if run.iter().fold(0, |all, &c| all | c) >= 0x80 {
            push_utf8(&mut out, run);
            continue;
        }
        let at = out.len();
        out.resize(at + run.len(), 0);
        if let Some(bytes) = out.get_mut(at..) {
            for (b, &c) in bytes.iter_mut().zip(run) {
                *b = c as u8;
            }
        }
    }
    push_utf8(&mut out, runs.remainder());
    // SAFETY: every byte pushed is an ASCII code point (below 0x80) or part
    // of a char's own UTF-8 encoding.
    unsafe { String::from_utf8_unchecked(out) }
}

fn push_utf8(out: &mut Vec<u8>, chars: &[u32]) {
    for &c in chars {
        if c < 0x80 {
            out.push(c as u8);
        } else {
            let ch = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
            out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// UTF-8 with encoded surrogates (ED A0..BF xx) -> UTF-8 with one U+FFFD for
/// each. ED is only ever a lead byte, so the scan cannot split a character.
fn replace_surrogates(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == 0xED && bytes.get(i + 1).is_some_and(|c| (0xA0..=0xBF).contains(c)) {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The extension module; `whosaid/__init__.py` re-exports its contents.
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(_columns, m)?)?;
    // The binding's version is the engine's: tests/test_api.py checks it
    // against `whosaid --version`.
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
