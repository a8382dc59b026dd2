#!/bin/bash
# Where the pipeline's CPU goes, for bench/pipeline-bench.sh's WARMUP_HOOK: for each NAME=PID of
# BENCH_PIDS, CPU seconds per thread (bench/thread-cpu.sh) and the Kafka request, byte and commit
# rates its JMX shows (bench/jmx-rates.sh: the broker per API and topic, clients per client-id),
# all over the same DIAG_SECONDS (25) window. JMX ports: DIAG_JMX_BASE (38500) + the process's index.
# DIAG_JFR="enrich broker": also a JFR recording (settings=profile) of those processes over the
# window, to DIAG_JFR_DIR (/tmp)/NAME.jfr (read it with `jfr print --events jdk.ExecutionSample`).
set -euo pipefail
dir="$(dirname "${BASH_SOURCE[0]}")"
secs="${DIAG_SECONDS:-25}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
i=0
for entry in ${BENCH_PIDS:?BENCH_PIDS must name NAME=PID pairs}; do
  name="${entry%%=*}"; pid="${entry#*=}"
  port=$(( ${DIAG_JMX_BASE:-38500} + i ))
  jcmd "$pid" ManagementAgent.start "jmxremote.port=$port" jmxremote.authenticate=false \
    jmxremote.ssl=false >/dev/null 2>&1 || true
  i=$((i + 1))
done
sleep 2
i=0
for entry in $BENCH_PIDS; do
  name="${entry%%=*}"; pid="${entry#*=}"
  if [[ " ${DIAG_JFR:-} " == *" $name "* ]]; then
    jcmd "$pid" JFR.start name=diag settings=profile "duration=${secs}s" \
      "filename=${DIAG_JFR_DIR:-/tmp}/$name.jfr" >/dev/null
  fi
  "$dir/thread-cpu.sh" "$pid" "$secs" >"$out/$name.threads" 2>&1 &
  java "$dir/JmxRates.java" "127.0.0.1:$(( ${DIAG_JMX_BASE:-38500} + i ))" "$secs" >"$out/$name.jmx" 2>&1 &
  i=$((i + 1))
done
wait
for entry in $BENCH_PIDS; do
  name="${entry%%=*}"
  echo "== $name: CPU seconds per thread over ${secs} s"
  head -15 "$out/$name.threads"
  echo "== $name: Kafka rates per second (JMX) over ${secs} s"
  head -40 "$out/$name.jmx"
done
