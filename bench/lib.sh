# Shared helpers of bench/run.sh and bench/mixed.sh (sourced, not run). Each helper says what it reads and sets.
# Callers set: work (a scratch directory), duration, pause, and after bench_dataset: db, muni, demo_env.
# KOHTAAMO_BENCH_DB: the national dataset's database (default kohtaamo_bench), e.g. a copy made with
# `createdb -T kohtaamo_bench <name>` so that two benchmarks do not share one database.

PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
app_port=8097
nginx_port=8096
metrics_token="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"   # the application asks for 24 characters at least
pool=${KOHTAAMO_DB_POOL:-10}   # the application's database pool; the SQL reference uses min(connections, pool)
app_pid=""
nginx_pid=""
writer_pid=""
today=$(date +%F)
monday=$(date -d "$today +$(( (8 - $(date -d "$today" +%u)) % 7 )) days" +%F)   # next Monday (today when Monday)
sunday=$(date -d "$monday +6 days" +%F)
this_monday=$(date -d "$today -$(( $(date -d "$today" +%u) - 1 )) days" +%F)     # the current week's Monday

bench_tools() {   # installs wrk, nginx (with gzip_static) and pgbench when missing; sets NGINX
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  command -v pgbench >/dev/null || need+=(postgresql-client)
  bench_apt "${need[@]}"
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  # the compressed reference serves .gz files as they are: Debian's nginx-light has the module, else nginx-core
  "$NGINX" -V 2>&1 | grep -q http_gzip_static_module || { bench_apt nginx-core; NGINX=/usr/sbin/nginx; }
}
bench_apt() {
  [ $# -gt 0 ] || return 0
  echo "bench: installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}

bench_build() {   # builds the jar unless it is newer than every source; sets jar
  jar=$(ls target/kohtaamo-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
    echo "bench: building the jar"
    ./mvnw -q -B -ntp -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
    jar=$(ls target/kohtaamo-*.jar | grep -v plain | head -1)
  fi
}

bench_dataset() {   # bench_dataset national|demo fresh(true|false): prepares the database; sets db, muni, demo_env
  local places start
  case $1 in
    national) db=${KOHTAAMO_BENCH_DB:-kohtaamo_bench}; muni=837 ;;   # Tampere: the largest municipality outside the capital's districts
    demo) db=kohtaamo_bench_demo; muni=049 ;;  # Espoo
    *) echo "unknown dataset $1" >&2; exit 2 ;;
  esac
  places=$("${PSQL[@]}" -d $db -c "select count(*) from place" 2>/dev/null || echo 0)
  demo_env=()
  if [ "$1" = demo ]; then
    if $2 || [ "$places" -lt 100 ]; then
      "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
    fi
    # the application loads the demo data itself at its first start
    demo_env=(KOHTAAMO_DEMO=true KOHTAAMO_DEMO_PASSWORD=bench-demo-password)
  elif $2 || [ "$places" -lt 1000 ]; then
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
}
counts() {
  "${PSQL[@]}" -d $db -c "select (select count(*) from county) || ' counties, ' || (select count(*) from municipality) \
    || ' municipalities, ' || (select count(*) from place) || ' places, ' || (select count(*) from activity) || ' activities'"
}

# PostgreSQL shares CPU 1 with the server: only this cluster's postmaster (the one on 127.0.0.1:5432) and its
# children are pinned, each one's own affinity noted and restored by unpin_postgres (new backends inherit the
# postmaster's and are given its old one back).
pinned=()
pin_postgres() {
  local dir pm p
  dir=$("${PSQL[@]}" -d postgres -c "show data_directory")
  pm=$(head -1 "$dir/postmaster.pid")
  for p in "$pm" $(pgrep -P "$pm" || true); do
    pinned+=("$p:$(taskset -p "$p" 2>/dev/null | awk '{ print $NF }')")
    taskset -a -p 2 "$p" >/dev/null 2>&1 || true
  done
  postmaster=$pm
}
unpin_postgres() {
  local e p mask pm_mask=""
  for e in "${pinned[@]}"; do
    p=${e%%:*}; mask=${e#*:}
    [ "$p" = "${postmaster:-}" ] && pm_mask=$mask
    [ -n "$mask" ] && taskset -a -p "$mask" "$p" >/dev/null 2>&1 || true
  done
  [ -n "$pm_mask" ] && for p in $(pgrep -P "$postmaster" || true); do taskset -a -p "$pm_mask" "$p" >/dev/null 2>&1 || true; done
  pinned=()
}
bench_cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  unpin_postgres
}

