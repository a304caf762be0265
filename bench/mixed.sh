#!/usr/bin/env bash
# A mixed public workload (issue 17), on the dataset of bench/run.sh and its helpers (bench/lib.sh). Addresses
# from every municipality with published places × the current and the next week × fi/sv/en (Accept-Language) ×
# no filter or a common one (age 0–6, language fi/sv/en, a weekday), of four kinds: the calendar week page (60 %),
# a place page (15 %, a municipality's first three places), the municipality's place list (10 %) and the week JSON
# (15 %, size=1000). Popularity is skewed: municipalities ordered by their published places, Zipf s=1.1 over that
# rank, so rare addresses get their first requests during the run. The weighted list is written once; wrk
# (bench/paths.lua, mode sample) draws from it. Measured twice on one server, after a warm-up on another draw:
#   1. without writes;
#   2. with a write every second: the benchmark administrator cancels, then restores, an occurrence of a random
#      activity somewhere in the nation through the application's own form (POST .../occurrences/<date>/cancel
#      and /restore with the session's CSRF token: an audited write that bumps the data version, as staff do).
# Reports throughput, p50/p99, errors, the answers sent from kept bytes, computed and kept, and the rest
# (kohtaamo_public_responses_total deltas against wrk's request count), and the server's peak RSS (VmHWM).
# Usage: bench/mixed.sh [--dataset national|demo] [--fresh] [--duration SECONDS] [--connections N] [--pause S]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

fresh=false
dataset=national
duration=30
c=16
pause=3
command="bench/mixed.sh $*"
while [ $# -gt 0 ]; do
  case $1 in
    --fresh) fresh=true ;;
    --dataset) dataset=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) c=$2; shift ;;
    --pause) pause=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/kohtaamo-mixed.XXXXXX)
trap bench_cleanup EXIT
bench_tools
bench_build
bench_dataset "$dataset" "$fresh"
pin_postgres
app_setup
echo "bench: starting Kohtaamo on CPU 1"
start_app "plain jar" -jar "$jar"
sign_in

# the weighted list: "weight<TAB>Accept-Language<TAB>path", from "rank code place,place,place" per municipality
"${PSQL[@]}" -F' ' -d $db -c "select row_number() over (order by count(*) desc, municipality_code), municipality_code,
    (array_agg(id order by id))[1:3] from place where published group by municipality_code" | tr -d '{}' >"$work/munis"
next_monday=$(date -d "$this_monday +7 days" +%F)
awk -v this="$this_monday" -v nxt="$next_monday" -v thisend="$(date -d "$this_monday +6 days" +%F)" \
    -v nextend="$(date -d "$this_monday +13 days" +%F)" -v OFS='\t' '
  BEGIN {
    nf = split("|age=0|age=1|age=2|age=3|age=4|age=5|age=6|language=fi|language=sv|language=en|weekday=MONDAY|weekday=TUESDAY|weekday=WEDNESDAY|weekday=THURSDAY|weekday=FRIDAY|weekday=SATURDAY|weekday=SUNDAY", f, "|")
    for (i = 1; i <= nf; i++) fw[i] = (f[i] == "" ? 0.55 : f[i] ~ /^age/ ? 0.20 / 7 : f[i] ~ /^language/ ? 0.10 / 3 : 0.15 / 7)
    split("fi sv en", lang, " "); lw["fi"] = 0.85; lw["sv"] = 0.10; lw["en"] = 0.05
    day[1] = this; end_[1] = thisend; dw[1] = 0.6; day[2] = nxt; end_[2] = nextend; dw[2] = 0.4
  }
  {
    m = 1 / ($1 ^ 1.1); code = $2; np = split($3, places, ",")
    for (l = 1; l <= 3; l++) {
      L = lang[l]
      for (d = 1; d <= 2; d++) for (i = 1; i <= nf; i++)
        print m * lw[L] * dw[d] * fw[i] * 0.60, L, "/calendar?municipality=" code "&date=" day[d] (f[i] == "" ? "" : "&" f[i])
      for (p = 1; p <= np; p++) print m * lw[L] * 0.15 / np, L, "/places/" places[p]
      print m * lw[L] * 0.10, L, "/places?municipality=" code
    }
    for (d = 1; d <= 2; d++) for (i = 1; i <= nf; i++)
      print m * dw[d] * fw[i] * 0.15, "", "/api/v1/occurrences?municipality=" code "&start=" day[d] "&end=" end_[d] "&size=1000" (f[i] == "" ? "" : "&" f[i])
  }' "$work/munis" >"$work/mixed.paths"
echo "bench: $(wc -l <"$work/mixed.paths") addresses over $(wc -l <"$work/munis") municipalities (Zipf s=1.1 by places)"

