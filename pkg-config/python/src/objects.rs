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
//! most of their objects (and their freeing). Sharing the strs across the
//! call too (found by a hash of their bytes) made a fifth fewer, but the
//! look-ups cost about as much as that saved (callgrind, PolNeAR dev).

use crate::flat::{Flat, Op};
use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use pyo3::IntoPyObjectExt;
use std::ffi::c_long;

/// Ints below this are made once per call and shared.
const SHARED_INTS: u64 = 1 << 16;

/// What one call keeps from article to article: the names as interned strs
/// and the shared ints.
#[derive(Default)]
pub struct Cache<'py> {
    names: Vec<(&'static str, Bound<'py, PyString>)>,
    ints: Vec<Option<Bound<'py, PyAny>>>,
}

impl<'py> Cache<'py> {
    fn name(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        // The derives' names are literals: the same address (and length)
        // in every article; an equal name elsewhere is found by its bytes.
        let same = self.names.iter().find(|(k, _)| std::ptr::eq(*k, name));
        if let Some((_, s)) = same.or_else(|| self.names.iter().find(|(k, _)| *k == name)) {
            return s.clone();
        }
        let s = PyString::intern(py, name);
        self.names.push((name, s.clone()));
        s
    }

    /// The int `v`: lent from the cache below `SHARED_INTS`, new above.
    #[inline(always)]
    fn int(&mut self, py: Python<'py>, v: u64) -> PyResult<Val<'py>> {
        match usize::try_from(v).ok().and_then(|i| self.ints.get(i)) {
            Some(Some(int)) => Ok(Val::Lent(int.as_ptr())),
            _ => self.new_int(py, v),
        }
    }

    /// The int `v` made, and kept when below `SHARED_INTS`.
    ///
    /// NOTE: the table is reserved whole at a call's first int rather than
    /// grown by doubling (each growth copied it), and the ints are made by
    /// `PyLong_FromLong`, which takes CPython's one-digit path (pyo3's
    /// `PyLong_FromUnsignedLongLong` counts digits first): together 1% fewer
    /// instructions in the conversion (callgrind, PolNeAR dev).
    #[inline(never)]
    fn new_int(&mut self, py: Python<'py>, v: u64) -> PyResult<Val<'py>> {
        if v >= SHARED_INTS {
            return Ok(Val::New(make_int(py, v)?));
        }
        let i = v as usize;
        if self.ints.is_empty() {
            self.ints.reserve_exact(SHARED_INTS as usize);
        }
        if self.ints.len() <= i {
            self.ints.resize_with(i + 1, || None);
        }
        let int = make_int(py, v)?;
        match self.ints.get_mut(i) {
            Some(slot) => Ok(Val::Lent(slot.insert(int).as_ptr())),
            None => Ok(Val::New(int)),
        }
    }
}

/// The int `v`, new.
fn make_int(py: Python<'_>, v: u64) -> PyResult<Bound<'_, PyAny>> {
    let Ok(v) = c_long::try_from(v) else {
        return v.into_bound_py_any(py);
    };
    // SAFETY: the GIL is held (`py`). A null result (no memory) is Python's
    // error, returned as such.
    unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyLong_FromLong(v)) }
}

/// `flat` as Python objects; `cache` is kept across the articles of a call.
pub fn to_python<'py>(
    py: Python<'py>,
    cache: &mut Cache<'py>,
    flat: &Flat,
) -> PyResult<Bound<'py, PyAny>> {
    // A loop, not Results collected (their adapter cost 0.6% more).
    let mut strs = Vec::with_capacity(flat.strs.len());
    for &(start, end) in &flat.strs {
        strs.push(new_str(py, flat.bytes(start, end))?);
    }
    let names = flat.names.iter().map(|n| cache.name(py, n)).collect();
    let mut b = Builder { py, cache, strs, names, ops: flat.ops.iter(), flat };
    b.result()
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

#[cold]
fn malformed(what: &dyn std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(format!("whosaid: the result could not be converted: {what}"))
}

/// A value made for the result: a new reference, or one that `Builder` or
/// `Cache` holds (an atom or a name), lent without touching its count.
enum Val<'py> {
    New(Bound<'py, PyAny>),
    Lent(*mut ffi::PyObject),
}

impl Val<'_> {
    fn ptr(&self) -> *mut ffi::PyObject {
        match self {
            Val::New(b) => b.as_ptr(),
            Val::Lent(p) => *p,
        }
    }
}

