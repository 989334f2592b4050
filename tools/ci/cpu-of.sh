#!/usr/bin/env bash
# Runs a command in a cpuacct cgroup of its own and prints its wall time and the CPU time of it and
# every process it started (test hosts, verb processes, Chromium), which /usr/bin/time misses when
# a child is not reaped by its parent. Needs root and cgroup v1's cpuacct (as on the project's machine).
#   tools/ci/cpu-of.sh LABEL command...
set -u
label=$1; shift
group=/sys/fs/cgroup/cpuacct/catalog-cpu-of/$label-$$
mkdir -p "$group"
start=$(date +%s.%N)
bash -c 'echo $$ > "$1/tasks"; shift; exec "$@"' _ "$group" "$@"
rc=$?
end=$(date +%s.%N)
awk -v l="$label" -v s="$start" -v e="$end" -v c="$(cat "$group/cpuacct.usage")" -v rc=$rc \
  'BEGIN { printf "%s: %.0f s wall, %.1f CPU-seconds, exit %d\n", l, e - s, c / 1e9, rc }'
rmdir "$group" "$(dirname "$group")" 2>/dev/null
exit $rc
