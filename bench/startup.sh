#!/usr/bin/env bash
# Issue 2 bar: the README's run command serves the place list within 20 s of start.
# Measures, from a compiled tree, the seconds from launching `./mvnw spring-boot:run` until
# GET /places answers 200, and until the list shows the demo places (demo data loads after the server
# starts): once on an empty database (Flyway + all demo data) and once on the kept one.
# Usage: bench/startup.sh            (run from the repository root; uses port 8099 and a temporary data dir)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8099
data=$(mktemp -d)
./mvnw -q -o -DskipTests compile >/dev/null 2>&1 || ./mvnw -q -DskipTests compile
measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  PORT=$port KOHTAAMO_DB_URL="jdbc:h2:file:$data/kohtaamo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    ./mvnw -q spring-boot:run >"$data/$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/places"; do
    sleep 0.2
    if ! kill -0 "$pid" 2>/dev/null; then echo "$label: the application stopped, see $data/$label.log"; exit 1; fi
  done
  end=$(date +%s%N)
  # demo data loads after the server answers: also time until the list shows the demo places
  until curl -sf -o "$data/places.html" "http://localhost:$port/places" && grep -q 'class="card"' "$data/places.html"; do
    sleep 0.2
  done
  full=$(date +%s%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v f="$full" \
    'BEGIN { printf "%-30s %6.1f s to the first /places answer, %6.1f s to the demo places listed\n", l, (e - s) / 1e9, (f - s) / 1e9 }'
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pkill -f "fi.kohtaamo.KohtaamoApplication" 2>/dev/null || true
  while curl -s -o /dev/null "http://localhost:$port/"; do sleep 0.5; done
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
measure "first start (empty database)"
measure "second start (kept database)"
rm -rf "$data"  # logs: kept only when something failed
