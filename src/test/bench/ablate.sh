#!/bin/bash
# The HTML stage's cost by parts (README, Performance): builds target/editio.jar, makes a copy of it
# per ablation variant (ablate.py), runs `editio bench` (1,000 documents, RAM disk, first JIT tier,
# three rounds) N times on each, and prints the identity floor's and the html stage's CPU time.
# Usage: src/test/bench/ablate.sh [N]   (from anywhere; needs /dev/shm)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$repo"/target/ablate-*.jar' EXIT
cd "$repo"
mvn -B -q -DskipTests package
python3 src/test/bench/ablate.py "$repo" "$work"
variants="full shell nopage norecord noxslt"
for v in $variants; do
  cp target/editio.jar "target/ablate-$v.jar"
  (cd "$work/$v" && jar uf "$repo/target/ablate-$v.jar" xslt/html/document.xsl xslt/html/search-data.xsl xslt/html/site.xsl)
done
for i in $(seq 1 "${1:-2}"); do
  for v in $variants; do
    java -XX:TieredStopAtLevel=1 -jar "target/ablate-$v.jar" bench --documents 1000 --stages html --rounds 3 --work /dev/shm 2>&1 | awk -v v="$v" '
      /^identity / {ic=$12}
      /^html / {cw=$9; cc=$12}
      /^identity#/ {c=$12; if (imin=="" || c<imin) imin=c}
      /^html#/ {c=$12; if (min=="" || c<min) min=c}
      END {printf "%-9s identity cpu %s (warm %s) | html wall %s cpu %s | warm best cpu %s\n", v, ic, imin, cw, cc, min}'
  done
done