app_setup() {   # the application's environment (after bench_dataset): a benchmark administrator made anew
  admin_password="pw-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  # with report_sessions' accounts: an administrator left by an earlier run would keep the application from making
  # the benchmark administrator anew (only the first administrator is made from the environment)
  "${PSQL[@]}" -d $db -c "delete from app_user where email = 'bench@example.fi' or email like 'bench-%@example.fi'" \
    >/dev/null 2>&1 || true
  app_env=(env "${demo_env[@]}" PORT=$app_port KOHTAAMO_MODE=production KOHTAAMO_JOBS=false
    KOHTAAMO_SECURE_COOKIES=true KOHTAAMO_PUBLIC_BASE_URL="http://127.0.0.1:$app_port"
    KOHTAAMO_ADMIN_EMAIL=bench@example.fi KOHTAAMO_ADMIN_PASSWORD="$admin_password"
    KOHTAAMO_METRICS_TOKEN="$metrics_token" KOHTAAMO_DB_POOL="$pool"
    KOHTAAMO_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOHTAAMO_DB_USER=postgres)
}
start_app() {   # start_app <label> <java args...>: starts on CPU 1, waits for /places, sets app_pid and startup
  local label=$1 t0 waited=0; shift
  # a server still answering on the port (another script's, not yet stopped) would be timed as this start
  while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$app_port/"; do
    waited=$((waited + 1))
    [ $waited -le 60 ] || { echo "bench: something still answers on port $app_port; stop it first" >&2; exit 1; }
    sleep 0.5
  done
  t0=$(date +%s%N)
  # the heap of the documented production start (bin/kohtaamo's default JAVA_OPTS)
  "${app_env[@]}" taskset -c 1 "${java_bin:-java}" -Xmx512m "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$app_port/places"; do
    # may_fail=true: the caller goes on without this start (e.g. a JDK 25 AOT cache that could not be mapped)
    kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; app_pid=""; ${may_fail:-false} && return 1; exit 1; }
    sleep 0.1
  done
  startup=$(awk -v s="$t0" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
  echo "  $label: serving /places after $startup s"
  until grep -q "Kohtaamo is running at" "$work/app.log"; do   # demo data loads after the server answers
    kill -0 $app_pid 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
    sleep 0.5
  done
  if ! ${analyzed:-false}; then   # fresh statistics (the demo data were just loaded), for the SQL reference's plans
    "${PSQL[@]}" -d $db -c "vacuum analyze" >/dev/null
    analyzed=true
  fi
}
stop_app() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
sign_in() {   # signs in as the benchmark administrator; sets cookies (a curl jar), session (a header) and csrf
  cookies="$work/cookies"
  sign_in_as bench@example.fi "$cookies" >/dev/null
  session="Cookie: SESSION=$(awk '$6 == "SESSION" { print $7 }' "$cookies")"
  # the token of the signed-in session, for the writes of bench/mixed.sh
  csrf=$(curl -s -b "$cookies" "http://127.0.0.1:$app_port/admin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//')
}
sign_in_as() {   # sign_in_as <email> <cookie jar>: a new session of the account (password $admin_password); prints its header
  local token
  token=$(curl -s -c "$2" -b "$2" "http://127.0.0.1:$app_port/login" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$2" -b "$2" --data-urlencode "email=$1" \
    --data-urlencode "password=$admin_password" --data-urlencode "_csrf=$token" "http://127.0.0.1:$app_port/login"
  # the page the sign-in leads to, as a browser follows it: the session's new CSRF token is made here, not by the
  # benchmark's first concurrent requests (which would each try to store one)
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$2" "http://127.0.0.1:$app_port/admin")" = 200 ] \
    || { echo "bench: $1 could not sign in" >&2; return 1; }
  echo "Cookie: SESSION=$(awk '$6 == "SESSION" { print $7 }' "$2")"
}
# report_sessions <county> <file>: signed-in sessions for the report cells, as the header column of wrk's paths file
# ("<cell kind><TAB><header>" a line): "county" lines are the benchmark administrator, 7 more administrators and 8
# county coordinators of <county>, one session each; "national" lines the 8 administrators, two sessions each. The
# accounts get the administrator's password hash; app_setup removes them with the administrator before each run.
report_sessions() {
  local county=$1 file=$2 i e kind jar header
  : >"$file"
  for i in 1 2 3 4 5 6 7 8; do
    e=bench-admin-$i@example.fi
    [ $i = 1 ] && e=bench@example.fi || bench_account "$e" ADMIN null
    bench_account "bench-coordinator-$i@example.fi" COUNTY_COORDINATOR "$county"
    for kind in county:$e county:bench-coordinator-$i@example.fi national:$e national:$e; do
      jar="$work/cookies.$i.$(wc -l <"$file")"
      header=$(sign_in_as "${kind#*:}" "$jar")   # an assignment: a failed sign-in stops the run (set -e)
      printf '%s\t%s\n' "${kind%%:*}" "$header" >>"$file"
    done
  done
}
bench_account() {   # bench_account <email> <role> <county id or null>: an account with the administrator's password
  "${PSQL[@]}" -d $db -c "insert into app_user (email, display_name, password_hash, role, county_id, created_at, updated_at)
    select '$1', '$1', password_hash, '$2', $3, now(), now() from app_user where email = 'bench@example.fi'
    on conflict (email) do update set password_hash = excluded.password_hash, role = excluded.role,
      county_id = excluded.county_id, enabled = true" >/dev/null
}
meter() {   # "<sent> <kept>": kohtaamo_public_responses_total from the application's Prometheus page
  curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$app_port/actuator/prometheus" | awk '
    /^kohtaamo_public_responses_total/ && /result="sent"/ { s = $NF }
    /^kohtaamo_public_responses_total/ && /result="kept"/ { k = $NF }
    END { printf "%d %d\n", s, k }'
}
peak_rss() { awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' /proc/$app_pid/status; }

fetch() {   # fetch <path> <file> [header]: the application's identity bytes to <file>, its gzip bytes to <file>.gz
  local path=$1 file=$2 extra=${3:-X-Bench: 1}
  curl -sf -H 'Accept-Language: fi' -H "$extra" -o "$file" "http://127.0.0.1:$app_port$path" \
    || { echo "bench: $path did not answer 200" >&2; exit 1; }
  curl -sf -H 'Accept-Language: fi' -H "$extra" -H 'Accept-Encoding: gzip' -D "$work/gz.headers" -o "$file.gz" \
    "http://127.0.0.1:$app_port$path"
  if ! grep -qi '^content-encoding: *gzip' "$work/gz.headers"; then
    # an application that does not compress: nginx then sends the same bytes compressed by gzip -6
    gzip -6 -c "$file" >"$file.gz"
    app_plain+=("$path")
  fi
}
app_plain=()   # the addresses the application answered uncompressed (signed-in pages are not kept, so not compressed)

start_nginx() {   # start_nginx: nginx on CPU 1, one worker, serving $work/static (.gz beside each file)
  mkdir -p "$work/static" "$work/nginx"
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
  gzip_static on;
  gzip_vary on;
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
}

# run_wrk <url> <connections> [header] [paths file] [cycle|once|sample] [extra header]:
#   "<requests/s> <p50 ms> <p99 ms> <errors> <requests>"; errors are non-2xx answers and socket errors, timeouts
#   (30 s) included. With a paths file (lines "weight<TAB>Accept-Language<TAB>path"), bench/paths.lua asks its
#   addresses in turn (cycle), each once and then stops (once), or drawn by weight (sample).
run_wrk() {
  local target=$1 c=$2 extra=${3:-X-Bench: 1} paths=${4:-} mode=${5:-cycle} extra2=${6:-X-Bench2: 1} script=()
  [ -n "$paths" ] && script=(-s bench/paths.lua)
  BENCH_PATHS=$paths BENCH_MODE=$mode taskset -c 0 wrk -t1 -c"$c" -d"${duration}s" --timeout 30s --latency \
    "${script[@]}" -H 'Accept-Language: fi' -H "$extra" -H "$extra2" "$target" >"$work/wrk.out" 2>&1
  cat "$work/wrk.out" >>"$work/wrk.all"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    / requests in / { n = $1 }
    /^once-elapsed/ { elapsed = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
    END { if (elapsed > 0) rps = n / elapsed; printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, n }' "$work/wrk.out"
}
# run_pgbench <file> <connections> [-D vars...]: "<transactions/s> <p50 ms> <p99 ms>", min(connections, pool)
run_pgbench() {
  local file=$1 c=$2 tps n p50 p99; shift 2
  [ "$c" -gt "$pool" ] && c=$pool
  rm -f "$work"/pgbench_log.*
  (cd "$work" && taskset -c 0 pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j 1 -T "$duration" \
    "$@" -f "$OLDPWD/$file" -l --log-prefix=pgbench_log $db >"$work/pgbench.out" 2>&1) \
    || { cat "$work/pgbench.out" >&2; echo "0 0 0"; return; }
  tps=$(awk '/^tps/ { print $3; exit }' "$work/pgbench.out")
  cat "$work"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n >"$work/lat"
  n=$(wc -l <"$work/lat")
  p50=$(sed -n "$(( (n + 1) / 2 ))p" "$work/lat")
  p99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$work/lat")
  printf "%.0f %.2f %.2f\n" "$tps" "$p50" "$p99"
}
# sql_rows <file> name=value...: how many rows the script's last statement returns (first municipality, first week)
sql_rows() {
  local file=$1 kv sub=(-e '/^\\set/d' -e 's/--.*$//' -e 's/:i\b/1/g' -e 's/:w\b/0/g'); shift
  for kv in "$@"; do sub+=(-e "s/:${kv%%=*}\b/'${kv#*=}'/g"); done
  "${PSQL[@]}" -d $db -c "select count(*) from ($(sed "${sub[@]}" "$file" | tr '\n' ' ' | sed 's/; *$//')) x"
}
idle() { sleep "$pause"; }   # between cells: one cell's GC and backlog must not spill into the next

results_file() {   # results_file <table file> <command> <lines...>: appends a run to bench/results/<date>.md
  local table=$1 command=$2; shift 2
  mkdir -p bench/results
  result="bench/results/$(date +%F).md"
  {
    echo
    echo "# $(basename "$0") run $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(hostname), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(java -version 2>&1 | head -1); PostgreSQL $("${PSQL[@]}" -d $db -c 'show server_version'); git $(git rev-parse --short HEAD)"
    echo "- command: $command"
    local line
    for line in "$@"; do echo "- $line"; done
    echo
    cat "$table"
  } >>"$result"
  echo
  echo "bench: appended to $result"
}
