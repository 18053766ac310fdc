//! `analyze_many`'s threads: the engine runs on every core without the GIL
//! while the calling thread, holding it, turns each result into Python
//! objects in input order, so the conversion overlaps the analysis.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use whosaid::{analyze, Analysis, Options};

/// Analyses `texts` on `threads` threads and hands each result to `convert`
/// in input order, as soon as it and every one before it are done. The GIL
/// is released while waiting for the next result.
pub fn in_order(
    py: Python<'_>,
    texts: &[String],
    threads: usize,
    options: &Options,
    convert: &mut dyn FnMut(Analysis) -> PyResult<()>,
) -> PyResult<()> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Analysis)>();
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
                if tx.send((i, analyze(text, options))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut early: Vec<Option<Analysis>> = (0..texts.len()).map(|_| None).collect();
        for want in 0..texts.len() {
            while early.get(want).is_some_and(Option::is_none) {
                let Some((i, analysis)) = py.detach(|| rx.lock().ok().and_then(|r| r.recv().ok()))
                else {
                    return Err(PyRuntimeError::new_err(
                        "whosaid.analyze_many: an analysis thread stopped",
                    ));
                };
                if let Some(slot) = early.get_mut(i) {
                    *slot = Some(analysis);
                }
            }
            if let Some(analysis) = early.get_mut(want).and_then(Option::take) {
                convert(analysis)?;
            }
        }
        Ok(())
    })
}
