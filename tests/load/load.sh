#!/usr/bin/env bash
# Load benchmark (not a test): start the service in Release on loopback, drive it with wrk for a
# fixed mix of search, facet, detail and export requests, report throughput, latency and errors.
#   tests/load/load.sh [seed|synthetic|realistic] [seconds] [connections]
# "synthetic" imports 100,000 generated programs (tests/Catalog.Benchmarks) into a temporary data folder;
# "realistic" the same number from the realistic catalogue (the documents' vocabulary, skewed facets);
# LOAD_DATA=DIR reuses a data folder prepared by an earlier run instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
catalog=${1:-seed}; seconds=${2:-60}; connections=${3:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

port=5187
if [ -n "${LOAD_DATA:-}" ]; then data=$LOAD_DATA; keep=1; else data=$(mktemp -d); keep=0; fi
trap 'kill $server 2>/dev/null || true; [ "$keep" = 1 ] || rm -rf "$data"' EXIT
dotnet build src/Catalog.Api -c Release -v q --nologo >/dev/null
app=src/Catalog.Api/bin/Release/net10.0/Catalog.Api.dll
if { [ "$catalog" = synthetic ] || [ "$catalog" = realistic ]; } && [ "$keep" = 0 ]; then
  dotnet run -c Release --project tests/Catalog.Benchmarks -- --write-ndjson "$data/synthetic.ndjson" 100000 --catalogue "$catalog" >/dev/null
  Catalog__DataPath="$data" dotnet "$app" import seed >/dev/null
  Catalog__DataPath="$data" dotnet "$app" import "$data/synthetic.ndjson" | head -1
fi
# The limiter protects a public service; this run measures the service itself.
Catalog__DataPath="$data" Catalog__Limits__RequestsPerMinute=100000000 ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$app" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health"; echo
# Warm-up, not reported: JIT, caches, and the completion list the index builds in the background.
wrk -t2 -c"$connections" -d10s -s tests/load/mix.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s tests/load/mix.lua "http://127.0.0.1:$port" | tail -8
