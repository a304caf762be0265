#!/usr/bin/env bash
# Kohtaamo's benchmark harness (issues 3 and 6). On this machine, in one run:
#   1. builds the application jar and, unless the database already holds it, generates the national dataset
#      (the application's own `generate-national` command) into PostgreSQL database kohtaamo_bench;
#   2. starts Kohtaamo on it (production mode, server pinned to CPU 1) and measures the startup time;
#   3. for each endpoint, with wrk pinned to CPU 0 at 1, 16 and 64 connections, measures
#        - Kohtaamo itself,
#        - nginx serving the identical response bytes as a static file (the ceiling for sending them),
#        - the endpoint's core SQL run directly by pgbench (bench/sql/<endpoint>.sql, same parameters);
#   4. prints one table (throughput, p50, p99, ratios to both references) and the server's peak RSS.
# Usage: bench/run.sh [--dataset national|demo] [--fresh] [--duration SECONDS] [--connections "1 16 64"]
#                     [--only NAME|startup]
#   national (default): the generated national dataset, database kohtaamo_bench, municipality 837 (Tampere)
#   demo: the Länsi-Uusimaa demo data loaded by the application itself, database kohtaamo_bench_demo,
#         municipality 049 (Espoo); the county week is the whole dataset's week
# Needs: a JDK 17+, PostgreSQL on 127.0.0.1:5432 (user postgres, trust), and Debian packages wrk, nginx-light,
# postgresql-client (installed when missing). Results go to bench/results/<date>.md as well.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=false
dataset=national
duration=10
connections="1 16 64"
only=""
while [ $# -gt 0 ]; do
  case $1 in
    --fresh) fresh=true ;;
    --dataset) dataset=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --only) only=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v pgbench >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

case $dataset in
  national) db=kohtaamo_bench; muni=837 ;;   # Tampere: the largest municipality outside the capital's districts
  demo) db=kohtaamo_bench_demo; muni=049 ;;  # Espoo
  *) echo "unknown dataset $dataset" >&2; exit 2 ;;
esac
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
app_port=8097
nginx_port=8096
work=$(mktemp -d /tmp/kohtaamo-bench.XXXXXX)
today=$(date +%F)
monday=$(date -d "$today +$(( (8 - $(date -d "$today" +%u)) % 7 )) days" +%F)   # next Monday (today when Monday)
sunday=$(date -d "$monday +6 days" +%F)
app_pid=""
nginx_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  for p in $(pgrep -x postgres || true); do taskset -a -cp 0-$(($(nproc) - 1)) "$p" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

echo "bench: building the jar"
./mvnw -q -B -ntp -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
jar=$(ls target/kohtaamo-*.jar | grep -v plain | head -1)

places=$("${PSQL[@]}" -d $db -c "select count(*) from place" 2>/dev/null || echo 0)
demo_env=()
if [ "$dataset" = demo ]; then
  if $fresh || [ "$places" -lt 100 ]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
  fi
  # the application loads the demo data itself at its first start (below)
  demo_env=(KOHTAAMO_DEMO=true KOHTAAMO_DEMO_PASSWORD=bench-demo-password)
elif $fresh || [ "$places" -lt 1000 ]; then
  echo "bench: generating the national dataset into $db"
  "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
  start=$(date +%s)
  KOHTAAMO_MODE=dev KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres \
    java -jar "$jar" generate-national --seed=1 --today="$today" >"$work/generate.log" 2>&1 \
    || { tail -50 "$work/generate.log"; exit 1; }
  grep -E "NationalDataCommand" "$work/generate.log" | sed 's/.*NationalDataCommand *: */  /'
  echo "  generated in $(( $(date +%s) - start )) s"
  "${PSQL[@]}" -d $db -c "vacuum analyze" >/dev/null
fi
counts() { "${PSQL[@]}" -d $db -c "select (select count(*) from county) || ' counties, ' || (select count(*) from municipality) || ' municipalities, ' || (select count(*) from place) || ' places, ' || (select count(*) from activity) || ' activities'"; }

