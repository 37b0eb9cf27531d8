#!/usr/bin/env bash
# targets.sh checks argmap's performance targets on whole processes: the argmap binary run on
# generated corpora, timed with hyperfine, its peak memory measured with /usr/bin/time.
#
#   bench/targets.sh [SIZE...]        (default sizes: 1000 10000 100000)
#
# For each size it generates a corpus with internal/synth, then times 'argmap validate' (load
# and validate) and 'argmap score --format json' (load, validate and score under DF-QuAD) with
# hyperfine, and takes the median maximum resident set size of three runs of each. At the
# largest size it then runs 'argmap export --format F' for every format three times, for the
# median wall time and peak RSS of each (EXPORTS=0 skips this). Results (hyperfine CSV and JSON
# per size, and targets.md with medians, ten-times ratios and the verdict on each target) go to
# $OUT. See bench/README.md.
#
# Targets: 100,000 arguments loaded, validated and scored in under 2 s and 1 GiB; ten times
# the arguments costing at most twelve times the time.
#
# Environment: RUNS (default 5), WARMUP (default 1), SEED (default 1), EXPORTS (default 1),
# OUT (default bench/results), ARGMAP (an argmap binary to use instead of building ./cmd/argmap).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-5}
warmup=${WARMUP:-1}
seed=${SEED:-1}
exports=${EXPORTS:-1}
out=${OUT:-$here/results}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

die() { echo "targets: $*" >&2; exit 2; }

for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive whole number of arguments"
done
for tool in go hyperfine awk; do
	command -v "$tool" >/dev/null || die "$tool is not installed (hyperfine: apt-get install -y hyperfine)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install -y time)"

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

q() { printf '%q' "$1"; }

# median prints the median of the numbers on its input, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

names=("argmap validate" "argmap score --format json")
args=("validate" "score --format json")

# rows.tsv: size, name, median s, mean s, stddev s, min s, max s, user s, system s, peak RSS KiB
: >"$work/rows.tsv"
for n in "${sizes[@]}"; do
	corpus=$work/corpus-$n
	"$work/synth" -n "$n" -seed "$seed" -o "$corpus"
	"$argmap" validate --corpus "$corpus" >/dev/null || die "the generated corpus of $n arguments does not validate"
	hargs=()
	for i in "${!names[@]}"; do
		hargs+=(-n "${names[$i]}" "$(q "$argmap") ${args[$i]} --corpus $(q "$corpus") > /dev/null")
	done
	hyperfine --style basic --runs "$runs" --warmup "$warmup" \
		--export-csv "$work/n-$n.csv" --export-json "$out/targets-n-$n.json" "${hargs[@]}"
	cp "$work/n-$n.csv" "$out/targets-n-$n.csv"
	for i in "${!names[@]}"; do
		rss=$(for _ in 1 2 3; do
			# shellcheck disable=SC2086 # args[i] is the command's words
			/usr/bin/time -f %M -o "$work/rss" "$argmap" ${args[$i]} --corpus "$corpus" >/dev/null
			tail -1 "$work/rss"
		done | median)
		# hyperfine's CSV: command,mean,stddev,median,user,system,min,max
		awk -F, -v n="$n" -v name="${names[$i]}" -v rss="$rss" 'NR > 1 && $1 == name {
			printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, name, $4, $2, $3, $7, $8, $5, $6, rss
		}' "$work/n-$n.csv" >>"$work/rows.tsv"
	done
done

# exports.tsv: format, median wall s, median peak RSS KiB, output bytes
: >"$work/exports.tsv"
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
if [ "$exports" != 0 ]; then
	formats=$("$argmap" export --help | sed -n 's/.*output format: \([a-z, ]*\) (default.*/\1/p' | tr -d ,)
	[ -n "$formats" ] || die "cannot read the export formats from 'argmap export --help'"
	for f in $formats; do
		for _ in 1 2 3; do
			/usr/bin/time -f '%e %M' -o "$work/t" "$argmap" export --format "$f" --corpus "$work/corpus-$largest" >"$work/export.out"
			tail -1 "$work/t"
		done >"$work/runs"
		printf '%s\t%s\t%s\t%s\n' "$f" "$(cut -d' ' -f1 "$work/runs" | median)" "$(cut -d' ' -f2 "$work/runs" | median)" "$(wc -c <"$work/export.out")" >>"$work/exports.tsv"
	done
fi

{
	echo "# argmap's targets, whole processes"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(go version | cut -d' ' -f3), hyperfine $(hyperfine --version | cut -d' ' -f2), argmap $("$argmap" --version 2>/dev/null | awk '{print $NF}'). $runs runs after $warmup warm-up run(s); seed $seed; peak RSS is the median of 3 runs."
	echo
	echo "| arguments | command | median | mean ± σ | min | max | user | system | peak RSS |"
	echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
	awk -F'\t' '{ printf "| %d | `%s` | %.2f s | %.2f ± %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.0f MiB |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 / 1024 }' "$work/rows.tsv"
	echo
	echo "Growth, ten times the arguments (median to median; target at most 12×):"
	echo
	awk -F'\t' '
		{ t[$2, $1] = $3; if (!seen[$2]++) order[++k] = $2 }
		END {
			for (i = 1; i <= k; i++) for (key in t) {
				split(key, p, SUBSEP)
				if (p[1] == order[i] && ((p[1], p[2] * 10) in t)) {
					r = t[p[1], p[2] * 10] / t[key]
					printf "- `%s`, %d → %d: %.1f×%s\n", p[1], p[2], p[2] * 10, r, (r > 12 ? " (over 12×)" : "")
				}
			}
		}' "$work/rows.tsv" | sort -t, -k1,1 -s
	echo
	awk -F'\t' '$1 == 100000 && $2 == "argmap score --format json" {
		printf "Target at 100,000 arguments (`argmap score --format json`): median %.2f s against 2 s: %s; peak RSS %.0f MiB against 1,024 MiB: %s.\n",
			$3, ($3 < 2 ? "met" : "missed"), $10 / 1024, ($10 < 1048576 ? "met" : "missed")
	}' "$work/rows.tsv"
	if [ -s "$work/exports.tsv" ]; then
		echo
		echo "Every export of the $largest-argument corpus (\`argmap export --format FORMAT --corpus DIR\`: load, validate, and encode; the Markdown brief also scores and analyses sensitivity), median of 3 runs:"
		echo
		echo "| format | median | peak RSS | output |"
		echo "|---|---:|---:|---:|"
		awk -F'\t' '{ printf "| %s | %.2f s | %.0f MiB | %.1f MB |\n", $1, $2, $3 / 1024, $4 / 1e6 }' "$work/exports.tsv"
	fi
} >"$out/targets.md"
cat "$out/targets.md"
