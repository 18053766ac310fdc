"""whosaid.spark in Spark local mode: the DataFrame API and the runnable job."""

import json
import os
import subprocess
import sys

import pytest

import whosaid
from conftest import DEV_CORPORA, read_articles

pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")

from pyspark.sql import types as T  # noqa: E402

import whosaid.spark as ws  # noqa: E402
import whosaid.spark.__main__ as job  # noqa: E402

# Made-up articles for the project's tests.
ARTICLES = [
    (1, '"We will reopen the bridge on Monday," Mayor Ada Brook said. The council agreed.'),
    (2, "Priya Raman, the chief executive of Lumen Bank, said profits rose 4%."),
    (3, "No one spoke."),
    (4, None),
]


def articles_df(spark, rows=ARTICLES):
    schema = T.StructType([T.StructField("doc", T.LongType()), T.StructField("body", T.StringType())])
    return spark.createDataFrame(rows, schema)


def test_quotes_have_the_declared_schema_and_the_engines_values(spark):
    q = ws.quotes(articles_df(spark), text_col="body", id_col="doc")
    assert q.schema == T.StructType([T.StructField("id", T.LongType(), True), *ws.QUOTE_FIELDS.fields])
    rows = sorted(q.collect(), key=lambda r: (r.id, r["index"]))
    assert [(r.id, r["index"], r.kind, r.cue, r.speaker_name, r.speaker_type) for r in rows] == [
        (1, 0, "direct", "said", "Ada Brook", "PERSON"),
        (2, 0, "indirect", "said", "Priya Raman", "PERSON"),
    ]
    text = ARTICLES[0][1]
    assert text[rows[0].start : rows[0].end] == rows[0].text == "We will reopen the bridge on Monday,"


def test_entities_give_one_row_per_mention(spark):
    e = ws.entities(articles_df(spark), text_col="body", id_col="doc")
    assert e.schema == T.StructType([T.StructField("id", T.LongType(), True), *ws.MENTION_FIELDS.fields])
    got = sorted((r.id, r.type, r.name, r.title, r.text) for r in e.collect())
    assert ("1", "PERSON", "Ada Brook", "Mayor", "Ada Brook") not in got  # ids keep their type
    assert (1, "PERSON", "Ada Brook", "Mayor", "Ada Brook") in got
    assert (2, "ORG", "Lumen Bank", None, "Lumen Bank") in got
    expected = sum(len(m["mentions"]) for _, t in ARTICLES if t for m in whosaid.analyze(t)["entities"])
    assert len(got) == expected


def test_options_reach_the_engine_and_bad_ones_fail_on_the_driver(spark):
    text = 'She looked up. "A is done," Ada Brook said on Tuesday. "B is next."'
    df = articles_df(spark, [(1, text)])
    joined = ws.quotes(df, text_col="body", id_col="doc").count()
    separate = ws.quotes(df, text_col="body", id_col="doc", continuations="separate").count()
    assert (joined, separate) == (len(whosaid.analyze(text)["quotes"]), len(whosaid.analyze(text, continuations="separate")["quotes"]))
    assert joined != separate
    accented = 'Zoë Ørsted spoke. "We will reopen the bridge on Monday," she said.'
    utf8 = ws.quotes(articles_df(spark, [(1, accented)]), text_col="body", id_col="doc", offsets="utf8").first()
    assert accented.encode()[utf8.start : utf8.end].decode() == utf8.text
    assert utf8.start != whosaid.analyze(accented)["quotes"][0]["start"]  # not code points
    with pytest.raises(ValueError, match="unknown offset unit"):
        ws.quotes(df, text_col="body", id_col="doc", offsets="pages")


def test_the_engine_is_loaded_once_per_python_worker(spark):
    def count_loads(batches):
        # Nested, so that Spark pickles it by value: which process, how many loads.
        import pyarrow as pa

        for batch in batches:
            ws._engine()
            n = batch.num_rows
            yield pa.RecordBatch.from_pydict({"pid": [os.getpid()] * n, "loads": [ws._loads] * n})

    df = spark.range(64).repartition(16)
    rows = df.mapInArrow(count_loads, "pid long, loads long").collect()
    assert len(rows) == 64
    pids = {r.pid for r in rows}
    assert len(pids) < 16  # workers were reused across the 16 tasks
    assert {r.loads for r in rows} == {1}


