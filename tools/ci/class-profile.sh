#!/usr/bin/env bash
# CPU-seconds per test class of one test project: runs its classes one at a time (xUnit's
# ParallelizeTestCollections=false) in a cpuacct cgroup sampled every 0.25 s, then charges each class
# the CPU used between its first test's start and its last test's end (from the trx log).
#   tools/ci/class-profile.sh tests/Catalog.Tests [OUT]      (after a build; needs root, cgroup v1)
set -u
project=$1; out=${2:-$(mktemp -d)}
group=/sys/fs/cgroup/cpuacct/catalog-class-profile-$$
mkdir -p "$group" "$out"
( while [ -d "$group" ]; do echo "$(date +%s.%N) $(cat "$group/cpuacct.usage" 2>/dev/null)"; sleep 0.25; done ) > "$out/samples.txt" &
bash -c 'echo $$ > "$1/tasks"; shift; exec "$@"' _ "$group" \
  dotnet test "$project" --no-build --logger trx --results-directory "$out" -- xUnit.ParallelizeTestCollections=false > "$out/log.txt" 2>&1
sleep 0.5; rmdir "$group" 2>/dev/null
/usr/bin/python3 "$(dirname "$0")/class-profile.py" "$out"
