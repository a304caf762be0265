#!/usr/bin/env bash
# Feedback flood beside the public calendar (issue 14): measures the calendar page of Espoo's week alone, then again
# while wrk floods the feedback form of every demo place with answers from ever-changing sender addresses (so the
# per-address limit does not stop them; the per-place limit of 600 a day does, after which answers are refused with
# 429 before anything is read or stored). A busy county has about 100 places with about 100 visits a day: even if
# every visitor answered, that is ~10 000 answers a day, ~0.1 a second (~1 a second at the busiest hour); the flood
# sends hundreds a second. A paced phase sends about 50 a second, 50 times that busiest hour.
# A last phase floods ALL the anonymous forms at once (quick feedback and its kiosk, survey answers, wishes for a place
# and for an area, wish supports, accessibility feedback: every post of shared.AnonymousPosts) while the calendar is
# read, and counts what each form stored: the limits per sender, place, board and county bound them all.
# Usage: bench/feedback.sh [--duration SECONDS]. Needs what bench/run.sh needs (wrk, PostgreSQL on 127.0.0.1:5432).
# Database kohtaamo_bench_feedback (demo data loaded by the application; the feedback table emptied first).
# KOHTAAMO_BENCH_DB and KOHTAAMO_BENCH_PORT choose another database and port (default 8098).
# KOHTAAMO_BENCH_JAR=path runs another build (to compare two back to back). Besides the rates it prints the CPU time
# the server spent per flood request (from /proc), which the load of other processes on the machine changes far less.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
[ "${1:-}" = "--duration" ] && duration=$2
db=${KOHTAAMO_BENCH_DB:-kohtaamo_bench_feedback}
port=${KOHTAAMO_BENCH_PORT:-8098}
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
# a paced flood: 4 connections, each waiting 80 ms between answers, about 50 answers a second (50 times the busiest
# hour of a busy county, 500 times its daily mean): the rate the issue asks the calendar to keep its figures beside
{ cat "$work/flood.lua"; echo 'delay = function() return 80 end'; } >"$work/paced.lua"
"${PSQL[@]}" -d $db -c "delete from feedback"
echo "== calendar while a paced flood runs (about 50 answers a second)"
before=$("${PSQL[@]}" -d $db -c "select count(*) from feedback")
wrk -t1 -c4 -d${duration}s -s "$work/paced.lua" "http://127.0.0.1:$port/" >"$work/paced.txt" &
flood=$!
sleep 1
wrk -t1 -c16 -d$((duration - 2))s -s "$work/status.lua" "$calendar" | tail -1
wait $flood
after=$("${PSQL[@]}" -d $db -c "select count(*) from feedback")
grep -E "Requests/sec|Non-2xx" "$work/paced.txt" | sed 's/^/paced flood: /'
echo "paced flood: $((after - before)) answers stored in ${duration}s"
echo "== calendar after the flood"
wrk -t1 -c16 -d${duration}s -s "$work/status.lua" "$calendar" | tail -1

# ---- every anonymous form at once ---------------------------------------------------------------------------------
areas=$("${PSQL[@]}" -d $db -c "select string_agg(distinct area_id::text, ',') from place where published")
wishes=$("${PSQL[@]}" -d $db -c "select coalesce(string_agg(id::text, ','), '') from wish where status = 'PUBLISHED'")
counties=$("${PSQL[@]}" -d $db -c "select string_agg(id::text, ',') from county")
# each open survey at each of its places, with a valid answer to its required questions that need no other answer
surveys=$("${PSQL[@]}" -d $db -c "
  select coalesce(string_agg('{' || s.id || ',' || sp.place_id || ',\"' || coalesce((
    select string_agg('q' || q.id || '=' || case q.kind when 'SCALE' then '4' when 'YES_NO' then 'yes'
             else (select min(o.code) from survey_option o where o.question_id = q.id) end, '&')
    from survey_question q where q.survey_id = s.id and q.required and not q.retired and q.cond_question_id is null
      and q.kind <> 'TEXT'), '') || '\"}', ','), '')
  from survey s join survey_place sp on sp.survey_id = s.id
  where s.opens_on <= current_date and s.closes_on >= current_date")
cat >"$work/mixed.lua" <<LUA
local places = {$places}
local areas = {$areas}
local wishes = {$wishes}
local counties = {$counties}
local surveys = {$surveys}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local function pick(t) return t[math.random(#t)] end
request = function()
  wrk.headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local k = math.random(7)
  if k == 1 then
    return wrk.format(nil, "/places/" .. pick(places) .. "/feedback?lang=fi", nil, "face=" .. math.random(1, 5))
  elseif k == 2 then
    return wrk.format(nil, "/places/" .. pick(places) .. "/feedback/kiosk?lang=sv", nil, "face=4&best=Sagostund")
  elseif k == 3 and #surveys > 0 then
    local s = pick(surveys)
    return wrk.format(nil, "/surveys/" .. s[1] .. "?lang=fi", nil,
      "place=" .. s[2] .. "&js=1&action=send&" .. s[3])
  elseif k == 4 then
    return wrk.format(nil, "/places/" .. pick(places) .. "/wishes?lang=fi", nil, "wish=Lis%C3%A4%C3%A4+iltaryhmi%C3%A4")
  elseif k == 5 then
    return wrk.format(nil, "/wishes/areas/" .. pick(areas) .. "?lang=en", nil, "wish=A+summer+trip")
  elseif k == 6 and #wishes > 0 then
    return wrk.format(nil, "/wishes/" .. pick(wishes) .. "/support?lang=fi", nil, "")
  else
    return wrk.format(nil, "/accessibility/feedback?lang=fi", nil,
      "feedbackCounty=" .. pick(counties) .. "&feedback=Kontrasti+on+heikko")
  end
end
local counts = {}
response = function(status) counts[status] = (counts[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("mixed flood: %.0f req/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
stored() {
  "${PSQL[@]}" -d $db -c "select (select count(*) from feedback) || ' feedback, ' || (select count(*) from survey_response)
    || ' survey answers, ' || (select count(*) from wish) || ' wishes, ' || (select coalesce(sum(supports), 0) from wish)
    || ' supports, ' || (select count(*) from accessibility_feedback) || ' accessibility feedback'"
}
echo "== calendar while every anonymous form is flooded (flood: 64 connections; $(echo "$surveys" | grep -o '{' | wc -l) open survey places)"
echo "stored before: $(stored)"
wrk -t1 -c64 -d${duration}s -s "$work/mixed.lua" "http://127.0.0.1:$port/" >"$work/mixed.txt" &
flood=$!
sleep 1
wrk -t1 -c16 -d$((duration - 2))s -s "$work/status.lua" "$calendar" | tail -1
wait $flood
grep -E "mixed flood|Non-2xx" "$work/mixed.txt" | sed 's/^/  /'
echo "stored after:  $(stored)"
echo "== calendar after the mixed flood"
wrk -t1 -c16 -d${duration}s -s "$work/status.lua" "$calendar" | tail -1