# PostgreSQL and the server share CPU 1; the load generator has CPU 0.
for p in $(pgrep -x postgres || true); do taskset -a -cp 1 "$p" >/dev/null 2>&1 || true; done

# Start-up: once from the plain jar, once from the extracted jar with a class data sharing archive made by
# a training run (Spring Boot's documented CDS recipe); the benchmark then runs on the latter.
# a benchmark administrator, made anew at each start (the application creates it when no administrator
# exists), to sign in for the reports
admin_password="pw-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
"${PSQL[@]}" -d $db -c "delete from app_user where email = 'bench@example.fi'" >/dev/null 2>&1 || true
app_env=(env "${demo_env[@]}" PORT=$app_port KOHTAAMO_MODE=production KOHTAAMO_JOBS=false
  KOHTAAMO_SECURE_COOKIES=true KOHTAAMO_PUBLIC_BASE_URL="http://127.0.0.1:$app_port"
  KOHTAAMO_ADMIN_EMAIL=bench@example.fi KOHTAAMO_ADMIN_PASSWORD="$admin_password"
  KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres)
start_app() {   # start_app <label> <java args...>: starts on CPU 1, waits for /places, sets app_pid and startup
  local label=$1; shift
  local t0; t0=$(date +%s%N)
  "${app_env[@]}" taskset -c 1 "${java_bin:-java}" -Xmx768m "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$app_port/places"; do
    kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
    sleep 0.1
  done
  startup=$(awk -v s="$t0" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
  echo "  $label: serving /places after $startup s"
  until grep -q "Kohtaamo is running at" "$work/app.log"; do   # demo data loads after the server answers
    kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
    sleep 0.5
  done
}
stop_app() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
echo "bench: starting Kohtaamo on CPU 1"
start_app "plain jar" -jar "$jar"
startup_plain=$startup
stop_app
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app_jar="$work/app/$(basename "$jar")"
# the training run and the measured run must name the jar by the same path, else the JVM refuses the archive
"${app_env[@]}" taskset -c 1 java -XX:ArchiveClassesAtExit="$work/app/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$app_jar" >"$work/cds-training.log" 2>&1 || { tail -20 "$work/cds-training.log"; exit 1; }
start_app "extracted jar with CDS archive" -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$app_jar"
grep -q "Unable to use shared archive" "$work/app.log" && echo "  (the CDS archive was refused: $(grep -m1 'Unable to use' "$work/app.log"))"
startup_cds=$startup
# On a JDK 25 or later (e.g. Debian's Temurin 25 beside the JDK 17), the same jar with an ahead-of-time cache
# (JEP 483/514/515): loaded and linked classes and method profiles from a training run. Measured only; the
# benchmark below runs on the JDK 17 start above.
aot_java=$(ls -d /usr/lib/jvm/*-2[5-9]*/bin/java 2>/dev/null | head -1 || true)
startup_aot=""
if [ -n "$aot_java" ]; then
  stop_app
  "${app_env[@]}" taskset -c 1 "$aot_java" -XX:AOTCacheOutput="$work/app/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$app_jar" >"$work/aot-training.log" 2>&1 || { tail -20 "$work/aot-training.log"; exit 1; }
  java_bin=$aot_java start_app "extracted jar on $("$aot_java" -version 2>&1 | head -1 | cut -d'"' -f2) with an AOT cache" \
    -XX:AOTCache="$work/app/app.aot" -jar "$app_jar"
  startup_aot=$startup
  stop_app
  start_app "extracted jar with CDS archive, again for the benchmark" -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$app_jar"
fi
if [ "$only" = startup ]; then
  echo "startup on $dataset data: plain jar $startup_plain s, with CDS $startup_cds s${startup_aot:+, JDK 25 with an AOT cache $startup_aot s}"
  exit 0
fi

place_id=$("${PSQL[@]}" -d $db -c "select min(id) from place where municipality_code = '$muni' and published")
declare -A url
url[municipality-week-json]="/api/v1/occurrences?municipality=$muni&start=$monday&end=$sunday"
url[municipality-week-html]="/calendar?municipality=$muni&date=$monday"
if [ "$dataset" = demo ]; then
  names=(municipality-week-json municipality-week-html county-week-json county-week-html municipality-ics place-page places-list)
  url[county-week-json]="/api/v1/occurrences?start=$monday&end=$sunday"
  url[county-week-html]="/calendar?date=$monday"
else
  names=(municipality-week-json municipality-week-html national-week-json municipality-ics place-page places-list
    county-report national-report)
  url[national-week-json]="/api/v1/occurrences?start=$monday&end=$sunday"
fi
# the reports of last year (signed in as the benchmark administrator): a county by municipality (the county
# with most places) and the nation by county; their SQL is the reports' aggregate statements
year=$(( $(date -d "$today" +%Y) - 1 ))
county=$("${PSQL[@]}" -d $db -c "select a.county_id from place p join area a on a.id = p.area_id group by a.county_id order by count(*) desc, a.county_id limit 1")
url[county-report]="/admin/reports?from=$year-01-01&to=$year-12-31&breakdown=MUNICIPALITY&county=$county"
url[national-report]="/admin/reports?from=$year-01-01&to=$year-12-31&breakdown=COUNTY"
cookies="$work/cookies"
csrf=$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$app_port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=bench@example.fi" \
  --data-urlencode "password=$admin_password" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$app_port/login"
session="Cookie: SESSION=$(awk '$6 == "SESSION" { print $7 }' "$cookies")"
header() {  # the request header an endpoint needs besides the language: the session for the reports
  case $1 in *-report) echo "$session" ;; *) echo "X-Bench: 1" ;; esac
}
url[municipality-ics]="/calendar.ics?municipality=$muni"
url[place-page]="/places/$place_id"
url[places-list]="/places"
pgvars="-D muni=$muni -D monday=$monday -D sunday=$sunday -D place=$place_id -D county=${county:-0}
  -D ym_from=$((year * 100 + 1)) -D ym_to=$((year * 100 + 12)) -D pym_from=$(((year - 1) * 100 + 1)) -D pym_to=$(((year - 1) * 100 + 12))"

