package perf_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/synth"
)

// sizes are the corpus sizes of the targets: ten times the arguments at each step.
var sizes = []int{1_000, 10_000, 100_000}

// perFile is how many arguments each generated file holds, as synth's command writes them.
const perFile = 500

// root holds the generated corpus folders for the whole run: generating 100,000 arguments
// takes longer than loading them, and every benchmark reads the same ones.
var root string

func TestMain(m *testing.M) {
	var err error
	root, err = os.MkdirTemp("", "argmap-perf-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(root)
	os.Exit(code)
}

// corpusDir is a generated corpus on disk, read through os.DirFS as argmap --corpus DIR reads it,
// so that the input is not held in the heap the benchmarks measure.
type corpusDir struct {
	dir   string
	bytes int64
}

var dirs = map[int]corpusDir{}

// generated is the corpus of n arguments from synth's defaults (seed 1: acyclic, six levels,
// one long chain per 1,000 arguments, one quote each), written once per run.
func generated(b *testing.B, n int) corpusDir {
	b.Helper()
	if c, ok := dirs[n]; ok {
		return c
	}
	c := corpusDir{dir: filepath.Join(root, fmt.Sprintf("n-%d", n))}
	files, err := synth.Files(synth.Generate(synth.Options{Arguments: n, Seed: 1}), perFile)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(c.dir, f.Name), f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		c.bytes += int64(len(f.Data))
	}
	dirs[n] = c
	return c
}

// load is what every argmap command does first: corpus.LoadNamed over os.DirFS, the YAML
// decoded, validated and checked. A generated acyclic corpus has no problem, not even a
// warning, so any problem fails the benchmark: it would be measuring something else.
func load(b *testing.B, c corpusDir, n int) *argument.Debate {
	d, problems, err := corpus.LoadNamed(os.DirFS(c.dir), ".", c.dir)
	if err != nil {
		b.Fatal(err)
	}
	if len(problems) > 0 {
		b.Fatalf("the generated corpus of %d arguments has %d problems, the first: %v", n, len(problems), problems[0])
	}
	if len(d.Arguments) != n {
		b.Fatalf("loaded %d arguments, want %d", len(d.Arguments), n)
	}
	return d
}

// held is the graph of one size, kept between benchmarks of that size only, so that a small
// benchmark does not run beside the heap of a large one.
var held struct {
	n int
	g *argument.Graph
}

func loadedGraph(b *testing.B, n int) *argument.Graph {
	b.Helper()
	if held.n != n {
		held.g = nil
		runtime.GC()
		held.g = argument.NewGraph(load(b, generated(b, n), n))
		held.n = n
	}
	return held.g
}

// BenchmarkPipeline is argmap score's work on a generated corpus: load and validate the YAML
// from disk, build the graph, and score it under DF-QuAD with every argument's contribution.
// n=100000 is the figure of the target: under 2 s and 1 GiB.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := generated(b, n)
			b.SetBytes(c.bytes)
			b.ReportAllocs()
			measure(b, func() {
				g := argument.NewGraph(load(b, c, n))
				if _, err := score.Evaluate(g, nil, score.DFQuAD); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkLoad is the first step alone, argmap validate's work: read, decode, validate and
// check the references of the YAML corpus. internal/corpus benchmarks the same loader over
// in-memory files up to 10,000 arguments.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := generated(b, n)
			b.SetBytes(c.bytes)
			b.ReportAllocs()
			measure(b, func() { load(b, c, n) })
		})
	}
}

// BenchmarkGraph is the second step alone: index the loaded debate as a graph.
func BenchmarkGraph(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			d := loadedGraph(b, n).Debate
			b.ReportAllocs()
			measure(b, func() { argument.NewGraph(d) })
		})
	}
}

// BenchmarkScore is the last step alone, under every semantics, on the loaded graph of a
// generated corpus, contributions included (what argmap score prints). internal/score's
// BenchmarkEvaluate measures DF-QuAD and sum on its own random graphs of 100,000 arguments;
// these are synth's debates, at every size.
func BenchmarkScore(b *testing.B) {
	for _, n := range sizes {
		for _, sem := range score.AllSemantics {
			b.Run(fmt.Sprintf("n=%d/%s", n, sem), func(b *testing.B) {
				g := loadedGraph(b, n)
				b.ReportAllocs()
				measure(b, func() {
					if _, err := score.Evaluate(g, nil, sem); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// BenchmarkSensitivity is argmap sensitivity's analysis under DF-QuAD with its defaults (every
// category's weight scanned from 0 to 10 and bisected, every argument's strength analysed, on
// GOMAXPROCS workers). internal/score's BenchmarkSensitivity measures it on its own graphs of
// 10,000 arguments, by semantics and number of workers.
func BenchmarkSensitivity(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			g := loadedGraph(b, n)
			b.ReportAllocs()
			measure(b, func() {
				if _, err := score.AnalyzeSensitivity(g, nil, score.DFQuAD, score.SensitivityOptions{}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// heapMetric is the memory taken by heap objects, live or not yet swept: what the garbage
// collector lets grow between cycles, and so what an operation adds to the process's memory.
const heapMetric = "/memory/classes/heap/objects:bytes"

// samplePeriod is how often the peak sampler reads the heap. Reading it does not stop the
// world, and a read every millisecond costs the benchmark well under one per cent.
const samplePeriod = time.Millisecond

// measure runs op in b.Loop and reports two figures beside ns/op:
//
//   - cpu-ns/op, the process's user and system CPU time per operation, garbage collection on
//     the other core included. On a busy shared machine, ns/op (wall time) grows with the
//     wait for a core and cpu-ns/op does not; on an idle one, ns/op is the smaller.
//   - peak-MiB, the most the heap grew during one more operation, run after the timed ones
//     from a collected heap and sampled every samplePeriod. It counts garbage the collector
//     has not reclaimed yet (GOGC=100 lets the heap reach twice what survived the last cycle),
//     as a process would hold it; the whole process's peak, runtime and binary included, is
//     the maximum RSS that /usr/bin/time -v reports (see bench/targets.sh and the README's performance section).
func measure(b *testing.B, op func()) {
	b.Helper()
	cpu0, cpuOK := cpuTime()
	for b.Loop() {
		op()
	}
	cpu1, _ := cpuTime()
	if cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(peakGrowth(op))/(1<<20), "peak-MiB")
}

// peakGrowth runs op once and returns the most the heap grew above what it held before.
func peakGrowth(op func()) uint64 {
	runtime.GC()
	base := readHeap()
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		high := base
		tick := time.NewTicker(samplePeriod)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				peak <- max(high, readHeap())
				return
			case <-tick.C:
				high = max(high, readHeap())
			}
		}
	}()
	op()
	close(stop)
	return <-peak - base
}

func readHeap() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
