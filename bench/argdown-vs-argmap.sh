#!/usr/bin/env bash
# argdown-vs-argmap.sh times Argdown's CLI and argmap on the same generated debate.
#
#   bench/argdown-vs-argmap.sh [SIZE...]        (default sizes: 1000 10000)
#
# For each size it generates a corpus with internal/synth, exports it to Argdown with
# 'argmap export --format argdown', then times 'argdown json FILE OUTDIR' against
# 'argmap export --format json --corpus DIR' with hyperfine. Results (hyperfine Markdown and
# JSON per size, and summary.md with medians) go to $OUT. See bench/README.md.
#
# Environment: RUNS (default 10), WARMUP (default 2), SEED (default 1), OUT (default
# bench/results), ARGMAP (an argmap binary to use instead of building ./cmd/argmap).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-10}
warmup=${WARMUP:-2}
seed=${SEED:-1}
out=${OUT:-$here/results}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

die() { echo "argdown-vs-argmap: $*" >&2; exit 2; }
note() { echo "argdown-vs-argmap: $*" >&2; }

for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive whole number of arguments"
done
for tool in go node hyperfine; do
	command -v "$tool" >/dev/null || die "$tool is not installed (hyperfine: apt-get install -y hyperfine)"
done
argdown=$here/node_modules/.bin/argdown
[ -x "$argdown" ] || die "Argdown is not installed: run 'npm ci' in $here (installs @argdown/cli 1.7.5)"
timer=()
if [ -x /usr/bin/time ]; then
	timer=(/usr/bin/time -f %M -o)
else
	note "/usr/bin/time not found: peak memory will not be measured"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

(cd "$root" && go build -o "$work/synth" ./internal/synth/cmd/synth)
argmap=${ARGMAP:-}
if [ -z "$argmap" ]; then
	(cd "$root" && go build -o "$work/argmap" ./cmd/argmap)
	argmap=$work/argmap
fi
[ -x "$argmap" ] || die "ARGMAP=$argmap is not an executable"

# What this argmap can do decides what is compared; anything less than the full comparison is
# said out loud, in the summary too.
export_help=$("$argmap" export --help 2>/dev/null || true)
has_export_json=false
has_export_argdown=false
if grep -qw json <<<"$export_help"; then has_export_json=true; fi
if grep -qw argdown <<<"$export_help"; then has_export_argdown=true; fi
if $has_export_json; then
	argmap_name="argmap export --format json"
	argmap_args=(export --format json)
elif grep -q -- --format <<<"$("$argmap" list --help 2>/dev/null || true)"; then
	argmap_name="argmap list --format json"
	argmap_args=(list --format json)
	note "this argmap has no 'export --format json': timing '$argmap_name' instead"
else
	argmap_name="argmap validate"
	argmap_args=(validate)
	note "this argmap has neither 'export --format json' nor 'list --format json': timing '$argmap_name' instead"
fi
$has_export_argdown || note "this argmap has no 'export --format argdown': Argdown is not timed (build the export branch and pass ARGMAP=...)"

q() { printf '%q' "$1"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

{
	echo "# Argdown vs argmap"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, hyperfine $(hyperfine --version | cut -d' ' -f2), node $(node --version), argdown $("$argdown" --version 2>/dev/null | tail -1), argmap $("$argmap" --version 2>/dev/null | awk '{print $NF}'). $runs runs after $warmup warm-up runs; seed $seed."
	echo
	echo "| arguments | tool | median | mean ± σ | min | max | CPU (user+sys) | peak RSS | input |"
	echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$work/summary.md"

for n in "${sizes[@]}"; do
	corpus=$work/corpus-$n
	"$work/synth" -n "$n" -seed "$seed" -o "$corpus"
	"$argmap" validate --corpus "$corpus" >/dev/null || die "the generated corpus of $n arguments does not validate"
	corpus_bytes=$(cat "$corpus"/*.yaml | wc -c)

	names=()
	cmds=()
	inputs=()
	if $has_export_argdown; then
		ad=$work/map-$n.argdown
		"$argmap" export --format argdown --corpus "$corpus" >"$ad"
		# One checked run first: the same map on both sides, or the timing means nothing.
		"$argdown" json --silent "$ad" "$work/argdown-$n" >/dev/null
		got=$(node -e 'const j = require(process.argv[1]); console.log(Object.keys(j.arguments || {}).length)' "$work/argdown-$n/map-$n.json")
		[ "$got" = "$n" ] || die "argdown read $got arguments from the export of $n: the export and the corpus differ"
		names+=("argdown json")
		cmds+=("$(q "$argdown") json --silent $(q "$ad") $(q "$work/argdown-$n")")
		inputs+=("$(wc -c <"$ad")")
	fi
	names+=("$argmap_name")
	cmds+=("$(q "$argmap") ${argmap_args[*]} --corpus $(q "$corpus") > $(q "$work/argmap-$n.out")")
	inputs+=("$corpus_bytes")
	"$argmap" "${argmap_args[@]}" --corpus "$corpus" >/dev/null || die "'$argmap_name' failed on $n arguments"

	hargs=()
	for i in "${!cmds[@]}"; do hargs+=(-n "${names[$i]}" "${cmds[$i]}"); done
	hyperfine --style basic --runs "$runs" --warmup "$warmup" \
		--export-json "$out/n-$n.json" --export-markdown "$out/n-$n.md" "${hargs[@]}"

	for i in "${!cmds[@]}"; do
		rss=""
		if [ ${#timer[@]} -gt 0 ]; then
			"${timer[@]}" "$work/rss" sh -c "${cmds[$i]} >/dev/null"
			rss="$(mib "$(tail -1 "$work/rss")") MiB"
		fi
		# shellcheck disable=SC2016 # JavaScript template literals, not shell expansions
		node -e '
			const [file, i, n, rss, input] = process.argv.slice(1);
			const r = require(file).results[+i];
			const s = (x) => x.toFixed(3) + " s";
			console.log(`| ${n} | ${r.command} | ${s(r.median)} | ${s(r.mean)} ± ${s(r.stddev || 0)} | ${s(r.min)} | ${s(r.max)} | ${s(r.user + r.system)} | ${rss} | ${(input / 1048576).toFixed(1)} MiB |`);
		' "$out/n-$n.json" "$i" "$n" "$rss" "${inputs[$i]}" >>"$work/summary.md"
	done
done

{
	echo
	if $has_export_argdown; then
		echo "argdown reads the Argdown text argmap exported from the same corpus; argmap reads the YAML corpus. Both write JSON to a file. Times are whole processes: start-up (node for Argdown) included."
	else
		echo "Argdown was not timed: this argmap cannot export Argdown yet. Only '$argmap_name' was measured."
	fi
} >>"$work/summary.md"
cp "$work/summary.md" "$out/summary.md"
cat "$out/summary.md"
