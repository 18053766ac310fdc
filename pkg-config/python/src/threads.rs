//! `analyze_many`'s threads: the engine runs on every core without the GIL,
//! and each result is prepared there for the calling thread (flattened, or
//! kept as it is), which, holding the GIL, turns each into Python objects in
//! input order, so the conversion overlaps the analysis.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use whosaid::{analyze, Analysis, Options};

/// Analyses `texts` on `threads` threads, applies `prepare` to each result
/// there, and hands each prepared result to `convert` in input order, as soon
/// as it and every one before it are done. The GIL is released while waiting
/// for the next result.
pub fn in_order<T: Send>(
    py: Python<'_>,
    texts: &[String],
    threads: usize,
    options: &Options,
    prepare: &(dyn Fn(Analysis) -> T + Sync),
    convert: &mut dyn FnMut(T) -> PyResult<()>,
) -> PyResult<()> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    // NOTE: the Mutex makes the receiver shareable with the GIL-free closure.
    let rx = Mutex::new(rx);
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, texts.len().max(1)) {
            let (tx, next) = (tx.clone(), &next);
            // Each thread takes the next text as it finishes one, so a long
            // article does not leave the other cores idle.
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(text) = texts.get(i) else { break };
                if tx.send((i, prepare(analyze(text, options)))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut early: Vec<Option<T>> = (0..texts.len()).map(|_| None).collect();
        for want in 0..texts.len() {
            while early.get(want).is_some_and(Option::is_none) {
                // What is ready is taken at once: one release of the GIL and
                // one wait for several results when the threads are ahead.
                let ready = py.detach(|| {
                    let rx = rx.lock().ok()?;
                    let first = rx.recv().ok()?;
                    Some(std::iter::once(first).chain(rx.try_iter()).collect::<Vec<_>>())
                });
                let Some(ready) = ready else {
                    return Err(PyRuntimeError::new_err(
                        "whosaid.analyze_many: an analysis thread stopped",
                    ));
                };
                for (i, result) in ready {
                    if let Some(slot) = early.get_mut(i) {
                        *slot = Some(result);
                    }
                }
            }
            if let Some(result) = early.get_mut(want).and_then(Option::take) {
                convert(result)?;
            }
        }
        Ok(())
    })
}
