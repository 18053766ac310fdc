"""Shared fixtures: the CLI to compare against, the dev corpora, a Spark session.

The corpora are found at run time (under $WHOSAID_SHARED, else ../shared beside
the checkout, else /work/shared), as the other tests do; their text never
enters the repository. The CLI is $WHOSAID_CLI, else target/release/whosaid.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DEV_CORPORA = ["seeds", "news-dev", "polnear-dev", "conllpp-dev"]


def shared_corpus(name):
    """The path of corpus/<name>.jsonl in the first shared folder that has it."""
    places = [os.environ.get("WHOSAID_SHARED"), str(REPO.parent / "shared"), "/work/shared"]
    for place in filter(None, places):
        path = Path(place) / "corpus" / f"{name}.jsonl"
        if path.exists():
            return path
    raise FileNotFoundError(f"corpus/{name}.jsonl not found in {places}; set WHOSAID_SHARED")


def read_articles(name):
    """The (id, text) pairs of a corpus."""
    with open(shared_corpus(name), encoding="utf-8") as f:
        return [(d["id"], d["text"]) for d in map(json.loads, filter(str.strip, f))]


@pytest.fixture(scope="session")
def cli():
    exe = Path(os.environ.get("WHOSAID_CLI", REPO / "target" / "release" / "whosaid"))
    if not exe.exists():
        pytest.fail(f"{exe} not found: build it with `cargo build --release` (make test does)")
    return exe


@pytest.fixture(scope="session")
def run_cli(cli):
    """run_cli(articles, *flags) -> the CLI's --jsonl records, in order."""

    def run(articles, *flags):
        lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles)
        out = subprocess.run(
            [str(cli), "analyze", "--jsonl", *flags], input=lines.encode(), capture_output=True, check=True
        )
        return [json.loads(line) for line in out.stdout.decode().splitlines()]

    return run


@pytest.fixture(scope="session")
def spark():
    """One local[2] Spark session for every Spark test of the run."""
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # Workers run this interpreter, the one with whosaid installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
