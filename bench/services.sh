#!/usr/bin/env bash
# The directory search (issue 15: "answers within 50 ms at the median on the national dataset"). On PostgreSQL
# database kohtaamo_bench_services, unless it holds them already: the national geography and a small share of its
# places (`generate-national --scale=0.02`, all 22 counties and 293 municipalities) and the directory's full national
# part (guidance NationalDirectoryData: ~5 600 services, which do not follow --scale). Then, with Kohtaamo in
# production mode:
#   1. the search page over HTTP: a list of distinct addresses (needs × municipalities, words with and without a
#      municipality, languages, ages, pages) walked in order by wrk, each address asked once, so every answer is a
#      first request computed from the database (no address is repeated while measured);
#   2. the first request after the start of a few addresses, with curl;
#   3. the query alone: bench/sql/services-need.sql and services-word.sql by pgbench (random parameters).
# Usage: bench/services.sh [--fresh] [--duration SECONDS]. Needs wrk, pgbench, PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=15
fresh=""
while [ $# -gt 0 ]; do
  case $1 in
    --fresh) fresh=1 ;;
    --duration) duration=$2; shift ;;
  esac
  shift
done
db=kohtaamo_bench_services
port=8097
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
work=$(mktemp -d /tmp/kohtaamo-services-bench.XXXXXX)
app_pid=""
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT

[ -n "$(ls target/kohtaamo-*.jar 2>/dev/null | grep -v plain)" ] || ./mvnw -q -o -DskipTests package
jar=$(ls target/kohtaamo-*.jar | grep -v plain | head -1)
have=$("${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$db'")
if [ -n "$fresh" ] || [ -z "$have" ] \
    || [ "$("${PSQL[@]}" -d $db -c "select count(*) from guidance_service" 2>/dev/null || echo 0)" = 0 ]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
  start=$(date +%s)
  KOHTAAMO_MODE=dev KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
    java -jar "$jar" generate-national --seed=1 --scale=0.02 >"$work/generate.log" 2>&1 \
    || { tail -50 "$work/generate.log"; exit 1; }
  grep -E "NationalDataCommand" "$work/generate.log" | sed 's/.*NationalDataCommand *: */  /'
  echo "  generated in $(( $(date +%s) - start )) s"
  "${PSQL[@]}" -d $db -c "vacuum analyze" >/dev/null
fi
echo "dataset: $("${PSQL[@]}" -d $db -c "select (select count(*) from guidance_service) || ' services (' \
  || (select count(*) from guidance_service where status in ('ACTIVE', 'TEMPORARILY_CLOSED')) || ' public) in ' \
  || (select count(distinct county_id) from guidance_service) || ' counties, ' \
  || (select count(*) from guidance_service_need) || ' service needs, ' \
  || (select count(*) from guidance_service_municipality) || ' service municipalities, ' \
  || (select count(*) from guidance_channel) || ' channels, ' || (select count(*) from guidance_hours) || ' hours'")"

env PORT=$port KOHTAAMO_MODE=production KOHTAAMO_JOBS=false KOHTAAMO_SECURE_COOKIES=true \
  KOHTAAMO_PUBLIC_BASE_URL="http://127.0.0.1:$port" \
  KOHTAAMO_ADMIN_EMAIL=bench@example.fi KOHTAAMO_ADMIN_PASSWORD=lantern-quietly-orbit-7 \
  KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
  java -Xmx768m -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
  sleep 1
done

# distinct addresses, in a fixed pseudo-random order (RANDOM seeded), none repeated
munis=($("${PSQL[@]}" -d $db -c "select code from municipality order by code"))
needs=(pregnancy baby_care sleep eating speech development behaviour parenting relationship separation money housing
  loneliness exhaustion mental_health substances violence moving_to_finland disability daycare oral_health grief leisure)
words=(neuvo puhe perhe "r%C3%A5dgivn" speech diakon vertais suun varhaiskasv mielenterv helpline kulttuuri
  "s%C3%B6mn" sleep raha uni "neuvola+perhe" "tal" "family+support" "child+health")