/// Runs the program: `ops` is at the step to read next.
///
/// NOTE: the containers are made with the C API's own calls: a list takes
/// its items' references (no count up and down per item), and a dict item
/// that is an atom or a name is lent; a dict's name keys are read straight
/// from the program. With these, this thread runs 12% fewer instructions
/// (callgrind, PolNeAR dev); three quarters of the rest are CPython's own
/// (PyDict_SetItem alone is half), as in `marshal.loads` of the same dicts.
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
    fn name(&self, i: u32) -> PyResult<Val<'py>> {
        match self.names.get(i as usize) {
            Some(n) => Ok(Val::Lent(n.as_ptr())),
            None => Err(malformed(&"a name is missing")),
        }
    }

    /// The result: the value of the whole program.
    fn result(&mut self) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self.value()? {
            Val::New(b) => b,
            // SAFETY: a lent pointer is a live object (held by `self`).
            Val::Lent(p) => unsafe { Bound::from_borrowed_ptr(self.py, p) },
        })
    }

    /// The value that starts at the next step, and the steps past it: an
    /// atom here, a container (or a rarer atom) in `compound`.
    ///
    /// NOTE: made here, inlined into `compound`'s loops, the atoms (seven
    /// values in ten) cost no call: the conversion runs 3.5% fewer
    /// instructions than with one recursive function for every value
    /// (callgrind, PolNeAR dev: 27.1M become 26.2M).
    #[inline(always)]
    fn value(&mut self) -> PyResult<Val<'py>> {
        let Some(&op) = self.ops.next() else {
            return Err(malformed(&"the program ended early"));
        };
        match op {
            Op::Str(i) => match self.strs.get(i as usize) {
                Some(s) => Ok(Val::Lent(s.as_ptr())),
                None => Err(malformed(&"a string is missing")),
            },
            Op::Name(i) => self.name(i),
            Op::UInt(v) => self.cache.int(self.py, v),
            // SAFETY: None is a static object; the GIL is held.
            Op::None => Ok(Val::Lent(unsafe { ffi::Py_None() })),
            op => self.compound(op),
        }
    }

    /// The value of `op`, a container (whose items follow it) or an atom
    /// that `value` leaves out.
    #[inline(never)]
    fn compound(&mut self, op: Op) -> PyResult<Val<'py>> {
        let py = self.py;
        Ok(match op {
            Op::Str(_) | Op::Name(_) | Op::UInt(_) | Op::None => {
                return Err(malformed(&"an atom reached compound"))
            }
            Op::Int(v) => match u64::try_from(v) {
                Ok(v) => self.cache.int(py, v)?,
                Err(_) => Val::New(v.into_bound_py_any(py)?),
            },
            Op::Bool(v) => Val::New(v.into_bound_py_any(py)?),
            Op::Float(v) => Val::New(v.into_bound_py_any(py)?),
            Op::Bytes(start, end) => {
                Val::New(PyBytes::new(py, self.flat.bytes(start, end)).into_any())
            }
            Op::List(n) => {
                let len = isize::try_from(n).map_err(|e| malformed(&e))?;
                // SAFETY (all three blocks): the GIL is held; each pointer
                // is a live object; PyList_SetItem takes the reference it
                // is given (a new one, or one counted up for it) and fills a
                // slot of the new list, which stays owned by `list` (its
                // unfilled slots are NULL, which its deallocation allows).
                let list = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len))? };
                for i in 0..len {
                    let item = match self.value()? {
                        Val::New(b) => b.into_ptr(),
                        Val::Lent(p) => unsafe {
                            ffi::Py_IncRef(p);
                            p
                        },
                    };
                    if unsafe { ffi::PyList_SetItem(list.as_ptr(), i, item) } != 0 {
                        return Err(PyErr::fetch(py));
                    }
                }
                Val::New(list)
            }
            // NOTE: copying a template dict per key sequence (PyDict_Copy,
            // values None) and then setting the values saved nothing: the
            // copy costs what a new dict's first key does, and every key,
            // the first too, is then one PyDict_SetItem look-up (callgrind,
            // PolNeAR dev, the conversion: 2.4% more instructions with a
            // template for every struct of four keys or more; 0.05% fewer
            // for the 7-key ones alone, which a new dict has to resize).
            Op::Dict(n) => {
                let d = PyDict::new(py);
                for _ in 0..n {
                    // A struct's key is a name: taken here, without a call.
                    let key = match self.ops.as_slice().first() {
                        Some(&Op::Name(i)) => {
                            self.ops.next();
                            self.name(i)?
                        }
                        _ => self.value()?,
                    };
                    let value = self.value()?;
                    set_item(&d, &key, &value)?;
                }
                Val::New(d.into_any())
            }
            Op::Tagged(i) => {
                let d = PyDict::new(py);
                let key = self.name(i)?;
                let value = self.value()?;
                set_item(&d, &key, &value)?;
                Val::New(d.into_any())
            }
        })
    }
}

/// `d[key] = value`.
fn set_item(d: &Bound<'_, PyDict>, key: &Val<'_>, value: &Val<'_>) -> PyResult<()> {
    // SAFETY: the GIL is held (`d` is bound to it); the pointers are live
    // objects; PyDict_SetItem counts its own references.
    if unsafe { ffi::PyDict_SetItem(d.as_ptr(), key.ptr(), value.ptr()) } != 0 {
        return Err(PyErr::fetch(d.py()));
    }
    Ok(())
}
