#!/usr/bin/env bash
# Report benchmark (issue 5): the county year report and the national year report of Kohtaamo against the
# same aggregate SQL run directly in PostgreSQL, in one run on this machine.
#   1. builds the jar and, unless the database already holds it, generates the national dataset with its
#      ~20 million visit counts (`generate-national`) into PostgreSQL database kohtaamo_reports;
#   2. starts Kohtaamo on it in production mode (server on CPU 1) with a benchmark administrator;
#   3. signs in, warms up (600 requests of each report by default, half of them after a count write), and requests each report N times (default 20) (the first one plans every
#      activity's occurrences; later ones find those figures in the data cache), sequentially (one user
#      asking), timing each answer: once as asked again (the report is kept until a count or the calendar
#      changes), once with the counts' version moved before each request (computed anew); runs the report's aggregate statements (bench/sql/county-report.sql and national-report.sql, as bench/run.sh runs them: this period's and the
#      previous period's sums per place, visitors and the largest count per place and month, referrals) N times with pgbench;
#   4. does the same for the national report over the dataset's ten years;
#   5. prints median and worst times and the ratio of Kohtaamo's median to the SQL's.
# Usage: bench/reports.sh [--runs N] [--year YYYY] [--warmup N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=20
year=2025
warmup=600
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --year) year=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
db=kohtaamo_reports
port=8097
psql_q() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq -c "$1"; }