langs=(fi sv en ar so ru)
RANDOM=1
: >"$work/paths"
for m in "${munis[@]}"; do
  for i in 1 2 3 4 5 6; do
    case $((RANDOM % 6)) in
      0) echo "/services?need=${needs[RANDOM % ${#needs[@]}]}&municipality=$m&lang=fi&v=$i" ;;
      1) echo "/services?q=${words[RANDOM % ${#words[@]}]}&municipality=$m&lang=sv&v=$i" ;;
      2) echo "/services?need=${needs[RANDOM % ${#needs[@]}]}&municipality=$m&age=$((RANDOM % 18))&lang=en&v=$i" ;;
      3) echo "/services?q=${words[RANDOM % ${#words[@]}]}&language=${langs[RANDOM % ${#langs[@]}]}&lang=fi&v=$i" ;;
      4) echo "/services?need=${needs[RANDOM % ${#needs[@]}]}&page=$((RANDOM % 5))&lang=fi&v=$i" ;;
      5) echo "/services?municipality=$m&language=${langs[RANDOM % ${#langs[@]}]}&age=expecting&lang=fi&v=$i" ;;
    esac
  done
done | awk '!seen[$0]++' >"$work/paths"
total=$(wc -l <"$work/paths")
# the v= parameter only keeps addresses apart: the page ignores it (counted among the 12 parameters allowed)
{
  echo "local paths = {"
  sed 's/.*/  "&",/' "$work/paths"
  echo "}"
  cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end
local statuses = {}
response = function(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("  %d requests in %.1f s (%.0f/s), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
} >"$work/walk.lua"

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before measuring; $(nproc) CPUs"
echo "== first requests after the start (curl, ms)"
for p in "/services?lang=fi" "/services?need=sleep&municipality=${munis[0]}&lang=fi" "/services?q=neuvo&lang=fi"; do
  printf "  %-60s %s\n" "$p" "$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$p" | awk '{ printf "%.1f", $1 * 1000 }')"
done
echo "== warm-up: JIT on other addresses (the list below starts afresh: the data version moves first)"
wrk -t1 -c2 -d5s "http://127.0.0.1:$port/services?q=warm&lang=fi" >/dev/null
# a write moves the data version, so nothing computed during the warm-up is reused
"${PSQL[@]}" -d $db -c "update data_version set version = version + 1" -c "select pg_notify('kohtaamo_data_version', '')" >/dev/null
echo "== the search page, $total distinct addresses walked in order, 1 connection, ${duration}s"
wrk -t1 -c1 -d${duration}s --latency -s "$work/walk.lua" "http://127.0.0.1:$port" | grep -E "^  [0-9]+ requests"
"${PSQL[@]}" -d $db -c "update data_version set version = version + 1" -c "select pg_notify('kohtaamo_data_version', '')" >/dev/null
echo "== the same, 4 connections, ${duration}s"
wrk -t1 -c4 -d${duration}s --latency -s "$work/walk.lua" "http://127.0.0.1:$port" | grep -E "^  [0-9]+ requests"
echo "== the query alone (pgbench -M prepared -c1, ${duration}s each)"
for f in bench/sql/services-need.sql bench/sql/services-word.sql; do
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 1 -j 1 -T "$duration" -f "$OLDPWD/$f" -l \
    --log-prefix=pgbench_log $db >"$work/pgbench.out" 2>&1) || { cat "$work/pgbench.out"; exit 1; }
  cat "$work"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n >"$work/lat"
  n=$(wc -l <"$work/lat")
  printf "  %-32s %6d runs, p50 %.2f ms, p99 %.2f ms\n" "$(basename $f)" "$n" \
    "$(sed -n "$(( (n + 1) / 2 ))p" "$work/lat")" "$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$work/lat")"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "server log errors: $(grep -c " ERROR " "$work/app.log" || true)"
