#!/usr/bin/env bash
# Speaker-grouped cross-validation of classifier settings on RAVDESS actors 01-16 (7 labels:
# calm is never tested; 8 folds of 2 actors; seed 1), as reported in MODELS.md. Features are extracted
# once into a cache file; each line below is one row of the table.
#
#   voice/model-ravdess/recipe/experiments.sh [DATA_DIR] [WORK_DIR] [CONFIG_NAME...]
set -euo pipefail
set -f   # the configurations hold regular expressions: no file-name expansion
DATA="${1:-/work/data/ravdess-01-16}"
WORK="${2:-/work/data/voice-experiments}"
shift $(( $# > 2 ? 2 : $# )) || true
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
mkdir -p "$WORK"
COMMON=(--data "$DATA" --folds 8 --seed 1 --cache "$WORK/features.cache")
# Rows measured before --limit existed had no cut-off: --limit 1000 reproduces them.
CALM_OUT=(--limit 1000 --leave-out calm)      # calm recordings not used at all
CALM_TRAIN=(--limit 1000 --train-only calm)   # calm recordings train as neutral, never tested
CALM_TRAIN_LIMITED=(--train-only calm)        # with the default cut-off (3)

declare -A CONFIGS=(
  [linear]="${CALM_OUT[*]} --classifier linear"
  [linear-e10]="${CALM_OUT[*]} --classifier linear --epochs 10"
  [linear-e100-lr0.05]="${CALM_OUT[*]} --classifier linear --epochs 100 --learning-rate 0.05"
  [fm]="${CALM_OUT[*]} --classifier fm"
  [liblinear-c0.01]="${CALM_OUT[*]} --classifier liblinear --cost 0.01"
  [liblinear-c0.1]="${CALM_OUT[*]} --classifier liblinear --cost 0.1"
  [liblinear-c1]="${CALM_OUT[*]} --classifier liblinear --cost 1"
  [svm-c1]="${CALM_OUT[*]} --classifier svm --cost 1"
  [svm-c3]="${CALM_OUT[*]} --classifier svm --cost 3"
  [svm-c10]="${CALM_OUT[*]} --classifier svm --cost 10"
  [svm-c3-g0.005]="${CALM_OUT[*]} --classifier svm --cost 3 --gamma 0.005"
  [svm-c10-g0.005]="${CALM_OUT[*]} --classifier svm --cost 10 --gamma 0.005"
  [svm-c3-g0.03]="${CALM_OUT[*]} --classifier svm --cost 3 --gamma 0.03"
  [svm-c3-bal]="${CALM_OUT[*]} --classifier svm --cost 3 --balanced"
  [svm-c3-calmtrain]="${CALM_TRAIN[*]} --classifier svm --cost 3"
  [svm-c3-calmtrain-bal]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced"
  [linear-bal]="${CALM_OUT[*]} --classifier linear --balanced"
  [linear-calmtrain]="${CALM_TRAIN[*]} --classifier linear"
  [liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN[*]} --classifier liblinear --cost 0.1 --balanced"
  [svm-c3-calmtrain-bal-speed]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced --augment speed=0.9:1.1"
  [linear-calmtrain-bal-speed]="${CALM_TRAIN[*]} --classifier linear --balanced --augment speed=0.9:1.1"
  [rt-linear-norm]="${CALM_OUT[*]} --classifier linear --speaker-norm"
  [rt-linear-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier linear --balanced --speaker-norm"
  [rt-svm-c3-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced --speaker-norm"
  [rt-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm"
  [ens-calmtrain-bal]="${CALM_TRAIN[*]} --classifier ensemble --cost 3 --balanced"
  [l3-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --limit 3"
  [l3-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --limit 3"
  [l2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --limit 2"
  [x1-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude mfcc\\d+\\.delta\\.stddev"
  [x2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude mfcc\\d+\\.(delta\\.)?stddev|spectrum\\.flux\\.stddev|loudness\\.(rising|falling)\\.slope"
)
ALL=(linear linear-e10 linear-e100-lr0.05 fm liblinear-c0.01 liblinear-c0.1 liblinear-c1 svm-c1
     svm-c3 svm-c10 svm-c3-g0.005 svm-c10-g0.005 svm-c3-g0.03 svm-c3-bal svm-c3-calmtrain
     svm-c3-calmtrain-bal linear-bal linear-calmtrain liblinear-c0.1-calmtrain-bal
     svm-c3-calmtrain-bal-speed linear-calmtrain-bal-speed rt-linear-norm
     rt-linear-calmtrain-bal-norm rt-svm-c3-calmtrain-bal-norm
     rt-liblinear-c0.1-calmtrain-bal-norm ens-calmtrain-bal l3-linear-calmtrain-bal-norm
     l3-linear-calmtrain-bal l2-linear-calmtrain-bal-norm x1-linear-calmtrain-bal-norm
     x2-linear-calmtrain-bal-norm)
NAMES=("$@")
if [ ${#NAMES[@]} -eq 0 ]; then
  NAMES=("${ALL[@]}")
fi
for name in "${NAMES[@]}"; do
  echo "== $name: ./affect4j train-voice ${COMMON[*]} ${CONFIGS[$name]} --out $WORK/$name.onnx"
  # shellcheck disable=SC2086
  nice -n 19 java -jar "$ROOT/examples/cli/target/affect4j-cli.jar" train-voice "${COMMON[@]}" \
      ${CONFIGS[$name]} --out "$WORK/$name.onnx" 2>&1 | grep -v '^wrote '
done
