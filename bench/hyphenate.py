"""Hard-wrap a gold file at 72 columns as ../shared/eval/wrap.py does, but hyphenate a long
word that does not fit ("transpor-\ntation": 8 letters or more, at least 3 on each line), as
text from a PDF comes, moving the gold offsets past each inserted "-\n".

    python3 bench/hyphenate.py ../shared/corpus/conllpp-dev.jsonl > /tmp/hy.jsonl
    python3 ../shared/eval/score.py --texts /tmp/hy.jsonl | target/release/whosaid analyze --jsonl > /tmp/p.jsonl
    python3 ../shared/eval/score.py /tmp/hy.jsonl /tmp/p.jsonl

The README's figures for words hyphenated at a line end come from it.
"""
import bisect, json, re, sys

WIDTH = 72

def wrap(text):
    out = []  # pieces
    ins = []  # original indices where "-\n" was inserted
    col = 0
    i = 0
    for m in re.finditer(r"[^\n]+|\n", text):
        seg = m.group()
        if seg == "\n":
            out.append("\n"); col = 0; continue
        base = m.start()
        col = 0
        for w in re.finditer(r"\S+|\s+", seg):
            tok = w.group(); start = base + w.start()
            if tok.isspace():
                out.append(tok); col += len(tok); continue
            if col + len(tok) <= WIDTH or col == 0:
                out.append(tok); col += len(tok); continue
            # does not fit: hyphenate a long word of letters when room is left
            room = WIDTH - col - 1
            word = re.match(r"[A-Za-z]+", tok)
            if word and len(word.group()) >= 8 and room >= 4:
                k = min(room, len(word.group()) - 3)
                if k >= 3:
                    out.append(tok[:k] + "-\n" + tok[k:]); ins.append(start + k); col = len(tok) - k; continue
            # else: the previous space becomes the line break
            j = len(out) - 1
            if j >= 0 and out[j].isspace():
                out[j] = "\n" + out[j][1:]
            out.append(tok); col = len(out[j]) - 1 + len(tok) if j >= 0 else len(tok)
    return "".join(out), ins

def shift(ins, o):
    return o + 2 * bisect.bisect_left(ins, o)

def remap(x, ins):
    if isinstance(x, list) and len(x) == 2 and all(isinstance(v, int) for v in x):
        return [shift(ins, x[0]), shift(ins, x[1])]
    if isinstance(x, list):
        return [remap(v, ins) for v in x]
    if isinstance(x, dict):
        return {k: (remap(v, ins) if k in ("content", "parts", "cue", "source", "span", "ignore", "quotes", "entities") else v) for k, v in x.items()}
    return x

n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip(): continue
    d = json.loads(line)
    text, ins = wrap(d["text"])
    assert len(text) == len(d["text"]) + 2 * len(ins)
    n += len(ins)
    d = remap(d, ins); d["text"] = text
    print(json.dumps(d, ensure_ascii=False))
print(f"{n} hyphenations", file=sys.stderr)
