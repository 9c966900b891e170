#!/usr/bin/env bash
# Builds the libFuzzer targets (AddressSanitizer on) and runs each for a bounded time.
#   bash Scripts/fuzz.sh            # 60 s per target (what CI runs)
#   bash Scripts/fuzz.sh 600        # longer
# Seed corpus: the examples and the bad-input battery. Findings (crashes, leaks, timeouts)
# are written to .build-fuzz/findings/ and make this script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
flags=(-c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address --scratch-path "$scratch")
for target in FuzzDocument FuzzMeeting; do
  swift build "${flags[@]}" --product "$target" >&2
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

mkdir -p "$scratch/corpus/document" "$scratch/corpus/meeting" "$scratch/findings"
# Named by their path, so files of the same name in different folders do not collide.
seed() { local dir="$1"; shift; for f in "$@"; do cp "$f" "$dir/${f//\//_}"; done; }
seed "$scratch/corpus/document" examples/*.yaml examples/fout/*.yaml examples/vergadering/stukken/*.yaml \
  Tests/StukkenTests/Fixtures/battery/*.yaml
seed "$scratch/corpus/meeting" examples/vergadering/vergadering.yaml Tests/StukkenTests/Fixtures/battery/pack/*.yaml

status=0
for pair in FuzzDocument:document FuzzMeeting:meeting; do
  target="${pair%%:*}"; corpus="${pair##*:}"
  log="$scratch/$target.log"
  echo "fuzz: $target for ${seconds} s" >&2
  # -timeout: an input slower than 10 s (under ASan) is a finding; -rss_limit_mb bounds memory
  # (and so catches leaks that grow per input). detect_leaks=0: LeakSanitizer's check at exit
  # reports the once-initialised static field tables (Swift globals of indirect enums) as
  # leaks, on every run, even for an empty input.
  if ! ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$scratch/corpus/$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$scratch/findings/$target-" >"$log" 2>&1; then
    status=1
    echo "fuzz: $target found a problem; see $log and $scratch/findings/" >&2
    tail -40 "$log" >&2
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: " "$log" | tail -3 >&2 || true
done
exit $status
