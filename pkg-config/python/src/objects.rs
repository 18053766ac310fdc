//! A flattened result (`flat`) made into Python objects, on the thread that
//! holds the GIL: a dict, list, str, int, float, bool or None per value, as
//! `json.loads` of the CLI's JSON would give.
//!
//! Guarantees: each distinct str value is one Python object per article,
//! and each int below 65,536 one per call (`Cache`), however many times the
//! result uses it (equal values, so the dicts are equal to the JSON's); each
//! field and variant name is one interned str per call; a malformed program
//! (which `flat` never writes) gives a RuntimeError, never a crash.
//!
//! NOTE: parsing the CLI's JSON with `json.loads` gave the same dicts, but cost
//! a third of the engine's own time again; the `pythonize` crate made a new str
//! for every dict key. Here a result costs one Python object per distinct
//! value, and this thread does nothing else. The offsets of one call's
//! articles fall in one range, so sharing the ints across the call spares
//! most of their objects (and their freeing).

use crate::flat::{Flat, Op};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;

/// Ints below this are made once per call and shared.
const SHARED_INTS: u64 = 1 << 16;

/// What one call keeps from article to article: the names as interned
/// strs, the shared ints, and a stack for the items of the lists being built.
#[derive(Default)]
pub struct Cache<'py> {
    names: Vec<(&'static str, Bound<'py, PyString>)>,
    ints: Vec<Option<Bound<'py, PyAny>>>,
    stack: Vec<Bound<'py, PyAny>>,
}

impl<'py> Cache<'py> {
    fn name(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        if let Some((_, s)) = self.names.iter().find(|(k, _)| *k == name) {
            return s.clone();
        }
        let s = PyString::intern(py, name);
        self.names.push((name, s.clone()));
        s
    }

    fn int(&mut self, py: Python<'py>, v: u64) -> PyResult<Bound<'py, PyAny>> {
        if v >= SHARED_INTS {
            return v.into_bound_py_any(py);
        }
        let i = v as usize;
        if self.ints.len() <= i {
            self.ints.resize_with(i + 1, || None);
        }
        match self.ints.get_mut(i) {
            Some(Some(int)) => Ok(int.clone()),
            Some(slot) => Ok(slot.insert(v.into_bound_py_any(py)?).clone()),
            None => v.into_bound_py_any(py),
        }
    }
}

/// `flat` as Python objects; `cache` is kept across the articles of a call.
pub fn to_python<'py>(
    py: Python<'py>,
    cache: &mut Cache<'py>,
    flat: &Flat,
) -> PyResult<Bound<'py, PyAny>> {
    let strs = flat
        .strs
        .iter()
        .map(|&(start, end)| new_str(py, flat.bytes(start, end)))
        .collect::<PyResult<Vec<_>>>()?;
    let names = flat.names.iter().map(|n| cache.name(py, n)).collect();
    cache.stack.clear();
    let mut b = Builder { py, cache, strs, names, ops: flat.ops.iter(), flat };
    b.value()
}

/// A str from UTF-8 bytes (which `flat` took from a `&str`), decoded by
/// Python itself: a second check here would only repeat its own.
fn new_str<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let len = isize::try_from(bytes.len()).map_err(|e| malformed(&e))?;
    // SAFETY: the pointer and length describe `bytes`, alive for the call,
    // which copies them; the GIL is held (`py`). A null result (invalid
    // UTF-8, no memory) is Python's error, returned as such.
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_FromStringAndSize(bytes.as_ptr().cast(), len);
        Bound::from_owned_ptr_or_err(py, ptr)
    }
}

fn malformed(what: &dyn std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(format!("whosaid: the result could not be converted: {what}"))
}

/// Runs the program: `ops` is at the step to read next.
struct Builder<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut Cache<'py>,
    /// This article's str values and names (`Flat::strs`, `Flat::names`).
    strs: Vec<Bound<'py, PyAny>>,
    names: Vec<Bound<'py, PyString>>,
    ops: std::slice::Iter<'a, Op>,
    flat: &'a Flat,
}

impl<'py> Builder<'_, 'py> {
    fn name(&self, i: u32) -> PyResult<&Bound<'py, PyString>> {
        self.names.get(i as usize).ok_or_else(|| malformed(&"a name is missing"))
    }

    /// The value that starts at the next step, and the steps past it.
    fn value(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let Some(&op) = self.ops.next() else {
            return Err(malformed(&"the program ended early"));
        };
        let py = self.py;
        Ok(match op {
            Op::Str(i) => match self.strs.get(i as usize) {
                Some(s) => s.clone(),
                None => return Err(malformed(&"a string is missing")),
            },
            Op::Name(i) => self.name(i)?.clone().into_any(),
            Op::UInt(v) => self.cache.int(py, v)?,
            Op::Int(v) => match u64::try_from(v) {
                Ok(v) => self.cache.int(py, v)?,
                Err(_) => v.into_bound_py_any(py)?,
            },
            Op::None => py.None().into_bound(py),
            Op::Bool(v) => v.into_bound_py_any(py)?,
            Op::Float(v) => v.into_bound_py_any(py)?,
            Op::Bytes(start, end) => PyBytes::new(py, self.flat.bytes(start, end)).into_any(),
            Op::List(n) => {
                // The items wait on the shared stack, not in a new Vec.
                let base = self.cache.stack.len();
                for _ in 0..n {
                    let item = self.value()?;
                    self.cache.stack.push(item);
                }
                PyList::new(py, self.cache.stack.drain(base..))?.into_any()
            }
            Op::Dict(n) => {
                let d = PyDict::new(py);
                for _ in 0..n {
                    let key = self.value()?;
                    d.set_item(key, self.value()?)?;
                }
                d.into_any()
            }
            Op::Tagged(i) => {
                let d = PyDict::new(py);
                let key = self.name(i)?.clone();
                d.set_item(key, self.value()?)?;
                d.into_any()
            }
        })
    }
}