./mvnw -q -B -DskipTests package
jar=target/kohtaamo-0.1.0-SNAPSHOT.jar
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
fi
if [ "$(psql_q "select to_regclass('visit_count') is not null and exists (select 1 from visit_count)" 2>/dev/null || echo f)" != "t" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database $db" -c "create database $db"
  start=$(date +%s)
  KOHTAAMO_MODE=dev java -jar "$jar" generate-national --seed=1 --scale=1.0 --today="$year-12-31" --kohtaamo.jobs.enabled=false \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres | grep -E "NationalDataCommand" || true
  echo "generated in $(( $(date +%s) - start )) s"
fi
psql_q "vacuum analyze" >/dev/null
echo "visit counts: $(psql_q 'select count(*) from visit_count'), monthly sums: $(psql_q 'select count(*) from visit_count_month')"

password="pw-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# the benchmark administrator is made anew at each start (the application creates it when none exists)
psql_q "delete from app_user where email = 'bench@example.fi'" >/dev/null
KOHTAAMO_MODE=production KOHTAAMO_DEMO=false KOHTAAMO_JOBS=false KOHTAAMO_ADMIN_EMAIL=bench@example.fi \
KOHTAAMO_SECURE_COOKIES=true KOHTAAMO_PUBLIC_BASE_URL="http://localhost:$port" \
KOHTAAMO_ADMIN_PASSWORD="$password" KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
  taskset -c 1 java -Xmx1g -jar "$jar" --server.port=$port > /tmp/kohtaamo-reports-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://localhost:$port/login" && break; sleep 1; done

jar_dir=$(mktemp -d)
cookies="$jar_dir/cookies"
csrf=$(curl -s -c "$cookies" -b "$cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=bench@example.fi" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "http://localhost:$port/login"

county=$(psql_q "select a.county_id from place p join area a on a.id = p.area_id group by a.county_id order by count(*) desc limit 1")
county_places=$(psql_q "select count(*) from place p join area a on a.id = p.area_id where a.county_id = $county")
from="$year-01-01"; to="$year-12-31"
prev_from="$((year - 1))-01-01"; prev_to="$((year - 1))-12-31"
ym_from=$((year * 100 + 1)); ym_to=$((year * 100 + 12)); pym_from=$(((year - 1) * 100 + 1)); pym_to=$(((year - 1) * 100 + 12))

time_report() { # url [after-write] -> prints sorted times in ms
  local url=$1 after_write=${2:-}
  for _ in $(seq 1 5); do
    [ -n "$after_write" ] && psql_q "update count_version set version = version + 1" >/dev/null
    curl -s -o /dev/null -b "$cookies" "$url"
  done
  for _ in $(seq 1 "$runs"); do
    # "after a count write": the counts' version moves before each request, as any count written anywhere
    # does, so the report is computed again (the planner's figures stay kept: counts do not change them)
    [ -n "$after_write" ] && psql_q "update count_version set version = version + 1" >/dev/null
    curl -s -o /dev/null -b "$cookies" -w "%{http_code} %{time_total}\n" "$url"
  done | awk '$1 != 200 { bad = 1 } { printf "%.1f\n", $2 * 1000 } END { if (bad) print "non-200 answer" > "/dev/stderr" }' | sort -n
}

time_sql() { # file, then pgbench -D variables -> mean latency in ms (one client, each transaction = the file's
  # statements; pgbench's simple query mode writes the values into them, as the report's statements are planned)
  local f=$1; shift
  pgbench -h 127.0.0.1 -U postgres -n -c 1 -t "$runs" "$@" -f "$f" "$db" 2>/dev/null \
    | awk '/latency average/ { print $4 }'
}

median() { awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo
echo "Report benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, year $year, $runs runs each after $warmup warm-up requests of each report"
echo "kept: the same report asked again (kept until a count or the calendar changes); computed: asked after a count write"
# warm-up of both reports, kept and computed, so that the JIT compiler (sharing the server's one core) has
# compiled the paths measured. With 100 warm-up requests a report (a fifth computed) the computed county report
# still took 41 ms, and went on falling over the next thousand requests to 28 ms: the compiler had taken more
# of the core than the requests (async-profiler, 2026-12-04). Half of the warm-up requests are computed.
county_url="http://localhost:$port/admin/reports?from=$from&to=$to&breakdown=MUNICIPALITY&county=$county"
national_url="http://localhost:$port/admin/reports?from=$from&to=$to&breakdown=COUNTY"
for i in $(seq 1 "$warmup"); do
  [ $((i % 2)) = 0 ] && psql_q "update count_version set version = version + 1" >/dev/null
  curl -s -o /dev/null -b "$cookies" "$county_url"
  curl -s -o /dev/null -b "$cookies" "$national_url"
done
printf '%-30s %12s %10s %14s %10s %12s %10s %12s\n' "report" "kept median" "worst" "computed median" "worst" "direct SQL" "kept/SQL" "computed/SQL"
# the national report over the dataset's ten years (the previous period, the ten years before, is empty)
decade_url="http://localhost:$port/admin/reports?from=$((year - 9))-01-01&to=$to&breakdown=COUNTY"
for name in county national decade; do
  yf=$ym_from; yt=$ym_to; pyf=$pym_from; pyt=$pym_to
  if [ $name = county ]; then
    url=$county_url
    f=bench/sql/county-report.sql
    label="county year ($county_places places)"
  elif [ $name = national ]; then
    url=$national_url
    f=bench/sql/national-report.sql
    label="national year ($(psql_q 'select count(*) from place') places)"
  else
    url=$decade_url
    f=bench/sql/national-report.sql
    label="national $((year - 9))-$year"
    yf=$(((year - 9) * 100 + 1)); pyf=$(((year - 19) * 100 + 1)); pyt=$(((year - 10) * 100 + 12))
    # a little warm-up of its own: its time is the data's, not the compiler's
    for _ in $(seq 1 10); do curl -s -o /dev/null -b "$cookies" "$url"; done
  fi
  times=$(time_report "$url")
  med=$(echo "$times" | median)
  worst=$(echo "$times" | tail -1)
  ctimes=$(time_report "$url" after-write)
  cmed=$(echo "$ctimes" | median)
  cworst=$(echo "$ctimes" | tail -1)
  sql=$(time_sql "$f" -D county="$county" -D ym_from="$yf" -D ym_to="$yt" -D pym_from="$pyf" -D pym_to="$pyt")
  ratio=$(awk -v a="$med" -v b="$sql" 'BEGIN { printf "%.2f", a / b }')
  cratio=$(awk -v a="$cmed" -v b="$sql" 'BEGIN { printf "%.2f", a / b }')
  printf '%-30s %12s %10s %14s %10s %12s %10s %12s\n' "$label" "$med" "$worst" "$cmed" "$cworst" "$sql" "$ratio" "$cratio"
done
echo "peak RSS of the server: $(grep VmHWM /proc/$server/status | awk '{ printf "%d MiB", $2 / 1024 }')"
