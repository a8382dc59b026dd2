#!/usr/bin/env bash
# Whole-pipeline load benchmark: the Scrapestream pipeline as the separate processes a cluster runs
# (KRaft broker, `scrapestream ingest`, `enrich`, `sink` remote writing 1.0), then vmagent, then
# Prometheus 2.42 in agent mode, one after the other, on the same N nginx targets and into one
# VictoriaMetrics receiver (a distinct job label per system). Prints, per system: samples/s
# delivered (the receiver's vm_rows_inserted_total{type="promremotewrite"} over the window), CPU
# seconds per million delivered samples (the system's processes summed; nginx and the receiver
# are not counted), peak RSS (sum and per process), the per-process CPU split (and how much of it
# the JVMs' JIT compiler threads took in the window: start-up cost, not steady state), and the
# end-to-end latency p50/p99 from bench/latency_probe.py (scrape timestamp -> readable in the
# receiver).
# Appends the lines to bench/results/<UTC date>.txt.
#
# Usage (from the repo root, after `mvn -q -DskipTests install`):
#   bench/pipeline-bench.sh [-n TARGETS] [-d SECONDS] [-w WARMUP_SECONDS] [-b BODY_FILE]
#                           [-p BASE_PORT] [-a TARGET_NET] [-s SYSTEMS]
# -n 200, -d 60 (window), -w 180 (warm-up, from when every target is delivered live; the JVMs'
# C2 compiler settles about 3 min after start, so a shorter warm-up measures start-up cost too),
# -b the node_exporter 1.5.0 body (507 samples),
# -p 38400 (or $BENCH_PORT_BASE): ports BASE..BASE+7 (nginx, broker, receiver, ingest, enrich,
# sink, vmagent, prometheus), -a 127.1 (or $BENCH_TARGET_NET): target i is 127.1.(i-1)/250.x,
# -s scrapestream,vmagent,prometheus (a comma list of the systems to run, in that order).
# JVMs: the launcher's options per role (bin/java-opts.sh), or PIPELINE_JAVA_OPTS for all three;
# BROKER_JAVA_OPTS (-Xmx1g) for the broker. PIPELINE_JAR: another build (before/after pairs).
# PIPELINE_KAFKA_PROPERTIES (all roles), INGEST_/ENRICH_/SINK_KAFKA_PROPERTIES (one role): YAML
# flow-map entries for kafka.client_properties ('linger.ms: 20, fetch.max.wait.ms: 100').
# SINK_BACKEND_EXTRA: one more YAML line in the sink's backend ('batch: {max_samples: 20000}').
# PARTITIONS (12, as `scrapestream topics apply`): partitions of the sample topics.
# CATCH_UP_SECONDS (300) bounds the wait for live delivery; KEEP_WORK=1 keeps the work directory.
# WARMUP_HOOK: a command run at the start of each warm-up with BENCH_PIDS="NAME=PID ..."
# (bench/pipeline-diag.sh: CPU per thread and Kafka rates per process); shorter than -w.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

targets=200
duration=60
warmup=180
body="$(default_body)"
base_port="${BENCH_PORT_BASE:-38400}"
target_net="${BENCH_TARGET_NET:-127.1}"
systems="scrapestream,vmagent,prometheus"
partitions="${PARTITIONS:-12}"
while getopts "n:d:w:b:p:a:s:h" opt; do
  case "$opt" in
    n) targets="$OPTARG" ;;
    d) duration="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    b) body="$OPTARG" ;;
    p) base_port="$OPTARG" ;;
    a) target_net="$OPTARG" ;;
    s) systems="$OPTARG" ;;
    h) usage_from_header "$0" 2 31 0 ;;
    *) usage_from_header "$0" 2 31 2 ;;
  esac
