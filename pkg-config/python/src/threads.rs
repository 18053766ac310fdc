//! `analyze_many`'s threads: the engine runs on every core without the GIL,
//! and each result is prepared there for the calling thread (flattened, or
//! kept as it is), which, holding the GIL, turns each into Python objects in
//! input order, so the conversion overlaps the analysis.
//!
//! Guarantees: every result reaches `convert` once, in input order; a
//! stopped analysis thread gives a RuntimeError, never a hang.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use whosaid::{analyze, Analysis, Options};

/// How many results the calling thread waits for at a time (fewer at the
/// end of the texts).
///
/// NOTE: waking the calling thread for each result (as a channel did) cost
/// one futex wake-up and one preempted analysis thread per article: about 4%
/// of a call's CPU time on 2 cores (perf, PolNeAR dev). Woken for a batch,
/// it converts the batch in one go; its last batch is at most this many
/// conversions after the last analysis.
const BATCH: usize = 16;

/// Analyses `texts` on `threads` threads, applies `prepare` to each result
/// there, and hands each prepared result to `convert` in input order, a
/// batch at a time. The GIL is released while waiting for a batch.
pub fn in_order<T: Send>(
    py: Python<'_>,
    texts: &[String],
    threads: usize,
    options: &Options,
    prepare: &(dyn Fn(Analysis) -> T + Sync),
    convert: &mut dyn FnMut(T) -> PyResult<()>,
) -> PyResult<()> {
    let next = AtomicUsize::new(0);
    let workers = threads.clamp(1, texts.len().max(1));
    let shelf = Shelf::new(texts.len(), workers);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (shelf, next) = (&shelf, &next);
            // Each thread takes the next text as it finishes one, so a long
            // article does not leave the other cores idle.
            scope.spawn(move || {
                let _leaving = Leaving(shelf);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = texts.get(i) else { break };
                    shelf.put(i, prepare(analyze(text, options)));
                }
            });
        }
        let mut done = 0;
        while done < texts.len() {
            let want = (done + BATCH).min(texts.len());
            let Some(batch) = py.detach(|| shelf.take(done, want)) else {
                // Stop the threads early: the call has failed anyway.
                next.store(texts.len(), Ordering::Relaxed);
                return Err(PyRuntimeError::new_err(
                    "whosaid.analyze_many: an analysis thread stopped",
                ));
            };
            done += batch.len();
            for result in batch {
                if let Err(e) = convert(result) {
                    next.store(texts.len(), Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

/// The results the analysis threads have put down and the calling thread
/// has not yet taken, with what it waits for.
struct Shelf<T> {
    state: Mutex<State<T>>,
    ready: Condvar,
}

struct State<T> {
    slots: Vec<Option<T>>,
    /// Every slot below this has been filled (and maybe taken since).
    filled: usize,
    /// The slot count the calling thread waits for, 0 when not waiting.
    waiting_for: usize,
    /// Analysis threads still running.
    running: usize,
}

impl<T> Shelf<T> {
    fn new(len: usize, workers: usize) -> Self {
        let slots = (0..len).map(|_| None).collect();
        let state = State { slots, filled: 0, waiting_for: 0, running: workers };
        Shelf { state: Mutex::new(state), ready: Condvar::new() }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // NOTE: no thread panics while holding the lock (it only moves
        // values), so a poisoned lock's state is still whole.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Puts result `i` down, waking the calling thread when its batch is
    /// complete.
    fn put(&self, i: usize, result: T) {
        let mut s = self.lock();
        if let Some(slot) = s.slots.get_mut(i) {
            *slot = Some(result);
        }
        while s.slots.get(s.filled).is_some_and(Option::is_some) {
            s.filled += 1;
        }
        if s.waiting_for > 0 && s.filled >= s.waiting_for {
            s.waiting_for = 0;
            self.ready.notify_one();
        }
    }

    /// Results `from..to`, waiting until all are there; None when every
    /// analysis thread has stopped without them.
    fn take(&self, from: usize, to: usize) -> Option<Vec<T>> {
        let mut s = self.lock();
        while s.filled < to {
            if s.running == 0 {
                return None;
            }
            s.waiting_for = to;
            s = self.ready.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.slots.get_mut(from..to)?.iter_mut().map(Option::take).collect()
    }
}

/// Counts its analysis thread out when dropped, also when it unwinds, and
/// wakes the calling thread so that it cannot wait for a result that will
/// never come.
struct Leaving<'a, T>(&'a Shelf<T>);

impl<T> Drop for Leaving<'_, T> {
    fn drop(&mut self) {
        let mut s = self.0.lock();
        s.running = s.running.saturating_sub(1);
        if s.running == 0 {
            s.waiting_for = 0;
            self.0.ready.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    #[test]
    fn results_put_in_any_order_are_taken_in_order_once_the_batch_is_whole() {
        let shelf = Shelf::new(5, 2);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let _leaving = Leaving(&shelf);
                for i in [3, 1, 0] {
                    shelf.put(i, i * 10);
                }
                // Slot 2 comes late: the calling thread must wait for it.
                std::thread::sleep(Duration::from_millis(50));
                shelf.put(2, 20);
            });
            scope.spawn(|| {
                let _leaving = Leaving(&shelf);
                shelf.put(4, 40);
            });
            assert_eq!(shelf.take(0, 2), Some(vec![0, 10]));
            assert_eq!(shelf.take(2, 5), Some(vec![20, 30, 40]));
        });
    }

    #[test]
    fn a_result_no_thread_will_put_ends_the_wait_with_none() {
        let shelf: Arc<Shelf<u32>> = Arc::new(Shelf::new(3, 2));
        let (tx, rx) = mpsc::channel();
        let waiting = Arc::clone(&shelf);
        // On a thread of its own, so that a wait that never ends fails the
        // test rather than hanging it.
        std::thread::spawn(move || {
            let first = waiting.take(0, 1);
            let _ = tx.send((first, waiting.take(1, 3)));
        });
        let worker = |put: bool| {
            let shelf = Arc::clone(&shelf);
            std::thread::spawn(move || {
                let _leaving = Leaving(&*shelf);
                if put {
                    shelf.put(0, 7);
                } else {
                    // Stops late without its results (1 and 2).
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
        };
        let (a, b) = (worker(true), worker(false));
        let _ = (a.join(), b.join());
        let taken = rx.recv_timeout(Duration::from_secs(10));
        assert_eq!(taken, Ok((Some(vec![7]), None)));
    }
}
