//! Native benchmarks of `whosaid::analyze`, driven by bench/run.mjs (which
//! writes bench/results.md). Reads the corpus at run time; no article text
//! is ever written into the repository.
//!
//!   native throughput CORPUS.jsonl RUNS   one thread, whole articles: MB/s per run
//!   native scale CORPUS.jsonl BYTES RUNS  one text of BYTES made of whole articles
//!                                          joined by blank lines: seconds per run and
//!                                          peak resident memory (VmHWM) of the process
//!   native stages CORPUS.jsonl RUNS       seconds per pipeline stage over the corpus
//!
//! Each prints one JSON object on stdout.

#[path = "../src/bin/support/heap.rs"]
mod heap;

use std::time::Instant;
use whosaid::{analyze, OffsetUnit, Options};

fn main() {
    // The same allocator settings as the CLI's.
    heap::keep_freed_memory();
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let num = |i: usize, default: usize| arg(i).parse().unwrap_or(default);
    let texts = read_texts(&arg(1));
    match arg(0).as_str() {
        "throughput" => throughput(&texts, num(2, 5)),
        "scale" => scale(&texts, num(2, 1_000_000), num(3, 3)),
        "stages" => stages(&texts, num(2, 5)),
        other => {
            eprintln!("native: unknown mode '{other}' (throughput, scale, stages)");
            std::process::exit(2);
        }
    }
}

/// The `text` field of every line of a JSONL file.
fn read_texts(path: &str) -> Vec<String> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("native: {path}: {e}");
        std::process::exit(2)
    });
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// Code point offsets, as the CLI's default output uses.
fn options() -> Options {
    Options { offsets: OffsetUnit::Codepoint, ..Options::default() }
}

fn throughput(texts: &[String], runs: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut found = 0;
    for t in texts {
        found += analyze(t, &options()).quotes.len(); // warm-up
    }
    let mut mbps = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        for t in texts {
            std::hint::black_box(analyze(t, &options()));
        }
        mbps.push(bytes as f64 / 1e6 / t0.elapsed().as_secs_f64());
    }
    println!(
        "{}",
        serde_json::json!({"articles": texts.len(), "bytes": bytes, "quotes": found, "mbps": mbps})
    );
}

/// Whole articles joined by blank lines up to `size` bytes (the last one cut
/// at a char boundary).
fn concatenated(texts: &[String], size: usize) -> String {
    let mut s = String::with_capacity(size + 4096);
    for t in texts.iter().cycle() {
        if s.len() >= size || texts.is_empty() {
            break;
        }
        s.push_str(t);
        s.push_str("\n\n");
    }
    let mut cut = size.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn scale(texts: &[String], size: usize, runs: usize) {
    let text = concatenated(texts, size);
    // Warm-up: the model decode and regex compilation happen once per
    // process, not per text.
    std::hint::black_box(analyze(texts.first().map_or("", String::as_str), &options()));
    let mut secs = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        std::hint::black_box(analyze(&text, &options()));
        secs.push(t0.elapsed().as_secs_f64());
    }
    println!(
        "{}",
        serde_json::json!({"bytes": text.len(), "secs": secs, "peak_rss_kb": peak_rss_kb()})
    );
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Time per stage, calling the stages as `analyze` does.
fn stages(texts: &[String], runs: usize) {
    use whosaid::{coref, entities, quotes, text::Doc};
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = [f64::MAX; 4];
    for _ in 0..runs {
        let mut sum = [0f64; 4];
        for t in texts {
            let t0 = Instant::now();
            let doc = Doc::new(t);
            let t1 = Instant::now();
            let mentions = entities::find(&doc);
            let t2 = Instant::now();
            let table = coref::cluster(&doc, mentions);
            let t3 = Instant::now();
            std::hint::black_box(quotes::find(&doc, &table, whosaid::Continuations::Join));
            let t4 = Instant::now();
            for (s, d) in sum.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) {
                *s += d.as_secs_f64();
            }
        }
        for (b, s) in best.iter_mut().zip(sum) {
            *b = b.min(s);
        }
    }
    println!(
        "{}",
        serde_json::json!({"bytes": bytes, "text": best[0], "entities": best[1], "coref": best[2], "quotes": best[3], "peak_rss_kb": peak_rss_kb()})
    );
}
