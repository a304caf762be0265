#!/usr/bin/env bash
# Kohtaamo's benchmark harness (issues 3, 6 and 17). On this machine, in one run:
#   1. builds the application jar and, unless the database already holds it, generates the national dataset
#      (the application's own `generate-national` command) into PostgreSQL database kohtaamo_bench;
#   2. starts Kohtaamo on it (production mode, server pinned to CPU 1) and measures the startup time;
#   3. for each endpoint, with wrk pinned to CPU 0 at 1, 16 and 64 connections, plain and with
#      Accept-Encoding: gzip, measures
#        - Kohtaamo itself,
#        - nginx serving the identical response bytes as a static file (the ceiling for sending them; for gzip
#          the application's own compressed bytes, gzip_static),
#        - the endpoint's core SQL run directly by pgbench (bench/sql/<endpoint>.sql, same parameters and rows) on
#          min(connections, the application's pool) connections;
#      the single-address cells ask one address again and again (after the first, the kept answer); the rotating
#      cells (municipality-week-*-rotating) cycle through every municipality with published places × 4 weeks; the
#      signed-in report cells rotate 16 sessions per request (bench/lib.sh's report_sessions: the county report
#      8 administrators and 8 coordinators of the county, the national report 8 administrators with two sessions each);
#   4. "first requests": addresses never asked before (days the other cells never start on), each asked once;
#   5. prints the tables (throughput, p50, p99, errors incl. wrk's 30 s timeouts, ratios) and the peak RSS.
# Usage: bench/run.sh [--dataset national|demo] [--fresh] [--duration SECONDS] [--connections "1 16 64"]
#                     [--only NAME|startup] [--pause SECONDS]
#   national (default): the generated national dataset, database kohtaamo_bench (or $KOHTAAMO_BENCH_DB, e.g. a copy
#     made with `createdb -T kohtaamo_bench kohtaamo_bench_mine`), municipality 837 (Tampere)
#   demo: the Länsi-Uusimaa demo data loaded by the application itself, database kohtaamo_bench_demo,
#         municipality 049 (Espoo); the county week is the whole dataset's week
# Needs: a JDK 17+, PostgreSQL on 127.0.0.1:5432 (user postgres, trust), and Debian packages wrk, nginx-light,
# postgresql-client (installed when missing). Results are appended to bench/results/<date>.md as well.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

fresh=false
dataset=national
duration=10
connections="1 16 64"
only=""
pause=3
command="bench/run.sh $*"
while [ $# -gt 0 ]; do
  case $1 in
    --fresh) fresh=true ;;
    --dataset) dataset=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --only) only=$2; shift ;;
    --pause) pause=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/kohtaamo-bench.XXXXXX)
trap bench_cleanup EXIT
bench_tools
bench_build
bench_dataset "$dataset" "$fresh"
pin_postgres   # PostgreSQL and the server share CPU 1; the load generator has CPU 0
app_setup

# Start-up: once from the plain jar, once from the extracted jar with a class data sharing archive made by
# a training run (Spring Boot's documented CDS recipe); the benchmark then runs on the latter.
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
  if may_fail=true java_bin=$aot_java start_app "extracted jar on $("$aot_java" -version 2>&1 | head -1 | cut -d'"' -f2) with an AOT cache" \
      -XX:AOTCache="$work/app/app.aot" -jar "$app_jar"; then
    startup_aot=$startup
    stop_app
  else
    echo "  (the JDK 25 start with the AOT cache failed, see above: not measured)"
  fi
  start_app "extracted jar with CDS archive, again for the benchmark" -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$app_jar"
fi
if [ "$only" = startup ]; then
  echo "startup on $dataset data: plain jar $startup_plain s, with CDS $startup_cds s${startup_aot:+, JDK 25 with an AOT cache $startup_aot s}"
  exit 0
fi

# The cells. A JSON week asks for size=1000 (the API's largest page) so that the page holds a municipality's
# whole week; the nation's week does not fit one page: its cell is the first 1000 rows, and so is its SQL.
size=1000
place_id=$("${PSQL[@]}" -d $db -c "select min(id) from place where municipality_code = '$muni' and published")
declare -A url
url[municipality-week-json]="/api/v1/occurrences?municipality=$muni&start=$monday&end=$sunday&size=$size"
url[municipality-week-html]="/calendar?municipality=$muni&date=$monday"
if [ "$dataset" = demo ]; then
  names=(municipality-week-json municipality-week-html county-week-json county-week-html municipality-ics place-page places-list)
  url[county-week-json]="/api/v1/occurrences?start=$monday&end=$sunday&size=$size"
  url[county-week-html]="/calendar?date=$monday"
