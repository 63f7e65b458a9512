#!/usr/bin/env bash
# Fuzzes every parser of outside bytes with Jazzer, one target after the other, for MINUTES
# each (default 3), and writes the result to FUZZING.md. Run from anywhere:
#
#   scripts/fuzz.sh [minutes] [target-filter]
#
# New corpus entries go to <module>/.cifuzz-corpus/ (not committed); a finding is written by
# Jazzer into the target's committed inputs folder
# (<module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-*), so `./mvnw verify`
# replays it from then on: fix it, keep the file. Each target runs at low priority with a
# 10-second limit per input (the @Timeout of the fuzz test) in its own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-3}"
filter="${2:-}"
targets=(
  "core core MediaFuzzTest#sniffFormat"
  "core core MediaFuzzTest#decodeImage"
  "core core MediaFuzzTest#readWav"
  "core/onnx core/onnx ModelCardReaderFuzzTest#readCard"
  "face face ModelCardFuzzTest#readCard"
  "voice voice VoiceCardFuzzTest#readFeatureCard"
  "voice voice VoiceCardFuzzTest#readWaveformCard"
  "examples/cli examples/cli LabelledDatasetFuzzTest#readCsv"
)

log_dir="target/fuzz"
mkdir -p "$log_dir"
# Build once; each fuzz run then only runs Surefire's main execution in the target's module.
./mvnw -B -ntp -q -o test-compile -pl core,core/onnx,face,voice,examples/cli -am >/dev/null

summary=()
status=0
for entry in "${targets[@]}"; do
  read -r module _ test <<<"$entry"
  if [[ -n "$filter" && "$test" != *"$filter"* ]]; then
    continue
  fi
  log="$log_dir/${test//#/.}.log"
  echo "fuzzing $test in $module for $minutes min (log: $log)"
  set +e
  JAZZER_FUZZ=1 nice -n 19 ./mvnw -B -ntp -o -pl "$module" -am \
      test-compile surefire:test@default-test \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.max_duration="${minutes}m" \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1
  rc=$?
  set -e
  # libFuzzer's last status line: "#<executions> DONE cov: ..." or the line before a crash.
  runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  if [[ $rc -eq 0 ]]; then
    result="no finding"
  else
    result="FINDING (see $log)"
    status=1
  fi
  summary+=("| \`$test\` | ${runs:-?} | ${cov:-?} | $result |")
done

{
  echo "# Fuzzing"
  echo
  echo "Every parser of outside bytes has a Jazzer fuzz test (\`@FuzzTest\`). \`./mvnw verify\`"
  echo "replays the committed corpus (seeds written by \`java scripts/FuzzSeeds.java\`, plus any"
  echo "finding kept as a regression case); \`scripts/fuzz.sh [minutes]\` fuzzes each target and"
  echo "rewrites this file. Allowed failures are the documented ones only (InvalidMediaException,"
  echo "InvalidModelException, IllegalArgumentException where documented, the CLI's"
  echo "InvalidDatasetException); any other exception, an OutOfMemoryError or more than 10 s on one"
  echo "input is a finding."
  echo
  echo "## Last run"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(java -version 2>&1 | head -1), Jazzer $(sed -n 's:.*<jazzer.version>\(.*\)</jazzer.version>.*:\1:p' pom.xml)"
  echo "- time per target: $minutes min, at nice 19 on a shared machine"
  echo
  echo "| target | executions | coverage (edges) | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${summary[@]}"
  # The findings are written by hand as they are fixed: keep that section.
  if [[ -f FUZZING.md ]]; then
    echo
    sed -n '/^## Findings/,$p' FUZZING.md
  fi
} > FUZZING.md.new
if [[ -z "$filter" ]]; then
  mv FUZZING.md.new FUZZING.md
else
  echo "(filtered run: FUZZING.md not rewritten; summary in FUZZING.md.new)"
fi
exit $status
