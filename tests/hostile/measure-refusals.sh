#!/usr/bin/env bash
# Peak memory and time of the import verb on each hostile file of the corpus (issue #30), as a
# Markdown table for docs/file-limits.md. Not part of CI: it builds in Release and starts one
# process per file. The catalogue is the seed, imported first; each refusal must leave it as it was.
# Usage: tests/hostile/measure-refusals.sh [WORKDIR]     (needs /usr/bin/time, GNU time)
set -uo pipefail
cd "$(dirname "$0")/../.."
work=${1:-$(mktemp -d)}
mkdir -p "$work" && work=$(cd "$work" && pwd)
rm -rf "$work/files" "$work/data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=0
dotnet build -c Release tests/Catalog.Benchmarks -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
bin=tests/Catalog.Benchmarks/bin/Release/net10.0
dotnet "$bin/Catalog.Benchmarks.dll" --hostile-files "$work/files" >/dev/null || { echo "corpus failed"; exit 1; }

export Catalog__DataPath="$work/data"
api() { dotnet "$bin/Catalog.Api.dll" "$@"; }
api import seed >/dev/null || { echo "seed import failed"; exit 1; }
api export --format xlsx --output "$work/seed.xlsx" >/dev/null 2>&1
before=$(api export | sha256sum)

row() { # label, then the verb's arguments
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$bin/Catalog.Api.dll" "$@" >/dev/null 2>"$work/stderr"
  local code=$? wall rss
  read -r wall rss < <(tail -1 "$work/time")
  local size; size=$([ -e "${@: -1}" ] && du -k --apparent-size "${@: -1}" | cut -f1 || echo "–")
  printf '| %s | %s KB | %s | %s | %d | %s |\n' "$label" "$size" "$code" "$wall" $((rss / 1024)) "$(head -c 400 "$work/stderr" | head -1 | sed "s|$work/files/||; s|$work/||; s/|/\\\\|/g")"
}

echo "| file | size | exit | wall s | peak RSS MB | first line of stderr |"
echo "|---|---|---|---|---|---|"
row "(baseline) a missing file" import "$work/missing.xlsx"
row "(baseline) the seed's workbook, --dry-run" import --dry-run "$work/seed.xlsx"
for f in "$work"/files/*; do row "$(basename "$f")" import "$f"; done
after=$(api export | sha256sum)
[ "$before" = "$after" ] && echo "catalogue unchanged after every refusal" || { echo "THE CATALOGUE CHANGED"; exit 1; }
