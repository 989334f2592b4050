#!/usr/bin/env bash
# Opens the exported workbook in LibreOffice Calc (headless), converts every sheet to CSV and
# compares each cell with the catalogue's JSON export. Not part of CI: libreoffice-calc is heavy.
#   apt-get install -y --no-install-recommends libreoffice-calc
#   bash tests/libreoffice/check-workbook.sh [seed-or-import-path]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
input="${1:-$root/seed}"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Catalog.Api" -v quiet -nologo >/dev/null
api="$root/src/Catalog.Api/bin/Debug/net10.0/Catalog.Api.dll"
export Catalog__DataPath="$work/data"
dotnet "$api" import "$input" >/dev/null
dotnet "$api" export --output "$work/catalog.json" 2>/dev/null
dotnet "$api" export --format xlsx --output "$work/catalog.xlsx" 2>/dev/null

# Every sheet (-1), UTF-8 (76), raw values rather than as shown, so dates come as serial numbers.
soffice --headless -env:UserInstallation="file://$work/lo-profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work/csv" "$work/catalog.xlsx" >/dev/null 2>&1

python3 "$root/tests/libreoffice/compare.py" "$work/catalog.json" "$work/csv" catalog
