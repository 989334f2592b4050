#!/bin/sh
# Regenerates docs/sources.md: the fixed header, then the table the audit verb prints.
# Run from the repository root after adding or changing a source document.
set -e
tmp=$(mktemp -d)
{ cat tools/docs/sources-header.md; dotnet run --project src/Catalog.Api -- audit seed --sources --Catalog:DataPath="$tmp"; } > docs/sources.md
rm -rf "$tmp"
