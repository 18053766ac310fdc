"""Types of the native module; `whosaid` re-exports these names."""

from typing import Iterable, List, Literal, Optional

from typing_extensions import TypedDict

__version__: str

OffsetUnit = Literal["codepoint", "utf16", "utf8"]
Continuations = Literal["join", "separate"]
EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"
]

class Span(TypedDict):
    start: int
    end: int
    text: str

class Speaker(TypedDict):
    start: int
    end: int
    text: str
    """The mention the attribution uses ("he", "Tillerson")."""
    name: str
    """The resolved canonical name ("Rex Tillerson")."""
    entity: Optional[int]
    """Index into the result's "entities", when the speaker is a known entity."""

class Quote(TypedDict):
    start: int
    end: int
    text: str
    kind: Literal["direct", "partial", "mixed", "indirect"]
    cue: Optional[Span]
    speaker: Optional[Speaker]
    parts: List[Span]
    """The content in pieces where an attribution interrupts it (engines that report parts)."""

class Entity(TypedDict):
    type: EntityType
    name: str
    title: Optional[str]
    mentions: List[Span]

class Analysis(TypedDict):
    quotes: List[Quote]
    entities: List[Entity]

def analyze(
    text: str, *, offsets: OffsetUnit = "codepoint", continuations: Continuations = "join"
) -> Analysis:
    """Find the quotations, their speakers and the named entities in `text`."""

def analyze_many(
    texts: Iterable[str],
    *,
    threads: Optional[int] = None,
    offsets: OffsetUnit = "codepoint",
    continuations: Continuations = "join",
) -> List[Analysis]:
    """`analyze` of each text, in order, on `threads` threads (default: every core)."""
