#!/usr/bin/env bash
# Whole-process scrape benchmark: Scrapestream's scraper (`scrapestream ingest`, producing to a real
# KRaft broker) against vmagent (remote writing to a local VictoriaMetrics), on the same N targets
# served by nginx, one after the other. Prints, per tool: targets, samples/s, CPU seconds per million
# samples scraped, peak RSS in MB (and for the JVM its live heap after a full GC); appends the
# lines to bench/results/<UTC date>.txt.
#
# Usage (from the repo root, after `mvn -q -DskipTests install`):
#   bench/scrape-bench.sh [-n TARGETS] [-d SECONDS] [-w WARMUP_SECONDS] [-b BODY_FILE] [-s TOOLS]
# The warm-up is 180 s by default: the scraper's C2 compiler still takes a quarter of its CPU a
# minute after start (bench/README.md). TOOLS: scrapestream,vmagent (default) or either alone.
# The scraper's JVM gets the launcher's options for the ingest role (bin/java-opts.sh);
# SCRAPER_JAVA_OPTS replaces them (e.g. JFR, another heap). SCRAPER_KAFKA_PROPERTIES (YAML flow-map
# entries, e.g. "compression.type: lz4, linger.ms: 20") become the scraper's kafka.client_properties;
# SCRAPER_HISTOGRAM=FILE writes the scraper's live class histogram there; SCRAPER_JAR runs another
# build (before/after); KEEP_WORK=1 keeps the work directory (configs, logs) for a look afterwards.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

targets=200
duration=60
warmup=180
body="$(default_body)"
tools=scrapestream,vmagent
while getopts "n:d:w:b:s:h" opt; do
  case "$opt" in
    n) targets="$OPTARG" ;;
    d) duration="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    b) body="$OPTARG" ;;
    s) tools="$OPTARG" ;;
    h) usage_from_header "$0" 2 16 0 ;;
    *) usage_from_header "$0" 2 16 2 ;;
  esac
done
for v in targets duration warmup; do require_positive_int "$v" "${!v}"; done
[ "$targets" -le 62500 ] || { echo "targets must be <= 62500. Found: $targets" >&2; exit 2; }
[ -f "$body" ] || { echo "exposition body not found. Found: $body" >&2; exit 2; }
case ",$tools," in
  ,scrapestream,vmagent, | ,vmagent,scrapestream, | ,scrapestream, | ,vmagent,) ;;
  *) echo "tools must be scrapestream, vmagent or both, comma-separated. Found: $tools" >&2; exit 2 ;;
esac
runs() { [[ ",$tools," == *",$1,"* ]]; } # TOOL: whether this run measures it
jar="${SCRAPER_JAR:-$jar}"
require_tools nginx:nginx-light vmagent:victoria-metrics victoria-metrics:victoria-metrics \
  java:openjdk-17-jre-headless curl:curl
make_work scrape-bench
# shellcheck source=bin/java-opts.sh
source "$home/bin/java-opts.sh"

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

start_nginx "$(free_port)" "$body" "$targets"
echo "nginx on port $nginx_port: $targets targets, $expected samples each" >&2

# The broker, for the scraper.
start_broker
echo "broker at $bootstrap" >&2

# VictoriaMetrics, vmagent's remote-write target.
if runs vmagent; then
  vm_port="$(free_port)"
  start_victoria_metrics "$vm_port"
fi
targets_yaml="$(targets_yaml "$targets")"

ours=""
if runs scrapestream; then
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
  java ${SCRAPER_JAVA_OPTS-$(role_java_opts ingest)} -jar "$jar" ingest --config "$work/scrapestream.yaml" >"$work/ingest.log" 2>&1 &
  ss_pid=$!
  pids+=("$ss_pid")
  echo "scrapestream ingest: warm-up ${warmup}s, then ${duration}s" >&2
  ours="$(measure scrapestream "$ss_pid" "http://127.0.0.1:$ss_port/metrics" \
    scrapestream_ingest_samples_scraped_total "$work/kafka")"
  ours="$ours, $(live_heap_mb "$ss_pid") MB live heap after full GC"
  if [ -n "${SCRAPER_HISTOGRAM:-}" ]; then # the live classes after that full GC, largest first
    jcmd "$ss_pid" GC.class_histogram -all | head -40 >"$SCRAPER_HISTOGRAM"
  fi
  stop_pid "$ss_pid"
fi

theirs=""
if runs vmagent; then
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
fi

printf '%s\n%s\n' "$ours" "$theirs" | sed '/^$/d' | append_results \
  "targets=$targets duration=${duration}s warmup=${warmup}s body=$(basename "$body") ($expected samples)" \
  "SCRAPER_JAVA_OPTS=\"${SCRAPER_JAVA_OPTS-$(role_java_opts ingest)}\" SCRAPER_KAFKA_PROPERTIES=\"${SCRAPER_KAFKA_PROPERTIES:-}\" jar=$jar"
