# Shared parts of the benchmarks in bench/ (sourced by scrape-bench.sh and pipeline-bench.sh):
# tool checks, the work directory and process cleanup, ports, nginx targets, the broker, the
# VictoriaMetrics receiver, /proc readings and the results file. Expects `set -euo pipefail`.
# Globals it sets: home, jar, work, pids, nginx_port, expected, bootstrap.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/cli/target/scrapestream.jar"
# The exposition every target serves (507 samples): the shared node_exporter 1.5.0 body.
default_body() {
  local body="$home/../shared/testdata/expositions/node_exporter-1.5.0.prom"
  [ -f "$body" ] || body="/work/shared/testdata/expositions/node_exporter-1.5.0.prom"
  echo "$body"
}
# The first address of the targets: target i is ${target_net}.(i-1)/250.(i-1)%250+1.
target_net="127.0"
pids=()

usage_from_header() { # SCRIPT FIRST_LINE LAST_LINE EXIT_CODE
  sed -n "$2,$3p" "$1" | sed 's/^# \{0,1\}//'
  exit "$4"
}

require_positive_int() { # NAME VALUE
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$1 must be a positive integer. Found: $2" >&2; exit 2; }
}

# Exits 2 with the apt-get line when a command is missing. Arguments: COMMAND:DEBIAN_PACKAGE ...
require_tools() {
  local tool missing=()
  for tool in "$@"; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin" command -v "${tool%%:*}" \
      >/dev/null 2>&1 || missing+=("${tool#*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "missing tools; install them with: apt-get install -y $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
    exit 2
  fi
  [ -f "$jar" ] || { echo "$jar not found: run 'mvn -q -DskipTests install' (or ./scrapestream --version) first" >&2; exit 2; }
}

# Makes the work directory (world-readable: nginx workers may run as another user) and the EXIT
# trap that stops every process in `pids` and removes it (kept when KEEP_WORK is set).
make_work() { # NAME
  work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  chmod 755 "$work"
  trap cleanup EXIT
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
# Stops one process started by the script and waits for it.
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# A free TCP port on 127.0.0.1 (a random one not listened on).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}
# Exits 2 when a chosen port is already listened on. Arguments: PORT WHAT.
require_free_port() {
  if ss -ltnH "sport = :$1" | grep -q .; then
    echo "port $1 ($2) is already in use: choose another base port (-p). Found listening: $(ss -ltnH "sport = :$1" | head -1)" >&2
    exit 2
  fi
}

# The i-th target (1-based): a distinct loopback address, all on the one nginx port.
target() { echo "$target_net.$(( ($1 - 1) / 250 )).$(( ($1 - 1) % 250 + 1 )):$nginx_port"; }
# The first N targets as a YAML flow sequence.
targets_yaml() { # N
  local i list=""
  for ((i = 1; i <= $1; i++)); do list+="\"$(target "$i")\","; done
  echo "[${list%,}]"
}

wait_http() { # URL SECONDS [LOG_TO_SHOW_ON_FAILURE]
  local i
  for ((i = 0; i < $2 * 10; i++)); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "$1 did not answer within $2 s${3:+; the end of $3:}" >&2
  [ -z "${3:-}" ] || tail -5 "$3" >&2
  exit 1
}

# CPU seconds (user + system) of a process so far, from /proc/PID/stat fields 14 and 15.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"
}
# CPU seconds so far of a JVM's JIT compiler threads (C1 and C2 CompilerThread, summed over
# /proc/PID/task; a compiler thread that already ended is not counted). 0 for a process without.
jit_seconds() {
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ CompilerThre* | C2\ CompilerThre*) sum=$((sum + $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  awk -v s="$sum" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", s / hz }'
}
# Heap in use after a full GC (the live set) of a JVM, in MB: G1's " heap" line, or the sum of the
# generations of Serial ("def new", "tenured") and Parallel ("PSYoungGen", "ParOldGen").
live_heap_mb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/ heap |generation|PSYoungGen|ParOldGen/ {
    for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); s += v } }
    END { printf "%.1f", s / 1024 }'
}
peak_rss_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# Sum of the samples of one metric name in a /metrics page (any labels).
metric_sum() { # URL NAME
  curl -fs "$1" | awk -v n="$2" '$1 == n || index($1, n "{") == 1 { s += $NF } END { printf "%.0f", s }'
}
# The value of one series of a /metrics page, written as there: name{label="value"}.
metric_value() { # URL SERIES
  curl -fs "$1" | awk -v n="$2" '$1 == n { s += $NF } END { printf "%.0f", s }'
}

# nginx: one server on one port serving the same body for every path, for every target address.
# Sets nginx_port and expected (the samples in one scrape of the body).
start_nginx() { # PORT BODY [INDEX_OF_A_TARGET_TO_CHECK]
  nginx_port="$1"
  mkdir -p "$work/nginx"
  cp "$2" "$work/nginx/body.prom"
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/tmp;
  default_type "text/plain; version=0.0.4";
  server {
    listen $nginx_port;
    location / { root $work/nginx; rewrite ^ /body.prom break; }
  }
}
CONF
  "$(PATH="$PATH:/usr/sbin" command -v nginx)" -p "$work/nginx" -c "$work/nginx/nginx.conf" \
    -g 'daemon off;' 2>"$work/nginx/stderr" &
  pids+=($!)
  wait_http "http://$(target 1)/metrics" 10
  expected="$(curl -fs "http://$(target "${3:-1}")/metrics" | grep -vc '^#')"
}

# The KRaft broker as a process of its own (BrokerMain of the shaded jar). Sets bootstrap and
# broker_pid. PORT 0 or none: any free port. BROKER_JAVA_OPTS go to its JVM.
start_broker() { # [PORT]
  # shellcheck disable=SC2086
  java ${BROKER_JAVA_OPTS:-} -cp "$jar" io.scrapestream.broker.BrokerMain "$work/kafka" "${1:-0}" \
    >"$work/broker.out" 2>"$work/broker.err" &
  broker_pid=$!
  pids+=("$broker_pid")
  local i
  for ((i = 0; i < 600; i++)); do grep -qs "^bootstrap.servers=" "$work/broker.out" && break; sleep 0.1; done
  bootstrap="$(sed -n 's/^bootstrap.servers=//p' "$work/broker.out")"
  [ -n "$bootstrap" ] || { echo "broker did not start: $(tail -5 "$work/broker.err")" >&2; exit 1; }
}

# A VictoriaMetrics receiver on 127.0.0.1:PORT (remote write at /api/v1/write).
start_victoria_metrics() { # PORT [FLAG...]
  local port="$1"
  shift
  victoria-metrics -storageDataPath "$work/vm" -httpListenAddr "127.0.0.1:$port" \
    -loggerLevel ERROR "$@" >"$work/vm.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$port/health" 30
}

# Appends standard input, after a header line, to bench/results/<UTC date>.txt and echoes it.
append_results() { # HEADER [TRAILER]
  mkdir -p "$home/bench/results"
  { echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $1 nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) ${2:-}"; cat; } \
    | tee -a "$home/bench/results/$(date -u +%Y-%m-%d).txt"
}
