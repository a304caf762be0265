#!/usr/bin/env bash
# Planning (issue 16: "the overlap and gap analysis of the national dataset's largest county answers within 1 s, and
# the whole nation's within 5 s, on PostgreSQL"). On PostgreSQL database kohtaamo_bench_planning, unless it holds the
# national dataset already (`generate-national --seed=1`, whole scale: ~5 000 places, ~42 000 activities; only the
# places and activities matter here, so an interrupted generation after the calendar's part is enough). Then, with
# Kohtaamo in production mode, signed in as the administrator, each page over HTTP with curl: the overlaps
# (/admin/planning) and the gaps (/admin/planning/gaps) of the county with the most places and of the whole nation
# (county=all), over the default window of 8 weeks (every activity planned by the calendar's planner for 56 days);
# the first request after the start and the median of 5 more (nothing of planning is cached between requests).
# Usage: bench/planning.sh [--fresh]. Needs curl and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=""
[ "${1:-}" = "--fresh" ] && fresh=1
db=kohtaamo_bench_planning
port=8094
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
work=$(mktemp -d /tmp/kohtaamo-planning-bench.XXXXXX)
app_pid=""
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT

[ -n "$(ls target/kohtaamo-*.jar 2>/dev/null | grep -v plain)" ] || ./mvnw -q -o -DskipTests package
jar=$(ls target/kohtaamo-*.jar | grep -v plain | head -1)
have=$("${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$db'")
if [ -n "$fresh" ] || [ -z "$have" ] || [ "$("${PSQL[@]}" -d $db -c "select count(*) from activity" 2>/dev/null || echo 0)" -lt 10000 ]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
  KOHTAAMO_MODE=dev KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
    java -jar "$jar" generate-national --seed=1 >"$work/generate.log" 2>&1 || { tail -50 "$work/generate.log"; exit 1; }
  "${PSQL[@]}" -d $db -c "vacuum analyze" >/dev/null
fi
county=$("${PSQL[@]}" -d $db -c "select a.county_id from place p join area a on a.id = p.area_id group by a.county_id order by count(*) desc limit 1")
echo "dataset: $("${PSQL[@]}" -d $db -c "select (select count(*) from place) || ' places, ' || (select count(*) from activity) \
  || ' activities; largest county ' || c.name_fi || ' (' || (select count(*) from place p join area a on a.id = p.area_id where a.county_id = c.id) \
  || ' places, ' || (select count(*) from activity x join place p on p.id = x.place_id join area a on a.id = p.area_id where a.county_id = c.id) \
  || ' activities)' from county c where c.id = $county")"

admin=bench@example.fi
password=lantern-quietly-orbit-7
env PORT=$port KOHTAAMO_MODE=production KOHTAAMO_JOBS=false KOHTAAMO_SECURE_COOKIES=true \
  KOHTAAMO_PUBLIC_BASE_URL="http://127.0.0.1:$port" KOHTAAMO_ADMIN_EMAIL=$admin KOHTAAMO_ADMIN_PASSWORD=$password \
  KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
  java -Xmx768m -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
  kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
  sleep 1
done
cookies="$work/cookies"
csrf=$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=$admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"

session="Cookie: SESSION=$(awk '$6 == "SESSION" { print $7 }' "$cookies")"
time_ms() { curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' -H "$session" "http://127.0.0.1:$port$1" \
  | awk '{ if ($1 != 200) { print "HTTP " $1; exit } printf "%.0f", $2 * 1000 }'; }
echo "page | first (ms) | median of 5 (ms) | runs (ms)"
for p in "/admin/planning?county=$county" "/admin/planning/gaps?county=$county" "/admin/planning?county=all" \
    "/admin/planning/gaps?county=all"; do
  first=$(time_ms "$p")
  runs=()
  for i in 1 2 3 4 5; do runs+=("$(time_ms "$p")"); done
  median=$(printf "%s\n" "${runs[@]}" | sort -n | sed -n 3p)
  echo "$p | $first | $median | ${runs[*]}"
done
grep -o 'Päällekkäisyyksiä [0-9]*\|Overlaps: [0-9]*' "$work/page.html" | head -1 || true
grep -E "ERROR" "$work/app.log" | head -5 || true
