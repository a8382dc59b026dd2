#!/bin/bash
# CPU seconds per thread name of a running process over a window, from /proc/PID/task/*/stat
# (utime + stime). Thread names with trailing digits are summed (HttpClient-1-Worker-0, -1 ... -> one line).
# A thread that started during the window counts from zero; one that ended is left out.
# usage: bench/thread-cpu.sh PID SECONDS
set -euo pipefail
pid=$1; secs=$2; hz=$(getconf CLK_TCK)
snap() { # lines: TID NAME TICKS
  for t in /proc/"$pid"/task/*; do
    n=$(sed 's/[0-9]*$//;s/ /_/g' "$t/comm" 2>/dev/null) || continue
    s=$(awk '{print $14+$15}' "$t/stat" 2>/dev/null) || continue
    echo "${t##*/} $n $s"
  done
}
before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
snap > "$before"; sleep "$secs"; snap > "$after"
awk -v hz="$hz" 'FNR == NR { start[$1] = $3; next }
  { d = ($3 - ($1 in start ? start[$1] : 0)) / hz; a[$2] += d; tot += d }
  END { for (k in a) if (a[k] > 0) printf "%8.2f %s\n", a[k], k; printf "%8.2f TOTAL\n", tot }' \
  "$before" "$after" | sort -rn | head -25