# the writes: a random published weekly activity's occurrence next week, one per pair of seconds (cancel, restore)
"${PSQL[@]}" -F' ' -d $db -c "select a.id, d::date from activity a join place p on p.id = a.place_id
    cross join generate_series(cast('$monday' as date), cast('$sunday' as date), interval '1 day') d
    where a.published and p.published and a.schedule_kind = 'WEEKLY' and a.week_parity = 'ALL'
      and d between a.season_start and a.season_end and extract(isodow from d)::int = any (cast(string_to_array(a.weekdays, ',') as int[]))
      and not exists (select 1 from occurrence_change c where c.activity_id = a.id and c.original_date = d::date)
    order by md5(a.id || ''), d limit 30" >"$work/writes"
writer() {   # writer <log>: a write every second until killed; each line "<http status> <seconds>"
  local t=0 id d action
  mapfile -t pairs <"$work/writes"
  while :; do
    read -r id d <<<"${pairs[$(( (t / 2) % ${#pairs[@]} ))]}"
    if [ $((t % 2)) = 0 ]; then action=cancel; else action=restore; fi
    # in the background: a slow write does not delay the next one
    taskset -c 0 curl -s -o /dev/null -b "$cookies" -w '%{http_code} %{time_total}\n' --data-urlencode "_csrf=$csrf" \
      --data-urlencode "reasonFi=Peruttu (kuormitustesti)" --data-urlencode "reasonSv=Inställt (belastningstest)" \
      --data-urlencode "reasonEn=Cancelled (load test)" \
      "http://127.0.0.1:$app_port/admin/activities/$id/occurrences/$d/$action" >>"$1" &
    t=$((t + 1))
    sleep 1
  done
}
# one write now, to check the form answers its redirect (302) with this session and token
read -r id d <"$work/writes"
for action in cancel restore; do
  status=$(curl -s -o /dev/null -b "$cookies" -w '%{http_code}' --data-urlencode "_csrf=$csrf" \
    --data-urlencode "reasonFi=Peruttu (kuormitustesti)" "http://127.0.0.1:$app_port/admin/activities/$id/occurrences/$d/$action")
  [ "$status" = 302 ] || { echo "bench: the $action form answered $status, not 302" >&2; exit 1; }
done

echo "bench: warming up ${warmup:-5} s on another draw of the same list"
BENCH_SEED=2 BENCH_PATHS="$work/mixed.paths" BENCH_MODE=sample taskset -c 0 wrk -t1 -c"$c" -d"${warmup:-5}s" \
  -s bench/paths.lua -H 'Accept-Language: fi' "http://127.0.0.1:$app_port/" >/dev/null 2>&1

out="$work/table.md"
{
  echo "| run | conns | requests | req/s | p50 ms | p99 ms | errors | sent from kept bytes | computed and kept | computed, not kept | kept share | writes (status: count) | write p99 ms | peak RSS |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
} >"$out"
for run in "without writes" "a write every second"; do
  idle
  : >"$work/writes.log"
  if [ "$run" != "without writes" ]; then writer "$work/writes.log" & writer_pid=$!; fi
  read -r s0 k0 < <(meter)
  export BENCH_SEED=1
  read -r rps p50 p99 bad n < <(run_wrk "http://127.0.0.1:$app_port/" "$c" "X-Bench: 1" "$work/mixed.paths" sample)
  read -r s1 k1 < <(meter)
  if [ -n "$writer_pid" ]; then kill "$writer_pid"; wait "$writer_pid" 2>/dev/null || true; writer_pid=""; sleep 2; fi
  sent=$((s1 - s0)); kept=$((k1 - k0)); rest=$((n - sent - kept)); [ $rest -lt 0 ] && rest=0
  writes=$(awk '{ n[$1]++ } END { for (s in n) printf "%s%s: %d", (k++ ? ", " : ""), s, n[s] }' "$work/writes.log")
  wp99=$(awk '{ print $2 * 1000 }' "$work/writes.log" | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.0f", a[int((NR * 99 + 99) / 100)]; else printf "–" }')
  share=$(awk -v s=$sent -v n=$n 'BEGIN { printf "%.1f %%", (n > 0 ? 100 * s / n : 0) }')
  echo "| $run | $c | $n | $rps | $p50 | $p99 | $bad | $sent | $kept | $rest | $share | ${writes:-none} | $wp99 | $(peak_rss) |" | tee -a "$out"
done

results_file "$out" "$command" \
  "dataset: $(counts) ($dataset); weeks from $this_monday and $next_monday; $(wc -l <"$work/mixed.paths") addresses over $(wc -l <"$work/munis") municipalities, Zipf s=1.1 by published places; calendar week page 60 %, place page 15 %, place list 10 %, week JSON 15 %; Accept-Language fi 85 %, sv 10 %, en 5 %; filters: none 55 %, age 0–6 20 %, language 10 %, weekday 15 %" \
  "server and PostgreSQL (this cluster's postmaster and its children) on CPU 1, wrk on CPU 0, wrk -t1 -c$c --timeout 30s, $duration s per run, ${warmup:-5} s warm-up on another draw; writes: the administrator's cancel/restore form of an occurrence next week (30 activities drawn across the nation), one a second, curl on CPU 0" \
  "kept share: answers sent from kept bytes / wrk's requests (kohtaamo_public_responses_total deltas)"
awk '/^# mixed.sh run/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$result"
