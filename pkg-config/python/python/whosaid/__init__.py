"""whosaid: every quotation in a news article, who said it, and the named entities.

    >>> import whosaid
    >>> r = whosaid.analyze('"We will reopen the bridge," Mayor Ada Brook said.')
    >>> r["quotes"][0]["speaker"]["name"]
    'Ada Brook'

`analyze` returns the JSON contract of the `whosaid` CLI as a dict (offsets are
code point indices into the str by default); `analyze_many` analyses a list of
texts on every core with the GIL released. `whosaid.spark` (with PySpark and
pyarrow installed) runs the engine over a DataFrame of articles.
"""

from whosaid._whosaid import __version__, analyze, analyze_many

__all__ = ["__version__", "analyze", "analyze_many"]
