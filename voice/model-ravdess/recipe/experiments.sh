#!/usr/bin/env bash
# Speaker-grouped cross-validation of classifier settings on RAVDESS actors 01-16 (7 labels:
# calm is never tested; 8 folds of 2 actors; seed 1), as reported in MODELS.md. Features are extracted
# once into a cache file; each line below is one row of the table. Rows with --speaker-norm were
# measured with the single-model design of the trainer up to commit 23431fe; run now, they measure
# the two-classifier (speaker-blend) design (EXPERIMENTS.md, "Speaker normalisation by two
# classifiers").
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
# Rows measured with affect4j-voice-features/1 (71 features): the features added in /2 left out,
# which gives the same vectors as before (x2-linear-calmtrain-bal-norm reproduces 0.507 / 0.568).
V2_ADDED='f0\.p10|f0\.p90|f0\.contour\.slope|loudness\.voicedToMedian|spectrum\.band.*|spectrum\.flatness\.mean|spectrum\.rolloff\.mean|spectrum\.centroid\.voiced\.mean|spectrum\.h1h2\.mean|mfcc\d+\.voiced\..*'
# Features added in /3 (commit 3a7543f, reverted since: the v3-* rows need that build): left out
# of every row measured before it (the /2 rows then give the same
# vectors as before; v2-x4-linear-calmtrain-bal-norm reproduces 0.546 / 0.564).
V3_ADDED='mfcc\d+\.voiced\.delta\.stddev|spectrum\.flux\.voiced\.mean|spectrum\.band.*\.stddev|f0\.range5to95|f0\.skewness|f0\.rising\.fraction|f0\.final\.slope|f0\.segment\..*|loudness\.segment\.max|loudness\.skewness|hnr\.p90|f0\.jitterLike\.median|shimmerLike\.median'
V1=(--exclude "$V2_ADDED|$V3_ADDED")
X2='mfcc\d+\.(delta\.)?stddev|spectrum\.flux\.stddev|loudness\.(rising|falling)\.slope'
# The bundled model's exclusion (x4), and x4 with the voiced delta-MFCC spreads of /3 (x5).
X4="$X2|mfcc\\d+\\.voiced\\.stddev|spectrum\\.h1h2\\.mean|spectrum\\.flatness\\.mean"
X5="$X4|mfcc\\d+\\.voiced\\.delta\\.stddev"
# x5 also without the /3 voice-quality, segment and voiced-flux features: /2 after x4 plus the F0
# contour shape and the band spreads of /3 (the two groups that helped most in a quick check).
X6="$X5|spectrum\\.flux\\.voiced\\.mean|f0\\.segment\\..*|loudness\\.segment\\.max|loudness\\.skewness|hnr\\.p90|f0\\.jitterLike\\.median|shimmerLike\\.median"

