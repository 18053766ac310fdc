"""make bench (Python part): whosaid.analyze_many and the Spark job against the CLI.

Writes the section "Python and Spark" of bench/results.md (between its marker
comments; bench/run.mjs writes the rest of the file). Usage, from the venv that
`make python-wheel` fills: target/pyenv/bin/python bench/python.py [--quick]

- analyze_many (all cores, then threads=1) against `whosaid analyze --jsonl`
  (--threads N, then 1) on the same articles: PolNeAR dev, 8 copies. The
  call and the freeing of its result are timed apart: the CLI's side counts
  no consumer of its output (it goes to /dev/null), so the call alone is the
  like-for-like figure, and the call with the freeing the stricter one.
- the Spark job (whosaid.spark's run: read JSONL, analyse, write the quotes and
  entities Parquet tables) on local[2], against the CLI --jsonl on both cores,
  on the PolNeAR train articles copied to 20,000 articles in 8 input files.
  Timed in a warm session; the cold `python -m whosaid.spark` run, with the
  JVM's start, is reported beside it.

Runs alternate (Python or Spark, then the CLI) and each ratio is the median of
the pairs' ratios, so that the load of a shared machine falls on both sides
alike. CPU seconds are counted too (this process's threads for analyze_many;
the JVM and its Python workers for Spark; the CLI's from the kernel), a
measure the other work on the machine barely moves.

The CLI is the plain `cargo build --release` (target/release/whosaid): the
wheel is built with the same profile, without profile-guided optimisation.
"""

import argparse
import datetime
import json
import resource
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "target" / "release" / "whosaid"
RESULTS = ROOT / "bench" / "results.md"
BEGIN, END = "<!-- python-bench -->", "<!-- /python-bench -->"


def corpus(name):
    places = [os.environ.get("WHOSAID_SHARED"), str(ROOT.parent / "shared"), "/work/shared"]
    for place in filter(None, places):
        path = Path(place) / "corpus" / f"{name}.jsonl"
        if path.exists():
            with open(path, encoding="utf-8") as f:
                return [json.loads(line)["text"] for line in f if line.strip()]
    sys.exit(f"bench: corpus/{name}.jsonl not found in {places}; set WHOSAID_SHARED")


def write_jsonl(path, texts, start=0):
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts, start):
            f.write(json.dumps({"id": f"a{i}", "text": t}) + "\n")


