#!/usr/bin/env bash
# Whole-process scrape benchmark: Scrapestream's scraper (`scrapestream ingest`, producing to a real
# KRaft broker) against vmagent (remote writing to a local VictoriaMetrics), on the same N targets
# served by nginx, one after the other. Prints, per tool: targets, samples/s, CPU seconds per million
# samples scraped, peak RSS in MB (and for the JVM its live heap after a full GC); appends the
# lines to bench/results/<UTC date>.txt.
#
# Usage (from the repo root, after `mvn -q -DskipTests install`):
#   bench/scrape-bench.sh [-n TARGETS] [-d SECONDS] [-w WARMUP_SECONDS] [-b BODY_FILE]
# SCRAPER_JAVA_OPTS are passed to the scraper's JVM (e.g. JFR, heap size); SCRAPER_KAFKA_PROPERTIES
# (YAML flow-map entries, e.g. "compression.type: zstd, linger.ms: 20") become the scraper's
# kafka.client_properties; SCRAPER_HISTOGRAM=FILE writes the scraper's live class histogram there;
# SCRAPER_JAR runs another build (before/after); KEEP_WORK=1 keeps the work directory for a look.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SCRAPER_JAR:-$home/cli/target/scrapestream.jar}"
targets=200
duration=60
warmup=15
body="$home/../shared/testdata/expositions/node_exporter-1.5.0.prom"
[ -f "$body" ] || body="/work/shared/testdata/expositions/node_exporter-1.5.0.prom"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "$1"; }
while getopts "n:d:w:b:h" opt; do
  case "$opt" in
    n) targets="$OPTARG" ;;
    d) duration="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    b) body="$OPTARG" ;;
    h) usage 0 ;;
    *) usage 2 ;;
  esac
done
for v in targets duration warmup; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "$v must be a positive integer. Found: ${!v}" >&2; exit 2; }
done
[ "$targets" -le 62500 ] || { echo "targets must be <= 62500. Found: $targets" >&2; exit 2; }
[ -f "$body" ] || { echo "exposition body not found. Found: $body" >&2; exit 2; }

missing=()
for tool in nginx:nginx-light vmagent:victoria-metrics victoria-metrics:victoria-metrics \
            java:openjdk-17-jre-headless curl:curl; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin" command -v "${tool%%:*}" \
    >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "missing tools; install them with: apt-get install -y $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
  exit 2
fi
[ -f "$jar" ] || { echo "$jar not found: run 'mvn -q -DskipTests install' (or ./scrapestream --version) first" >&2; exit 2; }
nginx_bin="$(PATH="$PATH:/usr/sbin" command -v nginx)"

work="$(mktemp -d "${TMPDIR:-/tmp}/scrape-bench.XXXXXX")"
chmod 755 "$work" # nginx workers started by root run as another user and must read the body
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A free TCP port on 127.0.0.1 (a random one not listened on).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

# The i-th target (1-based): a distinct loopback address, all on the one nginx port.
target() { echo "127.0.$(( ($1 - 1) / 250 )).$(( ($1 - 1) % 250 + 1 )):$nginx_port"; }

wait_http() { # URL SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "$1 did not answer within $2 s" >&2; exit 1
}

# CPU seconds (user + system) of a process so far, from /proc/PID/stat fields 14 and 15.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"
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

# Bytes of the Kafka log segments under a broker's data directory (what the records take there).
log_bytes() { find "$1" -name '*.log' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }'; }

# Runs a tool until warm, then measures DURATION seconds: prints the result line. With LOG_DIR (the
# broker's data directory) it adds the bytes the records took on the broker per sample.
measure() { # NAME PID METRICS_URL SAMPLES_METRIC [LOG_DIR]
  local name="$1" pid="$2" url="$3" metric="$4" logs="${5:-}"
  wait_http "$url" 60
  sleep "$warmup"
  local c0 s0 t0 b0=0 c1 s1 t1 b1=0
  [ -z "$logs" ] || b0="$(log_bytes "$logs")"
  c0="$(cpu_seconds "$pid")"; s0="$(metric_sum "$url" "$metric")"; t0="$(date +%s.%N)"
  sleep "$duration"
  c1="$(cpu_seconds "$pid")"; s1="$(metric_sum "$url" "$metric")"; t1="$(date +%s.%N)"
  [ -z "$logs" ] || b1="$(log_bytes "$logs")"
  awk -v n="$name" -v t="$targets" -v c="$(echo "$c1 - $c0" | bc)" -v s="$((s1 - s0))" \
      -v el="$(echo "$t1 - $t0" | bc)" -v rss="$(peak_rss_mb "$pid")" -v b="$((b1 - b0))" 'BEGIN {
    if (s <= 0) { printf "%s: no samples scraped in the window (%s)\n", n, s > "/dev/stderr"; exit 1 }
    printf "%s, %d targets, %.0f samples/s, %.3f CPU-s per million samples, %s MB peak RSS",
      n, t, s / el, c / (s / 1e6), rss
    if (b > 0) printf ", %.2f bytes per sample on the broker", b / s
    printf "\n" }'
}