declare -A CONFIGS=(
  [linear]="${CALM_OUT[*]} --classifier linear ${V1[*]}"
  [linear-e10]="${CALM_OUT[*]} --classifier linear --epochs 10 ${V1[*]}"
  [linear-e100-lr0.05]="${CALM_OUT[*]} --classifier linear --epochs 100 --learning-rate 0.05 ${V1[*]}"
  [fm]="${CALM_OUT[*]} --classifier fm ${V1[*]}"
  [liblinear-c0.01]="${CALM_OUT[*]} --classifier liblinear --cost 0.01 ${V1[*]}"
  [liblinear-c0.1]="${CALM_OUT[*]} --classifier liblinear --cost 0.1 ${V1[*]}"
  [liblinear-c1]="${CALM_OUT[*]} --classifier liblinear --cost 1 ${V1[*]}"
  [svm-c1]="${CALM_OUT[*]} --classifier svm --cost 1 ${V1[*]}"
  [svm-c3]="${CALM_OUT[*]} --classifier svm --cost 3 ${V1[*]}"
  [svm-c10]="${CALM_OUT[*]} --classifier svm --cost 10 ${V1[*]}"
  [svm-c3-g0.005]="${CALM_OUT[*]} --classifier svm --cost 3 --gamma 0.005 ${V1[*]}"
  [svm-c10-g0.005]="${CALM_OUT[*]} --classifier svm --cost 10 --gamma 0.005 ${V1[*]}"
  [svm-c3-g0.03]="${CALM_OUT[*]} --classifier svm --cost 3 --gamma 0.03 ${V1[*]}"
  [svm-c3-bal]="${CALM_OUT[*]} --classifier svm --cost 3 --balanced ${V1[*]}"
  [svm-c3-calmtrain]="${CALM_TRAIN[*]} --classifier svm --cost 3 ${V1[*]}"
  [svm-c3-calmtrain-bal]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced ${V1[*]}"
  [linear-bal]="${CALM_OUT[*]} --classifier linear --balanced ${V1[*]}"
  [linear-calmtrain]="${CALM_TRAIN[*]} --classifier linear ${V1[*]}"
  [liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN[*]} --classifier liblinear --cost 0.1 --balanced ${V1[*]}"
  [svm-c3-calmtrain-bal-speed]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced --augment speed=0.9:1.1 ${V1[*]}"
  [linear-calmtrain-bal-speed]="${CALM_TRAIN[*]} --classifier linear --balanced --augment speed=0.9:1.1 ${V1[*]}"
  [rt-linear-norm]="${CALM_OUT[*]} --classifier linear --speaker-norm ${V1[*]}"
  [rt-linear-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier linear --balanced --speaker-norm ${V1[*]}"
  [rt-svm-c3-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier svm --cost 3 --balanced --speaker-norm ${V1[*]}"
  [rt-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm ${V1[*]}"
  [ens-calmtrain-bal]="${CALM_TRAIN[*]} --classifier ensemble --cost 3 --balanced ${V1[*]}"
  [l3-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --limit 3 ${V1[*]}"
  [l3-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --limit 3 ${V1[*]}"
  [l2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --limit 2 ${V1[*]}"
  [x1-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude mfcc\\d+\\.delta\\.stddev|$V2_ADDED|$V3_ADDED"
  [x2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude mfcc\\d+\\.(delta\\.)?stddev|spectrum\\.flux\\.stddev|loudness\\.(rising|falling)\\.slope|$V2_ADDED|$V3_ADDED"
  # affect4j-voice-features/2 (107 features)
  [v2-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --exclude $V3_ADDED"
  [v2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $V3_ADDED"
  [v2-x2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X2|$V3_ADDED"
  [v2-x3-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X2|mfcc\\d+\\.voiced\\.stddev|$V3_ADDED"
  [v2-x3-l2-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --limit 2 --exclude $X2|mfcc\\d+\\.voiced\\.stddev|$V3_ADDED"
  [v2-x4-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X2|mfcc\\d+\\.voiced\\.stddev|spectrum\\.h1h2\\.mean|spectrum\\.flatness\\.mean|$V3_ADDED"
  [v2-x4-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --exclude $X2|mfcc\\d+\\.voiced\\.stddev|spectrum\\.h1h2\\.mean|spectrum\\.flatness\\.mean|$V3_ADDED"
  [v2-svm-c3-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 3 --balanced --exclude $V3_ADDED"
  [v2-svm-c3-calmtrain-bal-novstd]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 3 --balanced --exclude mfcc\\d+\\.voiced\\.stddev|$V3_ADDED"
  [v2-svm-c3-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 3 --balanced --speaker-norm --exclude $V3_ADDED"
  [v2-svm-c3-g0.02-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 3 --gamma 0.02 --balanced --speaker-norm --exclude $V3_ADDED"
  [v2-svm-c1-g0.005-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 1 --gamma 0.005 --balanced --speaker-norm --exclude $V3_ADDED"
  [v2-x2-svm-c3-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier svm --cost 3 --balanced --speaker-norm --exclude $X2|$V3_ADDED"
  [v2-liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --exclude $V3_ADDED"
  [v2-liblinear-c0.03-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.03 --balanced --exclude $V3_ADDED"
  [v2-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm --exclude $V3_ADDED"
  [v2-x2-liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --exclude $X2|$V3_ADDED"
  [v3-x4-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --exclude $X4"
  [v3-x4-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X4"
  [v3-x5-linear-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --exclude $X5"
  [v3-x5-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X5"
  [v2-x4-liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --exclude $X4|$V3_ADDED"
  [v2-x4-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm --exclude $X4|$V3_ADDED"
  [v3-liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced"
  [v3-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm"
  [v3-x5-liblinear-c0.1-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --exclude $X5"
  [v3-x5-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm --exclude $X5"
  [v3-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm"
  [v2-x4-linear-calmout-bal-norm]="--leave-out calm --classifier linear --balanced --speaker-norm --exclude $X4|$V3_ADDED"
  [v2-x4-linear-calmtrain-bal-norm-noise20]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --augment noise=20 --exclude $X4|$V3_ADDED"
  [v2-x4-linear-calmtrain-bal-noise20]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --augment noise=20 --exclude $X4|$V3_ADDED"
  [v3-x6-linear-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --speaker-norm --exclude $X6"
  [v3-liblinear-c0.03-calmtrain-bal]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.03 --balanced"
  [v3-x6-linear-calmtrain-bal-noise20]="${CALM_TRAIN_LIMITED[*]} --classifier linear --balanced --augment noise=20 --exclude $X6"
  [v3-liblinear-c0.1-calmtrain-bal-noise20]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --augment noise=20"
  [v2-x2-liblinear-c0.1-calmtrain-bal-norm]="${CALM_TRAIN_LIMITED[*]} --classifier liblinear --cost 0.1 --balanced --speaker-norm --exclude $X2|$V3_ADDED"
)
ALL=(linear linear-e10 linear-e100-lr0.05 fm liblinear-c0.01 liblinear-c0.1 liblinear-c1 svm-c1
     svm-c3 svm-c10 svm-c3-g0.005 svm-c10-g0.005 svm-c3-g0.03 svm-c3-bal svm-c3-calmtrain
     svm-c3-calmtrain-bal linear-bal linear-calmtrain liblinear-c0.1-calmtrain-bal
     svm-c3-calmtrain-bal-speed linear-calmtrain-bal-speed rt-linear-norm
     rt-linear-calmtrain-bal-norm rt-svm-c3-calmtrain-bal-norm
     rt-liblinear-c0.1-calmtrain-bal-norm ens-calmtrain-bal l3-linear-calmtrain-bal-norm
     l3-linear-calmtrain-bal l2-linear-calmtrain-bal-norm x1-linear-calmtrain-bal-norm
     x2-linear-calmtrain-bal-norm v2-linear-calmtrain-bal v2-linear-calmtrain-bal-norm
     v2-x2-linear-calmtrain-bal-norm v2-x3-linear-calmtrain-bal-norm
     v2-x3-l2-linear-calmtrain-bal-norm v2-x4-linear-calmtrain-bal-norm v2-x4-linear-calmtrain-bal
     v2-svm-c3-calmtrain-bal
     v2-svm-c3-calmtrain-bal-novstd v2-svm-c3-calmtrain-bal-norm v2-svm-c3-g0.02-calmtrain-bal-norm
     v2-svm-c1-g0.005-calmtrain-bal-norm v2-x2-svm-c3-calmtrain-bal-norm
     v2-liblinear-c0.1-calmtrain-bal v2-liblinear-c0.03-calmtrain-bal
     v2-liblinear-c0.1-calmtrain-bal-norm v2-x2-liblinear-c0.1-calmtrain-bal
     v2-x2-liblinear-c0.1-calmtrain-bal-norm
     v3-x4-linear-calmtrain-bal v3-x4-linear-calmtrain-bal-norm v3-x5-linear-calmtrain-bal
     v3-x5-linear-calmtrain-bal-norm v2-x4-liblinear-c0.1-calmtrain-bal
     v2-x4-liblinear-c0.1-calmtrain-bal-norm v3-liblinear-c0.1-calmtrain-bal
     v3-liblinear-c0.1-calmtrain-bal-norm v3-x5-liblinear-c0.1-calmtrain-bal
     v3-x5-liblinear-c0.1-calmtrain-bal-norm v3-linear-calmtrain-bal-norm
     v2-x4-linear-calmout-bal-norm v2-x4-linear-calmtrain-bal-norm-noise20
     v2-x4-linear-calmtrain-bal-noise20 v3-x6-linear-calmtrain-bal-norm
     v3-liblinear-c0.03-calmtrain-bal v3-x6-linear-calmtrain-bal-noise20
     v3-liblinear-c0.1-calmtrain-bal-noise20)
NAMES=("$@")
if [ ${#NAMES[@]} -eq 0 ]; then
  NAMES=("${ALL[@]}")
fi
for name in "${NAMES[@]}"; do
  echo "== $name: ./affect4j train-voice ${COMMON[*]} ${CONFIGS[$name]} --out $WORK/$name.onnx"
  # shellcheck disable=SC2086
  nice -n 19 java -jar "$ROOT/examples/cli/target/affect4j-cli.jar" train-voice "${COMMON[@]}" \
      ${CONFIGS[$name]} --out "$WORK/$name.onnx" 2>&1 | grep -v '^wrote '
  # Feature set 3 was measured and reverted (commit 3a7543f has it): on a build without it the
  # v3-* rows would silently run on set 2's features.
  if [[ "$name" == v3-* ]] && ! grep -q 'featureSet=affect4j-voice-features/3' \
      "$WORK/$name.card.properties"; then
    echo "ERROR: $name needs feature set 3: build commit 3a7543f (or e10c5b9) to reproduce it" >&2
    exit 1
  fi
done