# nginx: the identical bytes as static files, one worker on CPU 1
mkdir -p "$work/static" "$work/nginx"
for n in "${names[@]}"; do
  curl -sf -H 'Accept-Language: fi' -H "$(header "$n")" -o "$work/static/$n" "http://127.0.0.1:$app_port${url[$n]}" \
    || { echo "bench: $n (${url[$n]}) did not answer 200" >&2; exit 1; }
done
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
worker_cpu_affinity 10;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/octet-stream;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
EOF
chmod -R a+rX "$work"   # nginx's workers run as www-data
taskset -c 1 "$NGINX" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
sleep 0.5

# wrk: "<requests/s> <p50 ms> <p99 ms> <non-2xx>"
run_wrk() {
  local target=$1 c=$2 extra=${3:-X-Bench: 1}
  taskset -c 0 wrk -t1 -c"$c" -d"${duration}s" --latency -H 'Accept-Language: fi' -H "$extra" "$target" >"$work/wrk.out" 2>&1
  cat "$work/wrk.out" >>"$work/wrk.all"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$work/wrk.out"
}
# pgbench: "<transactions/s> <p50 ms> <p99 ms>"
run_pgbench() {
  local file=$1 c=$2
  rm -f "$work"/pgbench_log.*
  (cd "$work" && taskset -c 0 pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j 1 -T "$duration" \
    $pgvars -f "$OLDPWD/$file" -l --log-prefix=pgbench_log $db >"$work/pgbench.out" 2>&1) \
    || { cat "$work/pgbench.out" >&2; echo "0 0 0"; return; }
  tps=$(awk '/^tps/ { print $3; exit }' "$work/pgbench.out")
  cat "$work"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n >"$work/lat"
  n=$(wc -l <"$work/lat")
  p50=$(sed -n "$(( (n + 1) / 2 ))p" "$work/lat")
  p99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$work/lat")
  printf "%.0f %.2f %.2f\n" "$tps" "$p50" "$p99"
}