def expected_rows(records):
    """The quote and mention rows of the CLI's --jsonl records, derived here
    independently of whosaid.spark's own conversion."""
    quotes, mentions = [], []
    for rec in records:
        ents = rec["entities"]
        for i, q in enumerate(rec["quotes"]):
            sp = q["speaker"] or {}
            ent = sp.get("entity")
            quotes.append((rec["id"], i, q["start"], q["end"], q["text"], q["kind"], (q["cue"] or {}).get("text"), sp.get("name"), ents[ent]["type"] if ent is not None else None))
        for i, e in enumerate(ents):
            for m in e["mentions"]:
                mentions.append((rec["id"], i, e["type"], e["name"], e["title"], m["start"], m["end"], m["text"]))
    return sorted(quotes, key=repr), sorted(mentions, key=repr)


@pytest.mark.parametrize("writer", ["arrow", "spark"])
def test_the_job_in_local_mode_equals_the_cli_on_the_dev_corpora(spark, run_cli, tmp_path, capsys, writer):
    articles = [a for c in DEV_CORPORA for a in read_articles(c)]
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles), encoding="utf-8")
    out = tmp_path / "out"
    # NOTE: the job's main() in this process, on the tests' local[2] session
    # (a second JVM would add its start-up to the run); the `python -m`
    # entry point itself is run by the test below.
    assert spark.sparkContext.master == "local[2]"
    assert job.main([str(source), str(out), "--master", "local[2]", "--partitions", "4", "--writer", writer]) == 0
    quotes, mentions = expected_rows(run_cli(articles))
    assert len(quotes) > 1000 and len(mentions) > 10000
    got_quotes = sorted((tuple(r.values()) for r in pq.read_table(out / "quotes").to_pylist()), key=repr)
    got_mentions = sorted((tuple(r.values()) for r in pq.read_table(out / "entities").to_pylist()), key=repr)
    assert got_quotes == quotes
    assert got_mentions == mentions
    summary = capsys.readouterr().err
    assert f"{len(articles)} articles -> {len(quotes)} quotes, {len(mentions)} entity mentions" in summary
    # An existing output is not overwritten unless asked.
    with pytest.raises(Exception, match="already exists"):
        job.main([str(source), str(out), "--writer", writer])
    assert job.main([str(source), str(out), "--overwrite", "--writer", writer]) == 0
    if writer == "arrow":
        # One file per partition that had articles, no attempt's leftovers.
        for table in ("quotes", "entities"):
            names = sorted(p.name for p in (out / table).iterdir())
            assert names == ["_SUCCESS"] + [f"part-{i:05d}.parquet" for i in range(len(names) - 1)], names
    assert len(pq.read_table(out / "quotes")) == len(quotes)


def test_python_m_whosaid_spark_is_the_job():
    run = subprocess.run([sys.executable, "-m", "whosaid.spark", "--help"], capture_output=True, check=True)
    usage = run.stdout.decode()
    assert usage.startswith("usage: python -m whosaid.spark")
    assert "INPUT OUTPUT" in usage and "--overwrite" in usage


def test_a_failed_task_leaves_no_file_under_a_visible_name(tmp_path):
    from whosaid.spark import files

    pa = pytest.importorskip("pyarrow")
    schemas = {
        name: pa.schema([pa.field("id", pa.string())] + [pa.field(f.name, t) for f, t in zip(fields.fields, types)])
        for name, fields, types in (
            ("quotes", ws.QUOTE_FIELDS, [pa.int32(), pa.int64(), pa.int64()] + [pa.string()] * 5),
            ("entities", ws.MENTION_FIELDS, [pa.int32()] + [pa.string()] * 3 + [pa.int64()] * 2 + [pa.string()]),
        )
    }
    dirs = {name: str(tmp_path / name) for name in files.TABLES}
    for d in dirs.values():
        os.mkdir(d)
    batch = pa.RecordBatch.from_pydict({"id": ["a", "b"], "text": [ARTICLES[0][1], ARTICLES[1][1]]})

    def failing():
        yield batch
        raise RuntimeError("the input went away")

    task = dict(output=str(tmp_path), dirs=dirs, schemas=schemas, offsets="codepoint", continuations="join")
    with pytest.raises(RuntimeError, match="went away"):
        list(files._write_partition(failing(), **task))
    assert not (tmp_path / "quotes" / "part-00000.parquet").exists()
    assert [p.name for p in (tmp_path / "quotes").iterdir()] == [".part-00000-0.parquet"]
    counts = list(files._write_partition(iter([batch]), **task))
    assert counts[0].to_pydict() == {"articles": [2], "quotes": [2], "mentions": [len(pq.read_table(tmp_path / "entities" / "part-00000.parquet"))]}
    rows = pq.read_table(tmp_path / "quotes" / "part-00000.parquet").to_pylist()
    assert [(r["id"], r["speaker_name"]) for r in rows] == [("a", "Ada Brook"), ("b", "Priya Raman")]
