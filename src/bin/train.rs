//! `train`: rebuilds the name model `data/ner/model.bin` from the CoNLL++
//! corpus (native only; a thin shell over `whosaid::entities::train`).
//!
//!     cargo run --release --features internals --bin train -- [--corpus DIR] [--out FILE] [--epochs N] [--bits B] [--prune F]
//!         [--extra FILE] [--extra-weight N] [--folds K --fold I]
//!
//! DIR holds `conllpp-train.jsonl` (trained on) and `conllpp-dev.jsonl`
//! (scored after each epoch); it defaults to `$WHOSAID_SHARED/corpus`, else
//! `../shared/corpus`. `--extra` adds another annotated file in the same
//! format (recent news, `news-dev-entities.jsonl`), its documents seen
//! `--extra-weight` times an epoch (default 1). `--folds K --fold I` leaves
//! out the extra file's documents `d` with `d % K == I` and scores on them
//! instead, for a held-out estimate (`bench/kfold.sh`). Deterministic: the
//! same corpus gives the same bytes.

use std::process::ExitCode;
use whosaid::entities::train::{train, Annotated, Settings};

fn load(path: &str) -> Result<Vec<Annotated>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
        let t = v["text"].as_str().unwrap_or("").to_string();
        // Code point offsets -> byte offsets.
        let mut bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
        bytes.push(t.len());
        let mut spans = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let ty = match e["type"].as_str() {
                Some("PERSON") | Some("PER") => 0,
                Some("ORG") => 1,
                Some("LOC") => 2,
                Some("MISC") => 3,
                _ => continue,
            };
            let (s, en) = (
                e["span"][0].as_u64().unwrap_or(0) as usize,
                e["span"][1].as_u64().unwrap_or(0) as usize,
            );
            if let (Some(&s), Some(&en)) = (bytes.get(s), bytes.get(en)) {
                spans.push((s, en, ty));
            }
        }
        docs.push(Annotated { text: t, spans });
    }
    Ok(docs)
}

fn main() -> ExitCode {
    let shared = std::env::var("WHOSAID_SHARED").unwrap_or_else(|_| "../shared".into());
    let mut corpus = format!("{shared}/corpus");
    let mut out = String::from("data/ner/model.bin");
    let mut set = Settings { epochs: 12, bits: 20, prune: 0.02 };
    let (mut extra, mut weight, mut folds, mut fold) = (None, 1usize, 0usize, 0usize);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--corpus" => corpus = v,
            "--out" => out = v,
            "--epochs" => set.epochs = v.parse().unwrap_or(set.epochs),
            "--bits" => set.bits = v.parse().unwrap_or(set.bits),
            "--prune" => set.prune = v.parse().unwrap_or(set.prune),
            "--extra" => extra = Some(v),
            "--extra-weight" => weight = v.parse().unwrap_or(weight),
            "--folds" => folds = v.parse().unwrap_or(0),
            "--fold" => fold = v.parse().unwrap_or(0),
            _ => {
                eprintln!("usage: train [--corpus DIR] [--out FILE] [--epochs N] [--bits B] [--prune F] [--extra FILE] [--extra-weight N] [--folds K --fold I]");
                return ExitCode::from(2);
            }
        }
    }
    let (mut tr, mut dv) = match (
        load(&format!("{corpus}/conllpp-train.jsonl")),
        load(&format!("{corpus}/conllpp-dev.jsonl")),
    ) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("train: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = extra {
        let docs = match load(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("train: {e}");
                return ExitCode::from(2);
            }
        };
        let (held, kept): (Vec<_>, Vec<_>) =
            docs.into_iter().enumerate().partition(|(d, _)| folds > 0 && d % folds == fold);
        eprintln!(
            "extra: {} documents trained on ({}x), {} held out",
            kept.len(),
            weight,
            held.len()
        );
        for _ in 0..weight {
            tr.extend(kept.iter().map(|(_, a)| a.clone()));
        }
        if folds > 0 {
            dv = held.into_iter().map(|(_, a)| a).collect();
        }
    }
    let t0 = std::time::Instant::now();
    let bytes =
        train(&tr, &dv, &set, &mut |m| eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f32()));
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train: {out}: {e}");
        return ExitCode::from(2);
    }
    eprintln!("wrote {out}: {} bytes", bytes.len());
    eprintln!("done in {:.0}s", t0.elapsed().as_secs_f32());
    ExitCode::SUCCESS
}