done
for v in targets duration warmup base_port partitions; do require_positive_int "$v" "${!v}"; done
[ "$targets" -le 62500 ] || { echo "targets must be <= 62500. Found: $targets" >&2; exit 2; }
[ "$base_port" -le 65528 ] || { echo "base port must be <= 65528. Found: $base_port" >&2; exit 2; }
[[ "$target_net" =~ ^127\.[0-9]{1,3}$ ]] || { echo "target net must be 127.X. Found: $target_net" >&2; exit 2; }
for s in ${systems//,/ }; do
  [[ "$s" =~ ^(scrapestream|vmagent|prometheus)$ ]] \
    || { echo "systems must be a comma list of scrapestream, vmagent, prometheus. Found: $s" >&2; exit 2; }
done
[ -f "$body" ] || { echo "exposition body not found. Found: $body" >&2; exit 2; }
jar="${PIPELINE_JAR:-$jar}"
require_tools nginx:nginx-light vmagent:victoria-metrics victoria-metrics:victoria-metrics \
  prometheus:prometheus java:openjdk-17-jre-headless curl:curl python3:python3 bc:bc
names=(nginx broker receiver ingest enrich sink vmagent prometheus)
declare -A port
for i in "${!names[@]}"; do
  port[${names[$i]}]=$((base_port + i))
  require_free_port "${port[${names[$i]}]}" "${names[$i]}"
done
make_work pipeline-bench
# shellcheck source=bin/java-opts.sh
source "$home/bin/java-opts.sh"
receiver="http://127.0.0.1:${port[receiver]}"

# Waits until every target's node_load1 of JOB has a sample of the last 5 s in the receiver (the
# system delivers live, so the warm-up starts from a pipeline that caught up), at most
# CATCH_UP_SECONDS (300): a system still behind then is measured as it is, with a warning.
wait_delivering() { # JOB
  local i live=0
  for ((i = 0; i < ${CATCH_UP_SECONDS:-300}; i++)); do
    live="$(curl -fs "$receiver/api/v1/export" --data-urlencode "match[]=node_load1{job=\"$1\"}" \
      --data-urlencode "start=$(( $(date +%s) - 5 ))" | grep -c '"timestamps"' || true)"
    [ "$live" -ge "$targets" ] && return 0
    sleep 1
  done
  echo "$1: only $live of $targets targets delivered live after ${CATCH_UP_SECONDS:-300} s: measuring it behind" >&2
}

# One line per system. Arguments: SYSTEM JOB NAME=PID... (the processes the system is made of).
measure() {
  local system="$1" job="$2" probes="" i
  shift 2
  for i in 1 $((targets / 4 + 1)) $((targets / 2 + 1)) $((targets * 3 / 4 + 1)) "$targets"; do
    probes+="$(target "$i")|"
  done
  wait_delivering "$job"
  echo "$system: warm-up ${warmup}s, then ${duration}s" >&2
  local hook_pid=""
  [ -z "${WARMUP_HOOK:-}" ] || { BENCH_PIDS="$*" bash -c "$WARMUP_HOOK" >"$work/hook-$system.txt" 2>&1 & hook_pid=$!; }
  sleep "$warmup"
  [ -z "$hook_pid" ] || { wait "$hook_pid" || true; cat "$work/hook-$system.txt" >&2; }
  local -a c0 c1 j0 j1
  local proc r0 r1 t0 t1
  for proc in "$@"; do c0+=("$(cpu_seconds "${proc#*=}")"); j0+=("$(jit_seconds "${proc#*=}")"); done
  r0="$(metric_value "$receiver/metrics" 'vm_rows_inserted_total{type="promremotewrite"}')"
  t0="$(date +%s.%N)"
  local s0 s1
  s0="$(scraped_so_far)"
  python3 "$home/bench/latency_probe.py" "$receiver" "node_load1{job=\"$job\",instance=~\"${probes%|}\"}" \
    "$duration" >"$work/probe-$system.txt" 2>"$work/probe-$system.err" &
  local probe_pid=$!
  sleep "$duration"
  for proc in "$@"; do c1+=("$(cpu_seconds "${proc#*=}")"); j1+=("$(jit_seconds "${proc#*=}")"); done
  r1="$(metric_value "$receiver/metrics" 'vm_rows_inserted_total{type="promremotewrite"}')"
  t1="$(date +%s.%N)"
  s1="$(scraped_so_far)"
  wait "$probe_pid" || true
  local table="" k=0
  for proc in "$@"; do
    table+="${proc%%=*} $(echo "${c1[$k]} - ${c0[$k]}" | bc) $(peak_rss_mb "${proc#*=}")"
    table+=" $(echo "${j1[$k]} - ${j0[$k]}" | bc)"$'\n'
    k=$((k + 1))
  done
  summarise "$system" "$((r1 - r0))" "$(echo "$t1 - $t0" | bc)" "$(cat "$work/probe-$system.txt")" \
    "$((s1 - s0))" <<<"$table"
}

# Samples the system scraped so far, from its own counter: scraped_source is "URL METRIC" (or empty).
scraped_source=""
scraped_so_far() {
  if [ -n "$scraped_source" ]; then metric_sum ${scraped_source% *} "${scraped_source#* }"; else echo 0; fi
}

# Prints the result line from "NAME CPU_SECONDS PEAK_RSS_MB JIT_SECONDS" lines on standard input.
summarise() { # SYSTEM ROWS ELAPSED LATENCY_TEXT SCRAPED
  awk -v n="$1" -v rows="$2" -v el="$3" -v lat="$4" -v scraped="$5" -v t="$targets" -v per="$expected" '
    NF == 4 { name[++k] = $1; cpu[k] = $2; rss[k] = $3; jit[k] = $4; cpus += $2; rsss += $3; jits += $4 }
    END {
      if (rows <= 0) { printf "%s: no samples delivered in the window (%s)\n", n, rows > "/dev/stderr"; exit 1 }
      m = rows / 1e6
      printf "%s, %d targets, %.0f samples/s delivered (%.1f%% of %d x %d", n, t, rows / el, 100 * rows / el / (t * per), t, per
      if (scraped > 0) printf "; %.0f/s scraped", scraped / el
      printf "), %.3f CPU-s per million samples, %.0f MB peak RSS", cpus / m, rsss
      if (k > 1) {
        printf " ("; for (i = 1; i <= k; i++) printf "%s%s %.0f", (i > 1 ? ", " : ""), name[i], rss[i]
        printf "), CPU-s per million by process ("
        for (i = 1; i <= k; i++) printf "%s%s %.3f = %.0f%%", (i > 1 ? ", " : ""), name[i], cpu[i] / m, 100 * cpu[i] / cpus
        printf ")"
      }
      if (jits > 0) {
        printf ", of which JIT compiler threads %.3f (", jits / m
        for (i = 1; i <= k; i++) if (jit[i] > 0) printf "%s%s %.3f", (j++ ? ", " : ""), name[i], jit[i] / m
        printf ")"
      }
      printf ", %s\n", lat }'
}

# A Scrapestream config whose self-metrics listen on PORT (each role binds its own), with the
# Kafka client properties of PIPELINE_KAFKA_PROPERTIES and <ROLE>_KAFKA_PROPERTIES.
scrapestream_config() { # PORT [ROLE]
  local role_props="${2:-none}_KAFKA_PROPERTIES" props
  role_props="${role_props^^}"
  props="${PIPELINE_KAFKA_PROPERTIES:-}${PIPELINE_KAFKA_PROPERTIES:+${!role_props:+, }}${!role_props:-}"
  cat <<CONF
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: bench-scrapestream
    static_configs: [{targets: $targets_yaml}]
scraper: {id: bench}
kafka: {bootstrap_servers: "$bootstrap", topic_prefix: bench.${props:+, client_properties: {$props\}}}
telemetry: {listen_address: "127.0.0.1:$1"}
backends:
  - name: receiver
    remote_write: {url: "$receiver/api/v1/write", protocol_version: 1}
${SINK_BACKEND_EXTRA:+    $SINK_BACKEND_EXTRA}
CONF
}

# Starts one role of the shaded jar on its own config; its pid goes to role_pid[ROLE].
declare -A role_pid
start_role() { # ROLE [ARG...]
  local role="$1"
  shift
  scrapestream_config "${port[$role]}" "$role" >"$work/$role.yaml"
  # shellcheck disable=SC2086
  java ${PIPELINE_JAVA_OPTS-$(role_java_opts "$role")} -jar "$jar" "$role" --config "$work/$role.yaml" "$@" >"$work/$role.log" 2>&1 &
  role_pid[$role]=$!
  pids+=("$!")
}

run_scrapestream() {
  BROKER_JAVA_OPTS="${BROKER_JAVA_OPTS--Xmx1g}" start_broker "${port[broker]}"
  echo "scrapestream: broker at $bootstrap" >&2
  scrapestream_config "${port[ingest]}" >"$work/topics.yaml"
  java -jar "$jar" topics apply --partitions "$partitions" --replication-factor 1 --config "$work/topics.yaml" >"$work/topics.log" 2>&1 \
    || { echo "topics apply failed: $(tail -5 "$work/topics.log")" >&2; exit 1; }
  local role
  start_role sink
  start_role enrich --state-dir "$work/enrich-state"
  start_role ingest
  for role in sink enrich ingest; do wait_http "http://127.0.0.1:${port[$role]}/metrics" 90 "$work/$role.log"; done
  local line
  scraped_source="http://127.0.0.1:${port[ingest]}/metrics scrapestream_ingest_samples_scraped_total"
  line="$(measure scrapestream bench-scrapestream "broker=$broker_pid" "ingest=${role_pid[ingest]}" \
    "enrich=${role_pid[enrich]}" "sink=${role_pid[sink]}")"
  scraped_source=""
  echo "$line, sink lag at the window's end $(metric_value "http://127.0.0.1:${port[sink]}/metrics" \
    'scrapestream_sink_lag_seconds{backend="receiver"}') s"
  for role in ingest enrich sink; do stop_pid "${role_pid[$role]}"; done
  stop_pid "$broker_pid"
}

# Prometheus's scrape config for vmagent and Prometheus (JOB as the job label), plus EXTRA YAML.
prometheus_config() { # JOB [EXTRA]
  printf 'global: {scrape_interval: 1s, scrape_timeout: 1s}\nscrape_configs:\n'
  printf '  - job_name: %s\n    static_configs: [{targets: %s}]\n%s' "$1" "$targets_yaml" "${2:-}"
}

run_vmagent() {
  prometheus_config bench-vmagent >"$work/vmagent.yml"
  vmagent -promscrape.config "$work/vmagent.yml" -remoteWrite.url "$receiver/api/v1/write" \
    -remoteWrite.tmpDataPath "$work/vmagent" -httpListenAddr "127.0.0.1:${port[vmagent]}" \
    -loggerLevel ERROR >"$work/vmagent.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_http "http://127.0.0.1:${port[vmagent]}/metrics" 90 "$work/vmagent.log"
  scraped_source="http://127.0.0.1:${port[vmagent]}/metrics vm_promscrape_scraped_samples_sum"
  measure vmagent bench-vmagent "vmagent=$pid"
  scraped_source=""
  stop_pid "$pid"
}

run_prometheus() {
  prometheus_config bench-prometheus "remote_write: [{url: \"$receiver/api/v1/write\"}]"$'\n' >"$work/prometheus.yml"
  prometheus --enable-feature=agent --config.file="$work/prometheus.yml" \
    --storage.agent.path="$work/prometheus" --web.listen-address="127.0.0.1:${port[prometheus]}" \
    --log.level=error >"$work/prometheus.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_http "http://127.0.0.1:${port[prometheus]}/-/ready" 90 "$work/prometheus.log"
  measure prometheus bench-prometheus "prometheus=$pid"
  stop_pid "$pid"
}

start_nginx "${port[nginx]}" "$body" "$targets"
echo "nginx on port $nginx_port: $targets targets ($(target 1) .. $(target "$targets")), $expected samples each" >&2
start_victoria_metrics "${port[receiver]}"
targets_yaml="$(targets_yaml "$targets")"
for s in ${systems//,/ }; do "run_$s" | tee -a "$work/results.txt" >&2; done
settings="jar=$jar${PIPELINE_JAVA_OPTS+ PIPELINE_JAVA_OPTS=\"$PIPELINE_JAVA_OPTS\"}"
for v in PIPELINE_KAFKA_PROPERTIES INGEST_KAFKA_PROPERTIES ENRICH_KAFKA_PROPERTIES SINK_KAFKA_PROPERTIES; do
  [ -z "${!v:-}" ] || settings+=" $v=\"${!v}\""
done
append_results <"$work/results.txt" "pipeline-bench systems=$systems targets=$targets duration=${duration}s warmup=${warmup}s body=$(basename "$body") ($expected samples)" "$settings"
