#!/usr/bin/env bash
# Regenerates the Kuromoji golden files with Lucene 4.10.4's own JapaneseTokenizer (Debian packages).
# Usage: tests/kuromoji-oracle/generate.sh   (from anywhere; needs root or the packages installed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
golden="$repo/tests/Catalog.Japanese.Tests/Golden"
if ! dpkg -s liblucene4.10-java default-jdk-headless >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends default-jdk-headless liblucene4.10-java >/dev/null
fi
cp=/usr/share/java/lucene-core-4.10.4.jar:/usr/share/java/lucene-analyzers-common-4.10.4.jar:/usr/share/java/lucene-analyzers-kuromoji-4.10.4.jar
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
javac -encoding UTF-8 -cp "$cp" -d "$build" "$here/KuromojiOracle.java"
java -Dfile.encoding=UTF-8 -cp "$cp:$build" KuromojiOracle "$golden/kuromoji-corpus.txt" "$repo/data/userdict.csv" "$build"
# gzip -n: no name or timestamp, so regenerating gives identical files.
for f in "$build"/*.tsv.gz; do
  zcat "$f" | gzip -n -9 > "$golden/$(basename "$f")"
done
ls -l "$golden"/kuromoji-*