def cli_run(source, threads):
    """(wall seconds, CPU seconds) of one CLI --jsonl run over `source` (a file or a folder of files)."""
    files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    cat = subprocess.Popen(["cat", *map(str, files)], stdout=subprocess.PIPE)
    subprocess.run([str(CLI), "analyze", "--jsonl", "--threads", str(threads)], stdin=cat.stdout, stdout=subprocess.DEVNULL, check=True)
    cat.wait()
    return time.perf_counter() - t0, children_cpu() - cpu0


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def tree_cpu(root):
    """CPU seconds used so far by process `root` and its descendants (/proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, ticks = {}, {}
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parent[int(d)] = int(fields[1])
        ticks[int(d)] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    total = 0
    for pid in ticks:
        p = pid
        while p not in (root, 0, 1) and p in parent:
            p = parent[p]
        if p == root:
            total += ticks[pid]
    return total / tick


def pair_median(ours, theirs):
    """Median of ours[i] / theirs[i] (rates, or inverse times)."""
    return statistics.median(a / b for a, b in zip(ours, theirs))


def bench_analyze_many(tmp, runs):
    import whosaid

    texts = corpus("polnear-dev") * 8
    mb = sum(len(t.encode()) for t in texts) / 1e6
    source = tmp / "many.jsonl"
    write_jsonl(source, texts)
    cores = os.cpu_count() or 1
    out = {"articles": len(texts), "mb": mb, "cores": cores}
    whosaid.analyze_many(texts[:50])  # the model is decoded once, before timing
    for label, threads in (("all", cores), ("one", 1)):
        py, py_call, cl, py_cpu, py_call_cpu, cl_cpu, own = [], [], [], [], [], [], []
        for _ in range(runs):  # alternated, so a slow stretch hits both
            c0, t0, m0 = time.process_time(), time.perf_counter(), time.thread_time()
            result = whosaid.analyze_many(texts, threads=threads)
            c1, t1 = time.process_time(), time.perf_counter()
            del result  # freed too, as a caller would, timed apart
            py.append(time.perf_counter() - t0)
            py_call.append(t1 - t0)
            py_cpu.append(time.process_time() - c0)
            py_call_cpu.append(c1 - c0)
            own.append(time.thread_time() - m0)
            wall, cpu = cli_run(source, threads)
            cl.append(wall)
            cl_cpu.append(cpu)
        out[label] = {
            "py": mb / statistics.median(py),
            "cli": mb / statistics.median(cl),
            "ratio": pair_median(cl, py),
            "cpu_ratio": pair_median(cl_cpu, py_cpu),
            # The call alone: its list handed over, as the CLI's JSON is
            # written to /dev/null (neither side's consumer is counted).
            "call_ratio": pair_median(cl, py_call),
            "call_cpu_ratio": pair_median(cl_cpu, py_call_cpu),
            # Freeing the result, per CPU-second of the whole call.
            "free": statistics.median((p - c) / c for p, c in zip(py_cpu, py_call_cpu)),
            # The calling thread's CPU (making and freeing the Python objects)
            # per CPU-second of the analysis threads.
            "own": statistics.median(o / max(p - o, 1e-9) for o, p in zip(own, py_cpu)),
        }
    return out


def bench_spark(tmp, runs, articles):
    from pyspark.sql import SparkSession

    import whosaid.spark.__main__ as job

    base = corpus("polnear-train")
    texts = [base[i % len(base)] for i in range(articles)]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    source = tmp / "spark-in"
    source.mkdir()
    per_file = -(-len(texts) // 8)
    for f in range(8):  # 8 files: 8 input partitions, no shuffle
        write_jsonl(source / f"part-{f}.jsonl", texts[f * per_file : (f + 1) * per_file], f * per_file)
    warm = tmp / "warm.jsonl"
    write_jsonl(warm, texts[:200])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    cold_out = tmp / "cold"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "whosaid.spark", str(source), str(cold_out), "--master", "local[2]"], check=True, stderr=subprocess.DEVNULL)
    cold = time.perf_counter() - t0

    spark = SparkSession.builder.master("local[2]").appName("whosaid-bench").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        job.run(spark, job.parse_args([str(warm), str(tmp / "warm-out")]))
        spark_s, cli_s, spark_cpu, cli_cpu = [], [], [], []
        for r in range(runs):
            out = tmp / f"out-{r}"
            cpu0 = tree_cpu(os.getpid())
            counts = job.run(spark, job.parse_args([str(source), str(out)]))
            spark_cpu.append(tree_cpu(os.getpid()) - cpu0)
            spark_s.append(counts["seconds"])
            wall, cpu = cli_run(source, 2)
            cli_s.append(wall)
            cli_cpu.append(cpu)
            shutil.rmtree(out)
    finally:
        spark.stop()
    return {
        "articles": len(texts),
        "mb": mb,
        "quotes": counts["quotes"],
        "mentions": counts["mentions"],
        "spark": len(texts) / statistics.median(spark_s),
        "cli": len(texts) / statistics.median(cli_s),
        "ratio": pair_median(cli_s, spark_s),
        "cpu_ratio": pair_median(cli_cpu, spark_cpu),
        "spark_cpu": statistics.median(spark_cpu),
        "cli_cpu": statistics.median(cli_cpu),
        "cold": len(texts) / cold,
        "cold_s": cold,
    }


def load():
    """The 1-minute load average now (the machine is shared)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def report(many, spark, loads):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    ok = lambda x: "yes" if x else "**no**"  # noqa: E731
    r_all, r_one, r_spark = many["all"]["ratio"], many["one"]["ratio"], spark["ratio"]
    # A target is met when the rate and the CPU time both reach it: on a
    # shared machine (load above the cores) the wall-clock ratio favours
    # whichever side runs more threads, and the CPU ratio does not move.
    met_all = min(r_all, many["all"]["cpu_ratio"]) >= 0.9
    met_call = min(many["all"]["call_ratio"], many["all"]["call_cpu_ratio"]) >= 0.9
    met_spark = min(r_spark, spark["cpu_ratio"]) >= 0.6
    per_core = spark["articles"] / spark["spark_cpu"]
    return f"""{BEGIN}
## Python and Spark

Written by `make bench` (bench/python.py) on {when}, commit {commit}. Runs alternate with the
CLI's; rates are medians, ratios the median of the pairs' ratios. The CLI here is the plain
`cargo build --release`, built with the wheel's profile. CPU is the CPU time of every
process and thread involved (for Spark: the JVM and its Python workers). Load average (1 min)
on the {os.cpu_count()} cores at the start of each part: {loads}.

| measure | result | target | met |
| --- | --- | --- | --- |
| `analyze_many`, all {many['cores']} cores ({many['articles']} PolNeAR dev articles, {many['mb']:.1f} MB) | {many['all']['py']:.1f} MB/s | | |
| CLI `--jsonl` on the same articles, all cores | {many['all']['cli']:.1f} MB/s | | |
| ratio `analyze_many` / CLI, all cores, the result freed too (by CPU time: {many['all']['cpu_ratio']:.0%}) | {r_all:.0%} | >= 90%, by rate and CPU | {ok(met_all)} |
| the same, the call alone: its list handed over, as the CLI's JSON goes to /dev/null (by CPU time: {many['all']['call_cpu_ratio']:.0%}) | {many['all']['call_ratio']:.0%} | >= 90%, by rate and CPU | {ok(met_call)} |
| freeing the result, per CPU-second of the call | {many['all']['free']:.0%} | | |
| the calling thread's CPU time (making and freeing the dicts) per CPU-second of the analysis threads, all cores | {many['all']['own']:.0%} | | |
| `analyze_many(threads=1)` / CLI `--threads 1` | {many['one']['py']:.1f} / {many['one']['cli']:.1f} MB/s ({r_one:.0%}; CPU {many['one']['cpu_ratio']:.0%}) | | |
| Spark job on `local[2]`, warm session ({spark['articles']} PolNeAR train articles, {spark['mb']:.0f} MB, 8 files; read JSONL, analyse, write both Parquet tables, each task its own files) | {spark['spark']:.0f} articles/s | | |
| CLI `--jsonl` on both cores, same files | {spark['cli']:.0f} articles/s | | |
| ratio Spark / CLI (by CPU time: {spark['cpu_ratio']:.0%}) | {r_spark:.0%} | >= 60%, by rate and CPU | {ok(met_spark)} |
| the Spark job's CPU time per run / the CLI's | {spark['spark_cpu']:.1f} s / {spark['cli_cpu']:.1f} s ({per_core:.0f} articles per CPU-second) | | |
| the same job cold, `python -m whosaid.spark` with the JVM's start | {spark['cold']:.0f} articles/s ({spark['cold_s']:.1f} s) | | |

The job wrote {spark['quotes']} quote rows and {spark['mentions']} entity-mention rows per run.
{END}
"""


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fewer runs and articles")
    args = p.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory(prefix="whosaid-pybench-") as d:
        tmp = Path(d)
        print("bench: analyze_many against the CLI", file=sys.stderr)
        loads = [load()]
        many = bench_analyze_many(tmp, runs)
        print("bench: the Spark job on local[2] against the CLI", file=sys.stderr)
        loads.append(load())
        spark = bench_spark(tmp, 3 if args.quick else 5, 4000 if args.quick else 20000)
    section = report(many, spark, " and ".join(loads))
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section.rstrip("\n") + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
