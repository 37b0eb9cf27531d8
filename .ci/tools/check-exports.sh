#!/usr/bin/env bash
# Runs the real parsers on argmap's exports of the built-in debate and of the test corpora (one
# of them hostile: every field holds some format's syntax or terminal escapes):
#   markdownlint-cli2 on the Markdown brief (under the default semantics and under sum),
#   Graphviz's dot -Tsvg on the DOT graph,
#   Argdown's own parser (argdown json) on the Argdown document, its arguments and relations
#   compared one to one with argmap's JSON export, and that JSON imported back (argmap import
#   --from argdown) to the same graph: ids, sides and relations,
#   librsvg's rsvg-convert on the atlas SVG (one semantics and all five), rendered to PNG,
#   the SVG map (export --format svg) parsed by xmllint and rendered by rsvg-convert, the PNG
#   map (export --format png) checked for its signature and size,
#   html-validate on the HTML page (export --format html).
# Then every Argdown file of ../shared/external/argdown goes through argdown json and argmap
# import: each imports, validates and scores, or is refused with a reason (exit 2, one line).
# It installs what is missing: the npm tools pinned in package-lock.json (npm ci), Graphviz and
# librsvg2-bin and libxml2-utils (apt-get). Exits non-zero on the first export a parser rejects.
set -euo pipefail

tools=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$tools/../.." && pwd)
cd "$root"

if [ ! -x "$tools/node_modules/.bin/argdown" ] || [ ! -x "$tools/node_modules/.bin/markdownlint-cli2" ] ||
  [ ! -x "$tools/node_modules/.bin/html-validate" ]; then
  echo "== npm ci (.ci/tools)"
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi
. "$root/.ci/need.sh"
need dot graphviz
need rsvg-convert librsvg2-bin
need xmllint libxml2-utils

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/argmap" ./cmd/argmap

