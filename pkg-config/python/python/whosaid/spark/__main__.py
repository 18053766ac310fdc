"""The Spark job: `python -m whosaid.spark INPUT OUTPUT` (or `spark-submit` of this file).

INPUT is JSONL (one {"id", "text"} object a line; ids are read as strings) or
Parquet (a file or folder ending in .parquet, or --format parquet; the id
column keeps its type). OUTPUT gets two Parquet tables: OUTPUT/quotes (one row
per quote) and OUTPUT/entities (one row per entity mention). Each article is
analysed once. By default each task writes its partition's rows with pyarrow
(`files.py`: OUTPUT must be a path or URI pyarrow reaches from every
executor); `--writer spark` caches the per-article results and lets Spark
write each table, for storage only Spark's own connectors reach.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import List, Optional

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from whosaid.spark import analyses


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m whosaid.spark", description=__doc__.split("\n\n")[0])
    p.add_argument("input", metavar="INPUT", help="JSONL or Parquet with an id and a text column")
    p.add_argument("output", metavar="OUTPUT", help="folder for the quotes and entities Parquet tables")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto", help="INPUT's format (auto: parquet when it ends in .parquet)")
    p.add_argument("--id-col", default="id")
    p.add_argument("--text-col", default="text")
    p.add_argument("--offsets", default="codepoint", help="codepoint (default), utf16 or utf8")
    p.add_argument("--continuations", default="join", help="join (default) or separate")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input into N partitions first")
    p.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default: local[*])")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT's tables if they exist")
    p.add_argument(
        "--writer",
        choices=["arrow", "spark"],
        default="arrow",
        help="arrow (default): each task writes its rows with pyarrow; spark: Spark writes the tables (slower; for storage only Spark reaches)",
    )
    return p.parse_args(argv)


def read_input(spark: SparkSession, args: argparse.Namespace):
    fmt = args.format
    if fmt == "auto":
        fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "json"
    if fmt == "parquet":
        return spark.read.parquet(args.input)
    # NOTE: an explicit schema spares Spark a pass over the input to infer
    # one; a numeric id is read as its JSON text.
    schema = f"`{args.id_col}` STRING, `{args.text_col}` STRING"
    return spark.read.schema(schema).json(args.input)


def run(spark: SparkSession, args: argparse.Namespace) -> dict:
    """Runs the job; returns the counts and the seconds it took."""
    started = time.perf_counter()
    df = read_input(spark, args)
    if args.partitions > 0:
        df = df.repartition(args.partitions)
    if args.writer == "arrow":
        from whosaid.spark import files

        counts = files.write(
            df,
            args.output,
            text_col=args.text_col,
            id_col=args.id_col,
            offsets=args.offsets,
            continuations=args.continuations,
            overwrite=args.overwrite,
        )
        return {**counts, "seconds": time.perf_counter() - started}
    per_article = analyses(df, args.text_col, args.id_col, offsets=args.offsets, continuations=args.continuations)
    # NOTE: each article is analysed once, into a cache that the two writes
    # read (spilled to disk when memory runs short). Measured by CPU time on
    # local[2]: DISK_ONLY cost 15-30% more; analysing twice, once per table,
    # or one flat table of both kinds of rows cached or split with
    # partitionBy, were no cheaper or gave odd tables.
    per_article = per_article.persist(StorageLevel.MEMORY_AND_DISK)
    mode = "overwrite" if args.overwrite else "errorifexists"
    paths = {name: os.path.join(args.output, name) for name in ("quotes", "entities")}
    try:
        # The first action fills the cache; the counts come with it.
        sizes = per_article.select(F.count("*"), F.sum(F.size("quotes")), F.sum(F.size("entities"))).first()
        for name, path in paths.items():
            per_article.select("id", F.inline(name)).write.mode(mode).parquet(path)
    finally:
        per_article.unpersist()
    return {
        "articles": sizes[0],
        "quotes": sizes[1] or 0,
        "mentions": sizes[2] or 0,
        "seconds": time.perf_counter() - started,
    }


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    launched_here = "PYSPARK_GATEWAY_PORT" not in os.environ  # not by spark-submit
    if launched_here and (args.master is None or args.master.startswith("local")):
        # Local workers run this very interpreter (the one with whosaid
        # installed) unless told otherwise; on a cluster PYSPARK_PYTHON is
        # the cluster's to set.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Called from a program that has a session already, the job uses it and
    # leaves it running.
    ours = SparkSession.getActiveSession() is None
    builder = SparkSession.builder.appName("whosaid")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    if ours:
        spark.sparkContext.setLogLevel("WARN")
    try:
        c = run(spark, args)
    finally:
        if ours:
            spark.stop()
    print(
        f"whosaid.spark: {c['articles']} articles -> {c['quotes']} quotes, {c['mentions']} entity mentions "
        f"in {c['seconds']:.1f} s; wrote {args.output}/quotes and {args.output}/entities",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