echo "bench: warming up (the JIT compiler shares the server's one CPU)"
for n in "${names[@]}"; do
  taskset -c 0 wrk -t1 -c16 -d"${warmup:-5}s" -H 'Accept-Language: fi' -H "$(header "$n")" \
    "http://127.0.0.1:$app_port${url[$n]}" >/dev/null 2>&1
done

out="$work/table.md"
{
  echo "| endpoint | bytes | conns | Kohtaamo req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | Kohtaamo / nginx | SQL tx/s | p50 ms | p99 ms | Kohtaamo / SQL |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$out"
for n in "${names[@]}"; do
  [ -n "$only" ] && [ "$only" != "$n" ] && continue
  bytes=$(stat -c %s "$work/static/$n")
  for c in $connections; do
    read -r a_rps a_p50 a_p99 a_bad < <(run_wrk "http://127.0.0.1:$app_port${url[$n]}" "$c" "$(header "$n")")
    read -r s_rps s_p50 s_p99 s_bad < <(run_wrk "http://127.0.0.1:$nginx_port/$n" "$c")
    if [ "$s_bad" -gt 0 ]; then echo "bench: nginx answered errors for $n; see $work/nginx/error.log" >&2; exit 1; fi
    base=${n/county-/national-}      # the demo county's week is its whole dataset's week
    sql="bench/sql/${base%-html}.sql"   # an HTML page runs the same core SQL as its JSON twin
    [ -f "$sql" ] || sql="bench/sql/${base%-html}-json.sql"
    if [ -f "$sql" ]; then
      read -r q_tps q_p50 q_p99 < <(run_pgbench "$sql" "$c")
    else
      q_tps=0; q_p50=0; q_p99=0
    fi
    ratio_static=$(awk -v a="$a_rps" -v b="$s_rps" 'BEGIN { printf "%.1f %%", (b > 0 ? 100 * a / b : 0) }')
    ratio_sql=$(awk -v a="$a_rps" -v b="$q_tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }')
    [ "$a_bad" -gt 0 ] && a_rps="$a_rps ($a_bad errors)"
    echo "| $n | $bytes | $c | $a_rps | $a_p50 | $a_p99 | $s_rps | $s_p50 | $s_p99 | $ratio_static | $q_tps | $q_p50 | $q_p99 | $ratio_sql |" | tee -a "$out"
  done
done
rss=$(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' /proc/$app_pid/status)

mkdir -p bench/results
result="bench/results/$(date +%Y-%m-%d-%H%M).md"
{
  echo "# Benchmark run $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); PostgreSQL $("${PSQL[@]}" -d $db -c 'show server_version')"
  echo "- command: bench/run.sh --dataset $dataset --duration $duration --connections \"$connections\"${only:+ --only $only}"
  echo "- dataset: $(counts) ($([ "$dataset" = demo ] && echo "demo data" || echo "generate-national --seed=1 --today=$today")); week $monday – $sunday; municipality $muni"
  echo "- startup to first /places answer on CPU 1: plain jar $startup_plain s, extracted jar with a CDS archive $startup_cds s (the run below)${startup_aot:+, on JDK 25 with an AOT cache $startup_aot s}; server peak RSS (VmHWM): $rss"
  echo "- server and PostgreSQL on CPU 1, nginx (1 worker) on CPU 1, wrk and pgbench on CPU 0; wrk -t1, $duration s per cell"
  echo
  cat "$out"
} >"$result"
echo
cat "$result"
