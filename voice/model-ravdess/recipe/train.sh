#!/usr/bin/env bash
# Trains the bundled model of affect4j-voice-model-ravdess from RAVDESS actors 01-16 (prepared by
# prepare-data.sh) with ./affect4j train-voice, and writes it and its card into this module's
# resources, where the onnx voice provider finds them by default:
#   src/main/resources/META-INF/affect4j/voice/default-model.onnx
#   src/main/resources/META-INF/affect4j/voice/default-model.card.properties
#
#   voice/model-ravdess/recipe/train.sh [DATA_DIR] [OUT_DIR]
#
# DATA_DIR  the 960 files of prepare-data.sh (default /work/data/ravdess-01-16)
# OUT_DIR   where to write (default: this module's resources folder)
#
# Deterministic: the same data, seed and trainer give the same bytes (MODELS.md pins them).
# The bundled model is a single-model "speaker-mean" model: the trainer as of commit
# 23431fe trained one classifier on uncentred and speaker-centred copies of each recording.
# Since then `train-voice --speaker-norm` writes a "speaker-blend" model instead (the model
# trained without normalisation plus a speaker-centred second model; voice/README.md), which
# guarantees that single clips read exactly as without normalisation, but for this configuration
# scores 0.533 on single clips (the bundled model 0.546), 0.557 on streams (0.564) and separates
# the arousal test pairs by 0.13 to 0.16 instead of 0.34 to 0.67 (recipe/EXPERIMENTS.md). So the
# bundled model was kept, and this script builds the CLI of that commit (from this repository's
# history, into a scratch folder; about two minutes) to reproduce it. AFFECT4J_CLI may name a
# CLI jar instead (then its trainer decides what is written).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DATA="${1:-/work/data/ravdess-01-16}"
OUT="${2:-$HERE/../src/main/resources/META-INF/affect4j/voice}"

(cd "$DATA" && sha256sum --quiet --check "$HERE/ravdess-01-16.sha256")

# The configuration chosen by speaker-grouped cross-validation and the sanity checks (MODELS.md,
# recipe/EXPERIMENTS.md, row v2-x4-linear-calmtrain-bal-norm): logistic regression over feature
# set affect4j-voice-features/2, classes weighed equally, trained for run-time speaker
# normalisation; calm recordings train as neutral but are never tested (the figures are about 7
# labels); standardised features cut off at 3 standard deviations. Left out: the frame-to-frame
# spectral dynamics (MFCC and delta-MFCC spreads over all speech or over voiced frames, flux
# spread, loudness slopes), the H1-H2-like measure and spectral flatness: they put unlike speech
# (espeak-ng) far outside RAVDESS and made models read it all as one class, or blurred the
# arousal of the espeak-ng pairs. An RBF SVM over all features scored 0.538 but read every
# synthetic clip as anger.
ARGS=(--train-only calm --balanced --classifier linear --speaker-norm --limit 3
      --exclude 'mfcc\d+\.(delta\.|voiced\.)?stddev|spectrum\.flux\.stddev|loudness\.(rising|falling)\.slope|spectrum\.h1h2\.mean|spectrum\.flatness\.mean')
# Optional: a features cache (same vectors, skips extraction), e.g. CACHE=/tmp/features.cache
if [ -n "${CACHE:-}" ]; then
  ARGS+=(--cache "$CACHE")
fi

TRAINER_COMMIT=23431fe3c1bf3730c3b9118df6b5009a1f4ac480
CLI="${AFFECT4J_CLI:-}"
if [ -z "$CLI" ]; then
  SCRATCH="$(mktemp -d)"
  trap 'rm -rf "$SCRATCH"' EXIT
  git -C "$ROOT" archive "$TRAINER_COMMIT" | tar -x -C "$SCRATCH"
  (cd "$SCRATCH" && ./mvnw -B -ntp -q -DskipTests -Dmaven.javadoc.skip=true package \
      -pl examples/cli -am)
  CLI="$SCRATCH/examples/cli/target/affect4j-cli.jar"
fi

mkdir -p "$OUT"
java -jar "$CLI" train-voice --data "$DATA" \
    --out "$OUT/default-model.onnx" --name affect4j-voice-ravdess --folds 8 --seed 1 \
    --threads 2 "${ARGS[@]}"
sha256sum "$OUT/default-model.onnx" "$OUT/default-model.card.properties"
