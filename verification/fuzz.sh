#!/usr/bin/env bash
# Bounded fuzzing of every @FuzzTest target of the verification module (SRS-VER-006).
#
#   verification/fuzz.sh [seconds-per-target] [target ...]     (default: 60 s, every target)
#
# Jazzer fuzzes one @FuzzTest per JVM and only with JAZZER_FUZZ set (the -Pfuzz profile sets it for
# Surefire's JVM), so each target runs in its own Maven call, for -Djazzer.max_duration. An input that
# fails is saved by Jazzer as a new seed file under
# src/test/resources/<package>/<Class>Inputs/<method>/, where every later plain build runs it (regression
# mode): commit it with the fix. The wire protocol's targets are in the drivers module (WireFuzzTest):
#   JAZZER_FUZZ=1 mvn -B -pl drivers -am test -Dtest='WireFuzzTest#decoder' -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    'ParserFuzzTest#scenarioFiles'
    'ParserFuzzTest#configurationFiles'
    'ParserFuzzTest#hazardRegisters'
    'ParserFuzzTest#requirementsFiles'
    'ParserFuzzTest#driverSettings'
    'KernelInputFuzzTest#armWithArbitraryNumbers'
    'RequestPathFuzzTest#requestsFromAUi'
  )
fi
failed=()
for target in "${targets[@]}"; do
  echo "== fuzzing $target for ${seconds}s"
  if ! mvn -B -o -q -pl verification -am test -Pfuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${seconds}s"; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzzing found failing inputs in: ${failed[*]} (see the new files under verification/src/test/resources)"
  exit 1
fi
echo "fuzzing: ${#targets[@]} target(s), ${seconds}s each, no failing input"
