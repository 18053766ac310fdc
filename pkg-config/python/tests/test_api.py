"""whosaid.analyze and analyze_many: the CLI's JSON contract, offsets, errors, threads."""

import json
import subprocess
import threading
import time
from pathlib import Path

import pytest

import whosaid
from conftest import DEV_CORPORA, read_articles

# Made-up sentences for the project's tests.
MAYOR = '"We will reopen the bridge on Monday," Mayor Ada Brook said. The council agreed.'
ACCENTS = 'Zoë Ørsted 😀 told reporters: "Le café est fermé, and it stays shut," she said on Friday.'


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_dict_equals_the_cli_json_on_every_dev_article(corpus, run_cli):
    articles = read_articles(corpus)
    expected = run_cli(articles)
    assert len(expected) == len(articles)
    for (article_id, text), record in zip(articles, expected):
        assert record.pop("id") == article_id
        assert whosaid.analyze(text) == record, article_id
    # analyze_many is the same, in order, on every core.
    assert whosaid.analyze_many([t for _, t in articles]) == expected


def test_options_follow_the_cli_flags(run_cli):
    articles = read_articles("polnear-dev")[:30]
    texts = [t for _, t in articles]
    for offsets, continuations in [("utf16", "separate"), ("utf8", "join")]:
        expected = run_cli(articles, "--offsets", offsets, "--continuations", continuations)
        for record in expected:
            del record["id"]
        got = whosaid.analyze_many(texts, offsets=offsets, continuations=continuations, threads=2)
        assert got == expected
        assert whosaid.analyze(texts[0], offsets=offsets, continuations=continuations) == expected[0]


def test_single_article_mode_of_the_cli_gives_the_same_dict(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ACCENTS + "\n\n" + MAYOR, encoding="utf-8")
    printed = subprocess.run([str(cli), "analyze", str(path)], capture_output=True, check=True).stdout
    assert whosaid.analyze(ACCENTS + "\n\n" + MAYOR) == json.loads(printed)


