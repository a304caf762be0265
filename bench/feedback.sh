#!/usr/bin/env bash
# Feedback flood beside the public calendar (issue 14): measures the calendar page of Espoo's week alone, then again
# while wrk floods the feedback form of every demo place with answers from ever-changing sender addresses (so the
# per-address limit does not stop them; the per-place limit of 600 a day does, after which answers are refused with
# 429 before anything is read or stored). A busy county has about 100 places with about 100 visits a day: even if
# every visitor answered, that is ~10 000 answers a day, ~0.1 a second (~1 a second at the busiest hour); the flood
# sends hundreds a second.
# Usage: bench/feedback.sh [--duration SECONDS]. Needs what bench/run.sh needs (wrk, PostgreSQL on 127.0.0.1:5432).
# Database kohtaamo_bench_feedback (demo data loaded by the application; the feedback table emptied first).
# KOHTAAMO_BENCH_JAR=path runs another build (to compare two back to back). Besides the rates it prints the CPU time
# the server spent per flood request (from /proc), which the load of other processes on the machine changes far less.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
[ "${1:-}" = "--duration" ] && duration=$2
db=kohtaamo_bench_feedback
port=8098
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
work=$(mktemp -d /tmp/kohtaamo-feedback-bench.XXXXXX)
app_pid=""
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT

jar=${KOHTAAMO_BENCH_JAR:-}
if [ -z "$jar" ]; then
  [ -n "$(ls target/kohtaamo-*.jar 2>/dev/null | grep -v plain)" ] || ./mvnw -q -o -DskipTests package
  jar=$(ls target/kohtaamo-*.jar | grep -v plain | head -1)
fi
"${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "create database $db"

env PORT=$port KOHTAAMO_MODE=production KOHTAAMO_JOBS=false KOHTAAMO_SECURE_COOKIES=true \
  KOHTAAMO_PUBLIC_BASE_URL="http://127.0.0.1:$port" KOHTAAMO_DEMO=true KOHTAAMO_DEMO_PASSWORD=bench-demo-password \
  KOHTAAMO_ADMIN_EMAIL=bench@example.fi KOHTAAMO_ADMIN_PASSWORD=lantern-quietly-orbit-7 \
  KOHTAAMO_FORWARD_HEADERS=framework \
  KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
  java -Xmx768m -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!
# the demo data is loaded after the server starts answering (on a new database, for minutes): wait for the line
# that says it is done, so that its loading is not measured beside the calendar
until grep -q "Kohtaamo is running" "$work/app.log"; do
  kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
  sleep 1
done
"${PSQL[@]}" -d $db -c "delete from feedback"
places=$("${PSQL[@]}" -d $db -c "select string_agg(id::text, ',') from place where published")
calendar="http://127.0.0.1:$port/calendar?municipality=049&lang=fi"
curl -sf -o /dev/null "$calendar"

cat >"$work/flood.lua" <<LUA
local places = {$places}
local statuses = {}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  n = n + 1
  local p = places[math.random(#places)]
  wrk.headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format(nil, "/places/" .. p .. "/feedback?lang=fi", nil,
    "face=" .. math.random(1, 5) .. "&best=Lauluhetki+oli+kiva&wish=Lis%C3%A4%C3%A4+iltoja")
end
LUA
cat >"$work/status.lua" <<'LUA'
local counts = {}
response = function(status) counts[status] = (counts[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("calendar: %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
# warm up (JIT, caches) on both paths before anything is measured, then empty the table again
wrk -t1 -c16 -d${duration}s "$calendar" >/dev/null
wrk -t1 -c16 -d5s -s "$work/flood.lua" "http://127.0.0.1:$port/" >/dev/null
"${PSQL[@]}" -d $db -c "delete from feedback"
echo "== calendar alone (16 connections, ${duration}s)"
wrk -t1 -c16 -d${duration}s -s "$work/status.lua" "$calendar" | tail -1
cpu() { awk '{print $14 + $15}' /proc/$app_pid/stat; }
# the flood alone, then refused answers alone (one place whose day's 600 are used): requests a second and the server's
# CPU time per request
flood_alone() { # label, lua script
  local c0 c1 n
  c0=$(cpu)
  wrk -t1 -c64 -d${duration}s -s "$2" "http://127.0.0.1:$port/" >"$work/alone.txt"
  c1=$(cpu)
  n=$(awk '/requests in/ {print $1}' "$work/alone.txt")
  echo "$1: $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/alone.txt") req/s, $(awk '/Latency/ {print "mean " $2}' \
    "$work/alone.txt"), server CPU $(( (c1 - c0) * 10000 / n )) µs per request ($n requests, \
    $(awk '/Non-2xx/ {n = $5} END {print n + 0}' "$work/alone.txt") refused)"
}
echo "== the flood alone (64 connections, ${duration}s)"
flood_alone "flood alone" "$work/flood.lua"
first=${places%%,*}
sed "s/^local places = .*/local places = {$first}/" "$work/flood.lua" >"$work/refused.lua"
for _ in $(seq 1 90); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'X-Forwarded-For: 10.255.255.1' -d face=3 \
    "http://127.0.0.1:$port/places/$first/feedback?lang=fi")" = 429 ] && break
  wrk -t1 -c16 -d2s -s "$work/refused.lua" "http://127.0.0.1:$port/" >/dev/null
done
flood_alone "refused alone (place $first over its limit)" "$work/refused.lua"
"${PSQL[@]}" -d $db -c "delete from feedback"
echo "== calendar while the feedback flood runs (flood: 64 connections)"
before=$("${PSQL[@]}" -d $db -c "select count(*) from feedback")
cpu0=$(cpu)
wrk -t1 -c64 -d${duration}s --latency -s "$work/flood.lua" "http://127.0.0.1:$port/" >"$work/flood.txt" &
flood=$!
sleep 1
wrk -t1 -c16 -d$((duration - 2))s -s "$work/status.lua" "$calendar" | tail -1
wait $flood
cpu1=$(cpu)
after=$("${PSQL[@]}" -d $db -c "select count(*) from feedback")
grep -E "Requests/sec|50%|99%|Non-2xx" "$work/flood.txt" | sed 's/^/flood: /'
echo "server CPU in the flood phase: $(( (cpu1 - cpu0) * 10 )) ms (the calendar's requests included)"
echo "flood: $((after - before)) answers stored in ${duration}s ($(( (after - before) / duration ))/s); the rest refused (429, per place) "
echo "== calendar after the flood"
wrk -t1 -c16 -d${duration}s -s "$work/status.lua" "$calendar" | tail -1
