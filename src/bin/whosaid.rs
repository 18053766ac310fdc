//! The `whosaid` command line: a thin shell over `whosaid::analyze` and
//! `whosaid::batch`. Exit codes: 0 all input analysed; 1 some JSONL lines
//! were bad (the others were written); 2 usage error or unreadable input.

#[path = "support/heap.rs"]
mod heap;

use std::io::{self, BufReader, Read, Write};
use std::process::ExitCode;
use whosaid::{analyze, batch, Analysis, Continuations, OffsetUnit, Options};

const HELP: &str = "whosaid: find quotations, their speakers, and named entities in news text

USAGE:
    whosaid analyze [OPTIONS] FILE     analyse one article (FILE, or - for stdin)
    whosaid analyze --jsonl [OPTIONS]  lines {\"id\",\"text\"} on stdin -> lines {\"id\",\"quotes\",\"entities\"}

OPTIONS:
    --offsets utf8|utf16|codepoint   unit of every offset (default: codepoint)
    --continuations join|separate    \"A,\" she said. \"B.\" as one quote (default) or two
    --format json|text               JSON (default) or a table for people
    --threads N                      threads for --jsonl (default: all cores)
    -h, --help                       print this help
    -V, --version                    print the version

EXIT CODES:
    0  everything analysed    1  some JSONL lines were bad (others written)    2  usage or input error
";

#[derive(PartialEq)]
enum Format {
    Json,
    Text,
}

struct Args {
    input: Option<String>,
    jsonl: bool,
    offsets: OffsetUnit,
    continuations: Continuations,
    format: Format,
    threads: usize,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        input: None,
        jsonl: false,
        offsets: OffsetUnit::Codepoint,
        continuations: Continuations::Join,
        format: Format::Json,
        threads: 0,
    };
    let mut command = None;
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("whosaid {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--jsonl" => args.jsonl = true,
            "--offsets" => args.offsets = value("--offsets")?.parse()?,
            "--continuations" => args.continuations = value("--continuations")?.parse()?,
            "--format" => {
                args.format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    f => return Err(format!("unknown format '{f}' (expected json or text)")),
                }
            }
            "--threads" => {
                args.threads = value("--threads")?
                    .parse()
                    .map_err(|_| "--threads needs a number".to_string())?
            }
            "analyze" | "analyse" if command.is_none() => command = Some(a),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            _ if command.is_none() => {
                return Err(format!("unknown command '{a}' (try: whosaid analyze FILE)"))
            }
            _ if args.input.is_none() => args.input = Some(a),
            _ => return Err(format!("unexpected argument '{a}'")),
        }
    }
    if command.is_none() {
        return Ok(None);
    }
    if !args.jsonl && args.input.is_none() {
        return Err("analyze needs a FILE, or - for stdin, or --jsonl".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    heap::keep_freed_memory();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("whosaid: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<ExitCode, String> {
    let options = Options { offsets: args.offsets, continuations: args.continuations };
    if args.jsonl {
        let threads = if args.threads > 0 {
            args.threads
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        let stdin = BufReader::new(io::stdin().lock());
        let bad = batch::run(stdin, io::stdout().lock(), io::stderr().lock(), &options, threads)
            .map_err(|e| e.to_string())?;
        return Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let path = args.input.unwrap_or_else(|| "-".into());
    let bytes = read_input(&path)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    let analysis = analyze(&text, &options);
    let mut out = io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &analysis)
            .map_err(|e| e.to_string())
            .and_then(|_| writeln!(out).map_err(|e| e.to_string())),
        Format::Text => write!(out, "{}", table(&analysis)).map_err(|e| e.to_string()),
    };
    written?;
    Ok(ExitCode::SUCCESS)
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    if path == "-" {
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
    } else {
        buf = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(buf)
}

/// A plain-text table of the quotes and entities, for a terminal.
fn table(a: &Analysis) -> String {
    let mut s = format!("QUOTES ({})\n", a.quotes.len());
    s += &format!("{:<24} {:<14} {:<9} {}\n", "SPEAKER", "CUE", "KIND", "TEXT");
    for q in &a.quotes {
        let speaker = q.speaker.as_ref().map_or("-", |sp| sp.name.as_str());
        let cue = q.cue.as_ref().map_or("-", |c| c.text.as_str());
        let kind = format!("{:?}", q.kind).to_lowercase();
        s += &format!(
            "{:<24} {:<14} {:<9} {}\n",
            clip(speaker, 24),
            clip(cue, 14),
            kind,
            clip(&q.text.replace('\n', " "), 90)
        );
    }
    s += &format!("\nENTITIES ({})\n", a.entities.len());
    for e in &a.entities {
        let title = e.title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
        s +=
            &format!("{:<9} {}{}  x{}\n", format!("{:?}", e.kind), e.name, title, e.mentions.len());
    }
    s
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}
