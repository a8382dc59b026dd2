#!/usr/bin/env python3
"""End-to-end latency probe for pipeline-bench.sh: scrape timestamp -> visible in the receiver.

Polls a VictoriaMetrics receiver's /api/v1/export (raw samples, no query cache, no latency
offset) every INTERVAL seconds for the series matching SELECTOR (the first poll looks back
LOOKBACK seconds, default 900, so a pipeline minutes behind is still measured; later polls only
from the oldest newest-timestamp seen). Every sample timestamp newer than
the newest one seen at the first poll is recorded once, at the first poll that sees it, as
(poll time - sample timestamp): the delay from the scrape (the sample's timestamp is the scrape's
start, as in Prometheus) to the sample being readable in the receiver. Older samples delivered
in the same batch as a newer one are recorded too, so batching cannot hide their delay.

Usage: latency_probe.py VM_URL SELECTOR SECONDS [INTERVAL [LOOKBACK]]
Prints one line: "latency p50 X s, p99 Y s, max Z s, n=N samples over K series" (or "latency n/a
..." when nothing new became visible).
"""
import json
import sys
import time
import urllib.parse
import urllib.request


def newest_timestamps(vm_url, selector, since_ms):
    """Maps each series (its labels as a sorted tuple) to its sample timestamps (ms) since since_ms."""
    query = urllib.parse.urlencode({"match[]": selector, "start": f"{since_ms / 1000:.3f}"})
    with urllib.request.urlopen(f"{vm_url}/api/v1/export?{query}", timeout=5) as response:
        series = {}
        for line in response.read().decode().splitlines():
            if line.strip():
                row = json.loads(line)
                series[tuple(sorted(row["metric"].items()))] = row["timestamps"]
        return series


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of a sorted, non-empty list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def probe(vm_url, selector, seconds, interval, lookback):
    """Polls until `seconds` have passed; returns (latencies in s, series seen)."""
    seen = {}
    latencies = []
    first = True
    deadline = time.time() + seconds
    while time.time() < deadline:
        started = time.time()
        try:
            since = min(seen.values()) - 1000 if seen else int((started - lookback) * 1000)
            found = newest_timestamps(vm_url, selector, since)
        except (OSError, ValueError) as error:
            print(f"probe: poll of {vm_url} failed: {error}", file=sys.stderr)
            found = {}
        now_ms = time.time() * 1000
        for key, timestamps in found.items():
            newest = max(timestamps, default=0)
            if first or key not in seen:
                seen[key] = newest
                continue
            latencies.extend((now_ms - ts) / 1000 for ts in timestamps if ts > seen[key])
            seen[key] = max(seen[key], newest)
        first = False
        time.sleep(max(0.0, interval - (time.time() - started)))
    return sorted(latencies), len(seen)


def main(args):
    if len(args) not in (3, 4, 5):
        print(next(p for p in __doc__.split("\n\n") if p.startswith("Usage")), file=sys.stderr)
        return 2
    interval = float(args[3]) if len(args) > 3 else 0.1
    lookback = float(args[4]) if len(args) > 4 else 900.0
    latencies, series = probe(args[0], args[1], float(args[2]), interval, lookback)
    if not latencies:
        print(f"latency n/a (nothing new became visible; {series} series matched {args[1]})")
        return 1
    print(
        f"latency p50 {percentile(latencies, 0.5):.2f} s, p99 {percentile(latencies, 0.99):.2f} s, "
        f"max {latencies[-1]:.2f} s, n={len(latencies)} samples over {series} series"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