corpora=(builtin internal/export/testdata/corpus/basic internal/export/testdata/corpus/hostile)
checks=0
for corpus in "${corpora[@]}"; do
  name=$(basename "$corpus")
  flags=()
  [ "$corpus" = builtin ] || flags=(--corpus "$corpus")
  out="$work/$name"
  mkdir -p "$out"
  for f in markdown json dot argdown; do
    "$work/argmap" "${flags[@]}" export --format "$f" -o "$out/$name.$f"
  done
  mv "$out/$name.markdown" "$out/$name.md"
  # The brief under sum too: other verdict wording, other tables, most arguments flipping it.
  "$work/argmap" "${flags[@]}" export --format markdown --semantics sum -o "$out/$name-sum.md"

  echo "== $name: markdownlint-cli2"
  "$tools/node_modules/.bin/markdownlint-cli2" --config "$tools/.markdownlint-cli2.jsonc" "$out/$name.md" "$out/$name-sum.md"
  checks=$((checks + 1))

  echo "== $name: dot -Tsvg"
  if ! dot -Tsvg "$out/$name.dot" -o "$out/$name.svg" 2>"$out/dot.err" || [ -s "$out/dot.err" ]; then
    cat "$out/dot.err"
    echo "check-exports: Graphviz rejected the DOT export of $name" >&2
    exit 1
  fi
  grep -q '<svg' "$out/$name.svg"
  checks=$((checks + 1))

  echo "== $name: argdown json"
  if ! "$tools/node_modules/.bin/argdown" json "$out/$name.argdown" "$out/argdown" >"$out/argdown.log" 2>&1; then
    cat "$out/argdown.log"
    echo "check-exports: Argdown rejected the Argdown export of $name" >&2
    exit 1
  fi
  node "$tools/compare-argdown.js" "$out/$name.json" "$out/argdown/$name.json"
  checks=$((checks + 1))

  echo "== $name: argmap import --from argdown"
  "$work/argmap" import --from argdown "$out/argdown/$name.json" -o "$out/imported" 2>"$out/import.log" || { cat "$out/import.log"; exit 1; }
  "$work/argmap" --corpus "$out/imported" export --format json -o "$out/imported.json"
  node "$tools/compare-graphs.js" "$out/$name.json" "$out/imported.json"
  checks=$((checks + 1))

  echo "== $name: rsvg-convert (atlas SVG)"
  "$work/argmap" "${flags[@]}" atlas --format svg -o "$out/$name.atlas.svg"
  "$work/argmap" "${flags[@]}" atlas --format svg --semantics all --resolution 40 -o "$out/$name.atlas-all.svg"
  for svg in "$out/$name.atlas.svg" "$out/$name.atlas-all.svg"; do
    if ! rsvg-convert "$svg" -o "${svg%.svg}.png" 2>"$out/rsvg.err" || [ -s "$out/rsvg.err" ] || [ ! -s "${svg%.svg}.png" ]; then
      cat "$out/rsvg.err"
      echo "check-exports: rsvg-convert rejected the atlas SVG of $name ($svg)" >&2
      exit 1
    fi
  done
  checks=$((checks + 1))

  echo "== $name: xmllint, rsvg-convert (SVG map); PNG map"
  "$work/argmap" "${flags[@]}" export --format svg -o "$out/$name.map.svg"
  "$work/argmap" "${flags[@]}" export --format svg --group category -o "$out/$name.map-grouped.svg"
  for svg in "$out/$name.map.svg" "$out/$name.map-grouped.svg"; do
    if ! xmllint --noout --nonet "$svg" 2>"$out/xmllint.err" || [ -s "$out/xmllint.err" ]; then
      cat "$out/xmllint.err"
      echo "check-exports: xmllint rejected the SVG map of $name ($svg)" >&2
      exit 1
    fi
    if ! rsvg-convert -w 1000 "$svg" -o "${svg%.svg}.png" 2>"$out/rsvg.err" || [ -s "$out/rsvg.err" ] || [ ! -s "${svg%.svg}.png" ]; then
      cat "$out/rsvg.err"
      echo "check-exports: rsvg-convert rejected the SVG map of $name ($svg)" >&2
      exit 1
    fi
  done
  "$work/argmap" "${flags[@]}" export --format png -o "$out/$name.map.png"
  node "$tools/check-png.js" "$out/$name.map.png"
  checks=$((checks + 1))

  echo "== $name: html-validate (HTML page)"
  "$work/argmap" "${flags[@]}" export --format html -o "$out/$name.html"
  "$work/argmap" "${flags[@]}" export --format html --semantics sum -o "$out/$name-sum.html"
  (cd "$tools" && node_modules/.bin/html-validate --config .htmlvalidate.json "$out/$name.html" "$out/$name-sum.html")
  checks=$((checks + 1))
done

external=../shared/external/argdown
if [ -d "$external" ]; then
  for file in "$external"/*.argdown; do
    name=$(basename "$file" .argdown)
    out="$work/external/$name"
    mkdir -p "$out"
    echo "== external $name: argdown json, argmap import"
    if ! "$tools/node_modules/.bin/argdown" json "$file" "$out" >"$out/argdown.log" 2>&1; then
      cat "$out/argdown.log"
      echo "check-exports: Argdown rejected $file" >&2
      exit 1
    fi
    set +e
    "$work/argmap" import --from argdown "$out/$name.json" -o "$out/corpus" 2>"$out/import.log"
    code=$?
    set -e
    case $code in
      0)
        "$work/argmap" --corpus "$out/corpus" validate >/dev/null
        "$work/argmap" --corpus "$out/corpus" score >/dev/null
        tail -n 1 "$out/import.log" ;;
      2)
        # Refused: one line that says why and what to do, and nothing written.
        if [ "$(wc -l <"$out/import.log")" -ne 1 ] || [ -e "$out/corpus" ]; then
          cat "$out/import.log"
          echo "check-exports: import of $file failed without one clear reason" >&2
          exit 1
        fi
        echo "refused: $(cat "$out/import.log")" ;;
      *)
        cat "$out/import.log"
        echo "check-exports: import of $file exited $code" >&2
        exit 1 ;;
    esac
    checks=$((checks + 1))
  done
fi
echo "check-exports: $checks passed, 0 failed"