else
  names=(municipality-week-json municipality-week-html national-week-json municipality-ics place-page places-list
    county-report national-report)
  url[national-week-json]="/api/v1/occurrences?start=$monday&end=$sunday&size=$size"
fi
url[municipality-ics]="/calendar.ics?municipality=$muni"
url[place-page]="/places/$place_id"
url[places-list]="/places"
# the reports of last year (signed in as the benchmark administrator): a county by municipality (the county
# with most places) and the nation by county; their SQL is the reports' aggregate statements
year=$(( $(date -d "$today" +%Y) - 1 ))
county=$("${PSQL[@]}" -d $db -c "select a.county_id from place p join area a on a.id = p.area_id group by a.county_id order by count(*) desc, a.county_id limit 1")
url[county-report]="/admin/reports?from=$year-01-01&to=$year-12-31&breakdown=MUNICIPALITY&county=$county"
url[national-report]="/admin/reports?from=$year-01-01&to=$year-12-31&breakdown=COUNTY"
sign_in
header() {  # the request header an endpoint needs besides the language: the administrator's session for the reports
  case $1 in *-report) echo "$session" ;; *) echo "X-Bench: 1" ;; esac
}
# every municipality with published places, for the rotating and first-request cells
munis=($("${PSQL[@]}" -d $db -c "select distinct municipality_code from place where published order by 1"))
munis_literal="{$(IFS=,; echo "${munis[*]}")}"
pgvars() {   # pgvars <cell>: pgbench's -D variables for the cell's SQL
  local m="{$muni}" n=1 weeks=1 rows=$size
  case $1 in *-rotating) m=$munis_literal; n=${#munis[@]}; weeks=4 ;; esac
  case $1 in *-html*) rows=1000000 ;; esac   # the week page lists every occurrence of the week
  echo "-D munis=$m -D nmunis=$n -D weeks=$weeks -D size=$rows -D offset=0 -D muni=$muni -D monday=$monday
    -D sunday=$sunday -D place=$place_id -D county=${county:-0} -D ym_from=$((year * 100 + 1))
    -D ym_to=$((year * 100 + 12)) -D pym_from=$(((year - 1) * 100 + 1)) -D pym_to=$(((year - 1) * 100 + 12))"
}
sql_of() {   # the SQL reference of a cell (an HTML page runs the same core SQL as its JSON twin), or nothing
  local base=${1%-rotating}; base=${base/county-/national-}   # the demo county's week is its whole dataset's week
  local f
  for f in "bench/sql/${base%-html}.sql" "bench/sql/${base%-html}-json.sql"; do [ -f "$f" ] && { echo "$f"; return; }; done
}

# nginx: the identical bytes as static files (the application's gzip bytes as <file>.gz), one worker on CPU 1
mkdir -p "$work/static" "$work/paths"
# the report cells: their one address with 16 signed-in sessions in turn, a session's cookie per request
if [ "$dataset" = national ]; then
  report_sessions "$county" "$work/sessions"
  for n in county-report national-report; do
    awk -F'\t' -v k="${n%-report}" -v p="${url[$n]}" -v OFS='\t' '$1 == k { print 1, "", p, $2 }' "$work/sessions" \
      >"$work/paths/$n.app"
  done
fi
for n in "${names[@]}"; do fetch "${url[$n]}" "$work/static/$n" "$(header "$n")"; done
# the rotating cells: every municipality × 4 weeks, each address fetched once into its own file
rotating=(municipality-week-html-rotating municipality-week-json-rotating)
for n in "${rotating[@]}"; do
  mkdir -p "$work/static/$n"
  : >"$work/paths/$n.app"; : >"$work/paths/$n.nginx"
  i=0
  for w in 0 1 2 3; do
    d=$(date -d "$monday +$((7 * w)) days" +%F)
    for m in "${munis[@]}"; do
      case $n in
        *-html-*) p="/calendar?municipality=$m&date=$d" ;;
        *) p="/api/v1/occurrences?municipality=$m&start=$d&end=$(date -d "$d +6 days" +%F)&size=$size" ;;
      esac
      i=$((i + 1))
      fetch "$p" "$work/static/$n/$i"
      printf '1\t\t%s\n' "$p" >>"$work/paths/$n.app"
      printf '1\t\t/%s/%s\n' "$n" "$i" >>"$work/paths/$n.nginx"
    done
  done