# nginx: one server on one port serving the same body for every path.
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
cp "$body" "$work/nginx/body.prom"
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
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" &
pids+=($!)
wait_http "http://$(target 1)/metrics" 10
expected="$(curl -fs "http://$(target "$targets")/metrics" | grep -vc '^#')"
echo "nginx on port $nginx_port: $targets targets, $expected samples each" >&2

# The broker, for the scraper.
java -cp "$jar" io.scrapestream.broker.BrokerMain "$work/kafka" >"$work/broker.out" 2>"$work/broker.err" &
pids+=($!)
for ((i = 0; i < 600; i++)); do grep -qs "^bootstrap.servers=" "$work/broker.out" && break; sleep 0.1; done
bootstrap="$(sed -n 's/^bootstrap.servers=//p' "$work/broker.out")"
[ -n "$bootstrap" ] || { echo "broker did not start: $(tail -5 "$work/broker.err")" >&2; exit 1; }
echo "broker at $bootstrap" >&2

# VictoriaMetrics, vmagent's remote-write target.
vm_port="$(free_port)"
victoria-metrics -storageDataPath "$work/vm" -httpListenAddr "127.0.0.1:$vm_port" \
  -loggerLevel ERROR >"$work/vm.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$vm_port/health" 30

targets_yaml="$(for ((i = 1; i <= targets; i++)); do printf '"%s",' "$(target "$i")"; done)"
targets_yaml="[${targets_yaml%,}]"

# Scrapestream's scraper.
ss_port="$(free_port)"
cat > "$work/scrapestream.yaml" <<CONF
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: bench
    static_configs: [{targets: $targets_yaml}]
scraper: {id: bench}
kafka: {bootstrap_servers: "$bootstrap", topic_prefix: bench., client_properties: {${SCRAPER_KAFKA_PROPERTIES:-}}}
telemetry: {listen_address: "127.0.0.1:$ss_port"}
CONF
java -jar "$jar" topics apply --replication-factor 1 --config "$work/scrapestream.yaml" >"$work/topics.log" 2>&1 \
  || { echo "topics apply failed: $(tail -5 "$work/topics.log")" >&2; exit 1; }
# shellcheck disable=SC2086
java ${SCRAPER_JAVA_OPTS:-} -jar "$jar" ingest --config "$work/scrapestream.yaml" >"$work/ingest.log" 2>&1 &
ss_pid=$!
pids+=("$ss_pid")
echo "scrapestream ingest: warm-up ${warmup}s, then ${duration}s" >&2
ours="$(measure scrapestream "$ss_pid" "http://127.0.0.1:$ss_port/metrics" \
  scrapestream_ingest_samples_scraped_total "$work/kafka")"
ours="$ours, $(live_heap_mb "$ss_pid") MB live heap after full GC"
if [ -n "${SCRAPER_HISTOGRAM:-}" ]; then # the live classes after that full GC, largest first
  jcmd "$ss_pid" GC.class_histogram -all | head -40 >"$SCRAPER_HISTOGRAM"
fi
kill "$ss_pid"; wait "$ss_pid" 2>/dev/null || true

# vmagent, same targets and interval, remote writing to VictoriaMetrics.
vma_port="$(free_port)"
cat > "$work/prometheus.yml" <<CONF
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: bench
    static_configs: [{targets: $targets_yaml}]
CONF
vmagent -promscrape.config "$work/prometheus.yml" -remoteWrite.url "http://127.0.0.1:$vm_port/api/v1/write" \
  -remoteWrite.tmpDataPath "$work/vmagent" -httpListenAddr "127.0.0.1:$vma_port" \
  -loggerLevel ERROR >"$work/vmagent.log" 2>&1 &
vma_pid=$!
pids+=("$vma_pid")
echo "vmagent: warm-up ${warmup}s, then ${duration}s" >&2
theirs="$(measure vmagent "$vma_pid" "http://127.0.0.1:$vma_port/metrics" vm_promscrape_scraped_samples_sum)"

mkdir -p "$home/bench/results"
result="$home/bench/results/$(date -u +%Y-%m-%d).txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) targets=$targets duration=${duration}s warmup=${warmup}s" \
    "body=$(basename "$body") ($expected samples) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)" \
    "SCRAPER_JAVA_OPTS=\"${SCRAPER_JAVA_OPTS:-}\" SCRAPER_KAFKA_PROPERTIES=\"${SCRAPER_KAFKA_PROPERTIES:-}\"" \
    "jar=$jar"
  echo "$ours"
  echo "$theirs"
} | tee -a "$result"
