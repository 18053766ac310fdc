#!/bin/bash
# Held-out estimate of the entity scores on news-dev-entities when the model
# is trained on it too: for each of K folds of its articles, train on
# CoNLL++ train and the other folds, build, analyse the fold's articles; then
# score all the folds' predictions together, and put back the model trained
# on every article. Usage: bench/kfold.sh [K] [extra-weight] [score.py options]
# (from the repo root; KFOLD_PRED=FILE keeps the held-out predictions)
set -euo pipefail
K=${1:-5}
W=${2:-3}
SHARED=${WHOSAID_SHARED:-$( [ -d ../shared ] && echo ../shared || echo /work/shared )}
GOLD=$SHARED/corpus/news-dev-entities.jsonl
TMP=$(mktemp -d)
cp data/ner/model.bin "$TMP/model.orig"
trap 'cp "$TMP/model.orig" data/ner/model.bin' ERR INT
cargo build --release --features internals --bin train -q
python3 "$SHARED/eval/score.py" --texts "$GOLD" > "$TMP/texts.jsonl"
: > "$TMP/pred.jsonl"
for ((i = 0; i < K; i++)); do
  target/release/train --extra "$GOLD" --extra-weight "$W" --folds "$K" --fold "$i" --out data/ner/model.bin 2>&1 | grep -E "extra|quantised"
  cargo build --release --bin whosaid -q
  awk -v k="$K" -v i="$i" '(NR - 1) % k == i' "$TMP/texts.jsonl" | target/release/whosaid analyze --jsonl >> "$TMP/pred.jsonl"
done
cp "$TMP/model.orig" data/ner/model.bin
cargo build --release --bin whosaid -q
python3 "$SHARED/eval/score.py" "$GOLD" "$TMP/pred.jsonl" "${@:3}"
[ -n "${KFOLD_PRED:-}" ] && cp "$TMP/pred.jsonl" "$KFOLD_PRED"
rm -r "$TMP"