done
echo "bench: rotating cells over ${#munis[@]} municipalities × 4 weeks ($i addresses each)"
start_nginx
# the compressed reference: nginx must answer the application's own gzip bytes, byte for byte
for n in "${names[@]}"; do
  got=$(curl -s -H 'Accept-Encoding: gzip' -D "$work/ng.headers" -o "$work/ng.body" "http://127.0.0.1:$nginx_port/$n" \
    -w '%{size_download}')
  grep -qi '^content-encoding: *gzip' "$work/ng.headers" && [ "$got" = "$(stat -c %s "$work/static/$n.gz")" ] \
    || { echo "bench: nginx did not answer $n's gzip bytes ($got bytes)" >&2; exit 1; }
done
gzip_note="nginx answers Content-Encoding: gzip with the application's own compressed bytes (checked)"
if [ ${#app_plain[@]} -gt 0 ]; then
  gzip_note="$gzip_note, except for what the application sent uncompressed to Accept-Encoding: gzip (nginx's .gz is then gzip -6 of it): ${app_plain[*]}"
fi
echo "bench: $gzip_note"

# whole answers: the rows of each JSON cell, and what its SQL returns
rows_note=""
for n in "${names[@]}"; do
  case $n in *-json) ;; *) continue ;; esac
  total=$(grep -o '"total":[0-9]*' "$work/static/$n" | head -1 | cut -d: -f2)
  sql_n=$(sql_rows "$(sql_of "$n")" munis="{$muni}" monday="$monday" size="$size" offset=0)
  line="$n: the week has $total occurrences, the page (size=$size) holds $(( total < size ? total : size )), its SQL returns $sql_n rows"
  [ "$total" -gt "$size" ] && line="$line (the week does not fit one page: the cell is its first $size rows)"
  echo "bench: $line"
  rows_note="$rows_note${rows_note:+; }$line"
done

echo "bench: warming up (the JIT compiler shares the server's one CPU)"
for n in "${names[@]}"; do
  script=(); [ -f "$work/paths/$n.app" ] && script=(-s bench/paths.lua)
  BENCH_PATHS="$work/paths/$n.app" taskset -c 0 wrk -t1 -c16 -d"${warmup:-5}s" "${script[@]}" -H 'Accept-Language: fi' \
    -H "$(header "$n")" "http://127.0.0.1:$app_port${url[$n]}" >/dev/null 2>&1
done

