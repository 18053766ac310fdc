"""whosaid on Spark: the engine over a DataFrame of articles, one partition at a time.

    from whosaid.spark import quotes, entities
    q = quotes(articles)      # articles: a DataFrame with columns id and text
    e = entities(articles)

`quotes` gives one row per quote, `entities` one row per entity mention (their
schemas are `QUOTE_FIELDS` and `MENTION_FIELDS`, after an `id` column of the
input's id type). Each partition's texts go to the engine as Arrow batches
(`mapInArrow`), through `whosaid.analyze_many` on the task's cores; the engine
is loaded once per Python worker, which Spark reuses from task to task.

`python -m whosaid.spark INPUT OUTPUT` is the runnable job (see `__main__.py`).
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Iterator, List, Optional, Tuple

try:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from pyspark.sql.pandas.types import to_arrow_schema
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("whosaid.spark needs PySpark and pyarrow: pip install 'whosaid[spark]'") from e

__all__ = ["quotes", "entities", "analyses", "QUOTE_FIELDS", "MENTION_FIELDS"]

#: One quote of an article: its index among the article's quotes, its content's
#: extent and text, its kind, the cue's text and the resolved speaker.
QUOTE_FIELDS = T.StructType(
    [
        T.StructField("index", T.IntegerType(), False),
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType(), False),
        T.StructField("text", T.StringType(), False),
        T.StructField("kind", T.StringType(), False),
        T.StructField("cue", T.StringType(), True),
        T.StructField("speaker_name", T.StringType(), True),
        T.StructField("speaker_type", T.StringType(), True),
    ]
)

#: One mention of an entity: the entity's index in the article, its type,
#: canonical name and title, and the mention's extent and text.
MENTION_FIELDS = T.StructType(
    [
        T.StructField("entity", T.IntegerType(), False),
        T.StructField("type", T.StringType(), False),
        T.StructField("name", T.StringType(), False),
        T.StructField("title", T.StringType(), True),
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType(), False),
        T.StructField("text", T.StringType(), False),
    ]
)


def quotes(df: DataFrame, text_col: str = "text", id_col: str = "id", **options: str) -> DataFrame:
    """One row per quote of each article in `df`: id, then the `QUOTE_FIELDS`.

    `options` are `analyze`'s (`offsets`, `continuations`); offsets are code
    point indices into the text by default. An article with no quote (or a
    null text) gives no row.
    """
    return analyses(df, text_col, id_col, **options).select("id", F.inline("quotes"))


def entities(df: DataFrame, text_col: str = "text", id_col: str = "id", **options: str) -> DataFrame:
    """One row per entity mention of each article in `df`: id, then the `MENTION_FIELDS`."""
    return analyses(df, text_col, id_col, **options).select("id", F.inline("entities"))


def analyses(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "id",
    *,
    offsets: str = "codepoint",
    continuations: str = "join",
) -> DataFrame:
    """One row per article: `id`, `quotes` (array of QUOTE_FIELDS) and `entities`
    (array of MENTION_FIELDS), computed partition by partition with mapInArrow.

    `quotes` and `entities` are this, exploded; a job that writes both should
    persist this DataFrame and explode it twice (as `python -m whosaid.spark
    --writer spark` does), so that each article is analysed once, or let each
    task write its own rows (`whosaid.spark.files`, the job's default).
    """
    import whosaid

    # Bad options fail here, on the driver, with analyze's own message.
    whosaid.analyze("", offsets=offsets, continuations=continuations)
    id_field = df.schema[id_col]
    schema = T.StructType(
        [
            T.StructField("id", id_field.dataType, id_field.nullable),
            T.StructField("quotes", T.ArrayType(QUOTE_FIELDS, False), False),
            T.StructField("entities", T.ArrayType(MENTION_FIELDS, False), False),
        ]
    )
    large = df.sparkSession.conf.get("spark.sql.execution.arrow.useLargeVarTypes", "false") == "true"
    arrow_schema = to_arrow_schema(schema, prefers_large_types=large)
    mapper = functools.partial(_map_batches, arrow_schema=arrow_schema, offsets=offsets, continuations=continuations)
    source = df.select(F.col(id_col).alias("id"), F.col(text_col).alias("text"))
    return source.mapInArrow(mapper, schema)


# ---- on the workers ----

#: How many times this process loaded the engine (1 after the first batch):
#: the tests check that Spark's reused workers do not load it again.
_loads = 0
_engine_module: Optional[Any] = None


def _engine() -> Any:
    """The native engine, imported and warmed up once per Python process."""
    global _engine_module, _loads
    if _engine_module is None:
        import whosaid

        whosaid.analyze("Warm-up, she said.")  # decodes the entity model once
        _engine_module = whosaid
        _loads += 1
    return _engine_module


def _task_threads() -> int:
    """The cores Spark gave this task (spark.task.cpus), 1 outside a task."""
    try:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        return max(1, int(ctx.cpus())) if ctx is not None else 1
    except Exception:  # an older PySpark without TaskContext.cpus
        return 1


def _analysed(
    batches: Iterator[pa.RecordBatch], *, offsets: str, continuations: str
) -> Iterator[Tuple[pa.RecordBatch, Dict[str, Any]]]:
    """Each (id, text) batch of a partition with its quote and mention rows,
    as `_columns` gives them: the code both mapInArrow functions share."""
    engine = _engine()
    threads = _task_threads()
    for batch in batches:
        texts = [t if t is not None else "" for t in batch.column(1).to_pylist()]
        # The rows come from the engine as Arrow buffers: no Python object
        # per value (see columns.rs in the binding).
        yield batch, engine._whosaid._columns(texts, threads=threads, offsets=offsets, continuations=continuations)


def _map_batches(
    batches: Iterator[pa.RecordBatch], *, arrow_schema: pa.Schema, offsets: str, continuations: str
) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function: each batch of (id, text) -> a batch of analyses."""
    id_type = arrow_schema.field("id").type
    quotes_type = arrow_schema.field("quotes").type
    mentions_type = arrow_schema.field("entities").type
    for batch, tables in _analysed(batches, offsets=offsets, continuations=continuations):
        columns = [
            batch.column(0).cast(id_type),
            _list_array(quotes_type, tables["quotes"]),
            _list_array(mentions_type, tables["entities"]),
        ]
        yield pa.RecordBatch.from_arrays(columns, schema=arrow_schema)


def _list_array(list_type: pa.ListType, table: Any) -> pa.Array:
    """One list of row structs per article, from `_columns`' buffers."""
    fields = list(list_type.value_type)
    starts, children = _unpack(fields, table)
    values = pa.StructArray.from_arrays(children, fields=fields)
    return pa.ListArray.from_arrays(starts, values, type=list_type)


def _unpack(fields: List[pa.Field], table: Any) -> Tuple[pa.Array, List[pa.Array]]:
    """One table of `_columns`: where each article's rows start (int32, one
    more than the articles), and a column per field, of the field's type."""
    offsets, names, columns = table
    if names != [f.name for f in fields]:
        raise RuntimeError(f"whosaid.spark: the engine's columns {names} are not the schema's")
    starts = pa.Array.from_buffers(pa.int32(), len(offsets) // 4, [None, pa.py_buffer(offsets)])
    return starts, [_column(f.type, col) for f, col in zip(fields, columns)]


def _column(arrow_type: pa.DataType, column: Any) -> pa.Array:
    """One column from its (length, validity, offsets, data) buffers."""
    n, valid, offsets, data = column
    validity = pa.py_buffer(valid) if valid is not None else None
    if offsets is None:
        return pa.Array.from_buffers(arrow_type, n, [validity, pa.py_buffer(data)])
    # Strings come with int32 offsets; Spark may ask for large_string.
    strings = pa.Array.from_buffers(pa.string(), n, [validity, pa.py_buffer(offsets), pa.py_buffer(data)])
    return strings if arrow_type == pa.string() else strings.cast(arrow_type)
