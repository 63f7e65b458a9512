#!/usr/bin/env bash
# Extracts RAVDESS speech actors 01-16 (960 original 48 kHz WAVs) from a bare git copy of the
# repository Rahul5430/Speech-Emotion-Recognition-System at a pinned commit, and verifies every
# file against ravdess-01-16.sha256 (committed next to this script).
#
#   voice/model-ravdess/recipe/prepare-data.sh GIT_DIR [OUT_DIR]
#
# GIT_DIR  the bare repository (e.g. a mirror's "repo" folder)
# OUT_DIR  where the files go (default /work/data/ravdess-01-16); keep it outside the source tree:
#          the data is CC BY-NC-SA 4.0 and is never committed.
#
# git may print "invalid object ... .ipynb_checkpoints/..." for a blob missing from the copy,
# outside the requested folders; the archive of the 16 folders is still complete (checked below).
#
# Actors 17-24 are reserved for outside evaluation: this script names the 16 allowed folders one
# by one and never lists, reads or copies anything else.
set -euo pipefail

COMMIT=b6a1dd81cfb09db95d71b9ff3a5692bb68110fae
BASE=speech-emotion-recognition-ravdess-data/audio_speech_actors_01-24
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUMS="$HERE/ravdess-01-16.sha256"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 GIT_DIR [OUT_DIR]" >&2
    exit 2
fi
GIT_DIR="$1"
OUT="${2:-/work/data/ravdess-01-16}"

git --git-dir="$GIT_DIR" cat-file -e "$COMMIT^{commit}" 2>/dev/null || {
    echo "$GIT_DIR does not hold commit $COMMIT" >&2
    exit 1
}

mkdir -p "$OUT"
paths=()
for n in $(seq -w 1 16); do
    paths+=("$BASE/Actor_$n")
done
# The archive keeps the repository's folder layout; strip the two leading folders so that OUT
# holds Actor_01 .. Actor_16 directly.
git --git-dir="$GIT_DIR" archive "$COMMIT" "${paths[@]}" | tar -x -C "$OUT" --strip-components=2

count=$(find "$OUT" -name '*.wav' | wc -l)
if [ "$count" -ne 960 ]; then
    echo "expected 960 .wav files under $OUT, found $count" >&2
    exit 1
fi
if [ -f "$SUMS" ]; then
    (cd "$OUT" && sha256sum --quiet --check "$SUMS")
    echo "$OUT: 960 files, checksums match $(basename "$SUMS")"
else
    (cd "$OUT" && find . -name '*.wav' | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum) > "$SUMS"
    echo "wrote $SUMS (first run: commit it)"
fi