out="$work/table.md"
{
  echo "| endpoint | encoding | bytes | conns | Kohtaamo req/s | p50 ms | p99 ms | errors | nginx req/s | p50 ms | p99 ms | Kohtaamo / nginx | SQL conns (min(c, pool $pool)) | SQL tx/s | p50 ms | p99 ms | Kohtaamo / SQL |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$out"
for n in "${names[@]}" "${rotating[@]}"; do
  [ -n "$only" ] && [ "$only" != "$n" ] && continue
  case $n in
    *-rotating) app_target="http://127.0.0.1:$app_port/"; nginx_target="http://127.0.0.1:$nginx_port/"
      app_paths="$work/paths/$n.app"; nginx_paths="$work/paths/$n.nginx" ;;
    *) app_target="http://127.0.0.1:$app_port${url[$n]}"; nginx_target="http://127.0.0.1:$nginx_port/$n"
      app_paths=""; nginx_paths="" ;;
  esac
  app_header=$(header "$n")
  # a cell with sessions in its paths file (the reports) sends each request's cookie from there
  [ -f "$work/paths/$n.app" ] && case $n in *-report) app_paths="$work/paths/$n.app"; app_header="X-Bench: 1" ;; esac
  sql=$(sql_of "$n")
  for c in $connections; do
    for enc in identity gzip; do
      if [ "$enc" = gzip ]; then accept="Accept-Encoding: gzip"; suffix=.gz; else accept="X-Enc: identity"; suffix=""; fi
      if [ -d "$work/static/$n" ]; then   # a rotating cell: its addresses' mean size
        bytes=$(find "$work/static/$n" -name "*[0-9]$suffix" -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f (mean)", s / NR }')
      else
        bytes=$(stat -c %s "$work/static/$n$suffix")
      fi
      idle
      read -r a_rps a_p50 a_p99 a_bad a_n < <(run_wrk "$app_target" "$c" "$app_header" "$app_paths" cycle "$accept")
      [ "$a_n" -lt "$c" ] && a_bad="$a_bad (only $a_n answers: the rest still waiting at the end)"
      idle
      read -r s_rps s_p50 s_p99 s_bad _ < <(run_wrk "$nginx_target" "$c" "X-Bench: 1" "$nginx_paths" cycle "$accept")
      if [ "$s_bad" -gt 0 ]; then echo "bench: nginx answered errors for $n; see $work/nginx/error.log" >&2; exit 1; fi
      q_c="–"; q_tps=0; q_p50="–"; q_p99="–"; ratio_sql="–"
      if [ -n "$sql" ] && [ "$enc" = identity ]; then   # the same SQL serves both encodings: measured once
        idle
        q_c=$(( c < pool ? c : pool ))
        read -r q_tps q_p50 q_p99 < <(run_pgbench "$sql" "$c" $(pgvars "$n"))
        ratio_sql=$(awk -v a="$a_rps" -v b="$q_tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }')
      fi
      ratio_static=$(awk -v a="$a_rps" -v b="$s_rps" 'BEGIN { printf "%.1f %%", (b > 0 ? 100 * a / b : 0) }')
      echo "| $n | $enc | $bytes | $c | $a_rps | $a_p50 | $a_p99 | $a_bad | $s_rps | $s_p50 | $s_p99 | $ratio_static | $q_c | $q_tps | $q_p50 | $q_p99 | $ratio_sql |" | tee -a "$out"
    done
  done
done

# First requests: addresses never asked before in this run (no cell starts on a Tuesday–Sunday), every
# municipality × those days of the coming 13 weeks, JSON on Tuesdays, Thursdays, Saturdays and the page on the
# others (the two share the planned occurrences of a day range); each connection count takes its own slice,
# each address is asked once (wrk stops at the end of the slice).
cold="$work/cold.md"
{
  echo
  echo "First requests (addresses never asked before, each once; kept = computed and kept by the meter):"
  echo
  echo "| endpoint | conns | addresses | requests | req/s | p50 ms | p99 ms | errors | meter sent | meter kept |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$cold"
for n in municipality-week-json municipality-week-html; do
  [ -n "$only" ] && [ "$only" != "$n-cold" ] && [ "$only" != "$n" ] && continue
  : >"$work/paths/$n.cold"
  for off in $(seq 1 90); do
    case $(( off % 7 )) in 0) continue ;; 2|4|6) [ $n = municipality-week-json ] || continue ;; *) [ $n = municipality-week-html ] || continue ;; esac
    d=$(date -d "$monday +$off days" +%F)
    for m in "${munis[@]}"; do
      case $n in
        *-html) printf '1\t\t/calendar?municipality=%s&date=%s\n' "$m" "$d" ;;
        *) printf '1\t\t/api/v1/occurrences?municipality=%s&start=%s&end=%s&size=%s\n' "$m" "$d" "$(date -d "$d +6 days" +%F)" "$size" ;;
      esac
    done
  done >>"$work/paths/$n.cold"
  total=$(wc -l <"$work/paths/$n.cold")
  set -- $connections
  slice=$(( total / $# )); k=0
  for c in $connections; do
    sed -n "$((k * slice + 1)),$(((k + 1) * slice))p" "$work/paths/$n.cold" >"$work/paths/$n.cold.$c"
    k=$((k + 1))
    idle
    read -r s0 k0 < <(meter)
    read -r a_rps a_p50 a_p99 a_bad a_n < <(run_wrk "http://127.0.0.1:$app_port/" "$c" "X-Bench: 1" "$work/paths/$n.cold.$c" once)
    read -r s1 k1 < <(meter)
    echo "| $n (first requests) | $c | $slice | $a_n | $a_rps | $a_p50 | $a_p99 | $a_bad | $((s1 - s0)) | $((k1 - k0)) |" | tee -a "$cold"
  done
done
cat "$cold" >>"$out"
rss=$(peak_rss)

results_file "$out" "$command" \
  "dataset: $(counts) ($([ "$dataset" = demo ] && echo "demo data" || echo "generate-national --seed=1 --today=$today")); week $monday – $sunday; municipality $muni; rotating cells: ${#munis[@]} municipalities × 4 weeks" \
  "startup to first /places answer on CPU 1: plain jar $startup_plain s, extracted jar with a CDS archive $startup_cds s (the run below)${startup_aot:+, on JDK 25 with an AOT cache $startup_aot s}; server peak RSS (VmHWM): $rss" \
  "server and PostgreSQL (this cluster's postmaster and its children) on CPU 1, nginx (1 worker) on CPU 1, wrk and pgbench on CPU 0; wrk -t1 --timeout 30s, $duration s per cell, $pause s idle before each; pgbench on min(c, pool $pool) connections" \
  "whole answers: $rows_note" \
  "report cells: 16 signed-in sessions rotated per request (county report: 8 administrators and 8 county coordinators; national report: 8 administrators, 2 sessions each)" \
  "gzip: $gzip_note"
awk '/^# run.sh run/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$result"   # this run's section
