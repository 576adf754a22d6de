#!/usr/bin/env bash
# Fuzzes MidiReader with Jazzer (coverage-guided) for MINUTES in total.
#
#   midi-io/fuzz.sh [MINUTES] [lenient|strict|both]      (defaults: 10, both)
#
# "both" gives each of the two @FuzzTest methods of MidiReaderFuzzTest half the time, one after the
# other (Jazzer fuzzes one method per JVM). Fuzzing mode is chosen only by JAZZER_FUZZ=1, which this
# script sets; a plain ./mvnw verify replays the Inputs directories instead (regression mode).
# JAZZER_MAX_DURATION overrides @FuzzTest(maxDuration). The methods' @Timeout(10) becomes libFuzzer's
# per-input -timeout (an input slower than 10 s is a finding); JUnit's own timeout enforcement is
# switched off here, as it would otherwise apply to the whole fuzzing run, which is one invocation.
#
# Where inputs go (paths relative to midi-io/):
#   .cifuzz-corpus/org.partita.midi.MidiReaderFuzzTest/<method>/   inputs with new coverage (gitignored)
#   src/test/resources/org/partita/midi/MidiReaderFuzzTestInputs/<method>/crash-*   failing inputs:
#       commit them, and plain ./mvnw verify replays them as regression tests.
#   target/fuzz-<method>.log   full fuzzer output; the script prints the execution count at the end.
set -euo pipefail

minutes=${1:-10}
which=${2:-both}
if ! [[ $minutes =~ ^[0-9]+$ ]] || (( minutes < 1 )); then
    echo "usage: $0 [MINUTES>=1] [lenient|strict|both]" >&2
    exit 2
fi
lenient=lenientReadOfAnyBytesGivesAValidScoreOrAFormatException
strict=strictReadOfAnyBytesSucceedsOnlyWithTheScoreTheLenientReaderGives
case $which in
    lenient) methods=("$lenient"); seconds=$(( minutes * 60 )) ;;
    strict) methods=("$strict"); seconds=$(( minutes * 60 )) ;;
    both) methods=("$lenient" "$strict"); seconds=$(( minutes * 30 )) ;;
    *) echo "unknown target '$which': lenient, strict or both" >&2; exit 2 ;;
esac

module=$(cd "$(dirname "$0")" && pwd)
cd "$module/.."
mkdir -p "$module/target"
status=0
for method in "${methods[@]}"; do
    log="$module/target/fuzz-$method.log"
    echo "fuzzing $method for ${seconds}s; log: $log"
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B -pl midi-io -am test \
        -Dtest="MidiReaderFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1 || status=$?
    # libFuzzer's final line: "Done N runs in S second(s)"; on a finding it prints the crash path.
    grep -E '^Done [0-9]+ runs|^#[0-9]+ +DONE|Test unit written to|==[0-9]+== ERROR|BUILD (SUCCESS|FAILURE)' "$log" \
        | sed "s/^/  /" || true
done
exit "$status"
