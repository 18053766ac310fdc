//! A flattened result (`flat`) made into Python objects, on the thread that
//! holds the GIL: a dict, list, str, int, float, bool or None per value, as
//! `json.loads` of the CLI's JSON would give.
//!
//! Guarantees: each atom (a str or int value) is one Python object however
//! many times the result uses it (equal values, so the dicts are equal to
//! the JSON's); each field and variant name is one interned str per call;
//! a malformed program (which `flat` never writes) gives a RuntimeError,
//! never a crash.
//!
//! NOTE: parsing the CLI's JSON with `json.loads` gave the same dicts, but cost
//! a third of the engine's own time again; the `pythonize` crate made a new str
//! for every dict key. Here a result costs one Python object per distinct
//! value, and this thread does nothing else.

use crate::flat::{Atom, Flat, Op};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use std::cell::RefCell;

/// Interned Python strs of the field and variant names the serde derives pass
/// (each a `&'static str`), made once instead of once per dict.
#[derive(Default)]
pub struct Names<'py>(RefCell<Vec<(&'static str, Bound<'py, PyString>)>>);

impl<'py> Names<'py> {
    fn get(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        // A result has a dozen names: a scan by address beats hashing.
        if let Some((_, s)) = self.0.borrow().iter().find(|(k, _)| std::ptr::eq(*k, name)) {
            return s.clone();
        }
        let s = PyString::intern(py, name);
        self.0.borrow_mut().push((name, s.clone()));
        s
    }
}

/// `flat` as Python objects; `names` caches the field names across calls.
pub fn to_python<'py>(
    py: Python<'py>,
    names: &Names<'py>,
    flat: &Flat,
) -> PyResult<Bound<'py, PyAny>> {
    let atoms = flat
        .atoms
        .iter()
        .map(|a| match *a {
            Atom::Str(start, end) => {
                let s = std::str::from_utf8(flat.bytes(start, end)).map_err(|e| malformed(&e))?;
                Ok(PyString::new(py, s).into_any())
            }
            Atom::Int(v) => v.into_bound_py_any(py),
            Atom::UInt(v) => v.into_bound_py_any(py),
        })
        .collect::<PyResult<Vec<_>>>()?;
    let mut b = Builder { py, names, flat, atoms, next: 0 };
    b.value()
}

fn malformed(what: &dyn std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(format!("whosaid: the result could not be converted: {what}"))
}

/// Runs the program: `next` is the step to read.
struct Builder<'a, 'py> {
    py: Python<'py>,
    names: &'a Names<'py>,
    flat: &'a Flat,
    atoms: Vec<Bound<'py, PyAny>>,
    next: usize,
}

impl<'py> Builder<'_, 'py> {
    /// The value that starts at step `next`; `next` moves past it.
    fn value(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let Some(&op) = self.flat.ops.get(self.next) else {
            return Err(malformed(&"the program ended early"));
        };
        self.next += 1;
        let py = self.py;
        Ok(match op {
            Op::Atom(i) => match self.atoms.get(i as usize) {
                Some(a) => a.clone(),
                None => return Err(malformed(&"an atom is missing")),
            },
            Op::Name(n) => self.names.get(py, n).into_any(),
            Op::None => py.None().into_bound(py),
            Op::Bool(v) => v.into_bound_py_any(py)?,
            Op::Float(v) => v.into_bound_py_any(py)?,
            Op::Bytes(start, end) => PyBytes::new(py, self.flat.bytes(start, end)).into_any(),
            Op::List(n) => {
                let items = (0..n).map(|_| self.value()).collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, items)?.into_any()
            }
            Op::Dict(n) => {
                let d = PyDict::new(py);
                for _ in 0..n {
                    let key = self.value()?;
                    d.set_item(key, self.value()?)?;
                }
                d.into_any()
            }
            Op::Tagged(variant) => {
                let d = PyDict::new(py);
                d.set_item(self.names.get(py, variant), self.value()?)?;
                d.into_any()
            }
        })
    }
}