def test_offsets_index_the_str_in_each_unit():
    text = ACCENTS + "\n\n" + MAYOR
    r = whosaid.analyze(text)
    assert r["quotes"] and r["entities"]
    for q in r["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    spans = [m for e in r["entities"] for m in e["mentions"]]
    assert "Zoë Ørsted" in [m["text"] for m in spans]
    for m in spans:
        assert text[m["start"] : m["end"]] == m["text"]
    units = {"utf16": ("utf-16-le", 2), "utf8": ("utf-8", 1)}
    for unit, (codec, width) in units.items():
        raw = text.encode(codec)
        for q in whosaid.analyze(text, offsets=unit)["quotes"]:
            assert raw[q["start"] * width : q["end"] * width].decode(codec) == q["text"]


def test_a_lone_surrogate_reads_as_one_replacement_character(run_cli):
    lone = 'Bad byte \ud800 here. "We will reopen the bridge on Monday," Ada Brook said.'
    replaced = lone.replace("\ud800", "\ufffd")
    r = whosaid.analyze(lone)
    assert r == whosaid.analyze(replaced)
    q = r["quotes"][0]
    assert lone[q["start"] : q["end"]] == q["text"]  # offsets still index the caller's str
    # Each half of a surrogate pair held as two code points is one U+FFFD too.
    assert whosaid.analyze("\ud83d\ude00 " + MAYOR) == whosaid.analyze("\ufffd\ufffd " + MAYOR)
    # The CLI reads the JSON escape "\ud800" the same way.
    [record] = run_cli([("x", lone)])
    del record["id"]
    assert record == r
    assert whosaid.analyze_many([lone, replaced]) == [r, r]


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: whosaid.analyze(42), TypeError, "whosaid.analyze: text must be a str, not int"),
        (lambda: whosaid.analyze(b"bytes"), TypeError, "text must be a str, not bytes"),
        (lambda: whosaid.analyze(None), TypeError, "text must be a str, not NoneType"),
        (lambda: whosaid.analyze("x", offsets="lines"), ValueError, "unknown offset unit 'lines'"),
        (lambda: whosaid.analyze("x", offsets=16), TypeError, "offsets must be a str, not int"),
        (lambda: whosaid.analyze("x", continuations="merge"), ValueError, "unknown continuations 'merge'"),
        (lambda: whosaid.analyze("x", colour="red"), TypeError, "colour"),
        (lambda: whosaid.analyze_many(["a", 5]), TypeError, "texts[1] must be a str, not int"),
        (lambda: whosaid.analyze_many("abc"), TypeError, "not a str"),
        (lambda: whosaid.analyze_many(7), TypeError, "not iterable"),
        (lambda: whosaid.analyze_many(["a"], threads=0), ValueError, "threads must be at least 1"),
        (lambda: whosaid.analyze_many(["a"], offsets="pages"), ValueError, "unknown offset unit 'pages'"),
    ],
)
def test_bad_input_raises_a_clear_exception(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert message in str(caught.value)
    # ... and the module keeps working.
    assert whosaid.analyze(MAYOR)["quotes"][0]["speaker"]["name"] == "Ada Brook"


def test_analyze_many_keeps_order_for_any_thread_count_and_iterable():
    texts = [f'"Plan {i} is ready," Ada Brook said.' for i in range(23)] + ["", MAYOR]
    one = [whosaid.analyze(t) for t in texts]
    assert [r["quotes"][0]["text"] for r in one[:23]] == [f"Plan {i} is ready," for i in range(23)]
    for threads in (None, 1, 2, 7, 100):
        assert whosaid.analyze_many(texts, threads=threads) == one
    assert whosaid.analyze_many(t for t in texts) == one
    assert whosaid.analyze_many([]) == []


def test_analyze_many_releases_the_gil():
    texts = [t for _, t in read_articles("polnear-dev")] * 3
    span = {}

    def work():
        span["start"] = time.perf_counter()
        whosaid.analyze_many(texts, threads=1)
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = span["start"], span["end"]
    assert end - start > 0.05
    # Held through the engine's run, the GIL would stop this thread for the
    # whole call; released, it keeps ticking in the middle of it.
    third = (end - start) / 3
    assert any(start + third < t < end - third for t in ticks)


def test_version_docstrings_and_stubs_ship(cli):
    version = subprocess.run([str(cli), "--version"], capture_output=True, check=True).stdout.decode()
    assert version.strip() == f"whosaid {whosaid.__version__}"
    for f in (whosaid.analyze, whosaid.analyze_many):
        assert "Raises TypeError" in f.__doc__
    assert whosaid.analyze.__text_signature__ == "(text, *, offsets='codepoint', continuations='join')"
    package = Path(whosaid.__file__).parent
    assert (package / "py.typed").exists()
    assert "def analyze_many(" in (package / "_whosaid.pyi").read_text()


def test_analyze_many_leaves_the_garbage_collector_as_it_found_it():
    import gc

    assert gc.isenabled()
    whosaid.analyze_many([MAYOR] * 3)
    assert gc.isenabled()
    with pytest.raises(TypeError):
        whosaid.analyze_many([MAYOR, 1])
    assert gc.isenabled()
    gc.disable()
    try:
        whosaid.analyze_many([MAYOR])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_repeated_value_is_one_object_within_a_result():
    # The analysis threads find repeated values, so a name used by every
    # mention and by the speaker is made once (equal either way; fewer objects).
    # (The quote starts past 256: Python shares small ints by itself.)
    lead = "The council met and talked for a long time. " * 8
    r = whosaid.analyze(lead + '"The plan is ready," Ada Brook said. Ada Brook left. Ada Brook came back.')
    quote = r["quotes"][0]
    name = quote["speaker"]["name"]
    texts = [m["text"] for e in r["entities"] for m in e["mentions"] if m["text"] == name]
    texts.append(quote["speaker"]["text"])
    assert name == "Ada Brook" and len(texts) == 4 and all(t is name for t in texts)
    assert quote["start"] is quote["parts"][0]["start"] and quote["start"] > 256


def test_ints_are_shared_across_a_call_and_large_offsets_stay_exact(run_cli):
    # An offset below 65,536 is one object per call, whichever article uses
    # it (past CPython's own small ints, -5..256); above, each is made on its
    # own. Either way the numbers are the CLI's.
    pair = ["x" * 300 + ' "One," Ada Brook said.', "y" * 300 + ' "Two," Ada Brook said.']
    far = "The council met and talked for a long time. " * 1600 + MAYOR
    expected = run_cli([("a", pair[0]), ("b", pair[1]), ("c", far)])
    for r in expected:
        del r["id"]
    a, b, c = got = whosaid.analyze_many([*pair, far], threads=2)
    assert got == expected
    assert a["quotes"][0]["start"] == b["quotes"][0]["start"] > 256
    assert a["quotes"][0]["start"] is b["quotes"][0]["start"]
    assert c["quotes"][0]["start"] > 70_000
