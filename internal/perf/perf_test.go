package perf_test

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"testing/fstest"
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

// corpora caches one generated corpus per size: generating 100,000 arguments takes longer than
// loading them, and every benchmark here reads the same ones.
var corpora = struct {
	sync.Mutex
	fs map[int]fstest.MapFS
	g  map[int]*argument.Graph
}{fs: map[int]fstest.MapFS{}, g: map[int]*argument.Graph{}}

// corpusFS is the generated corpus of n arguments (seed 1, synth's defaults: acyclic, six
// levels, one long chain per 1,000 arguments) as in-memory YAML files.
func corpusFS(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	corpora.Lock()
	defer corpora.Unlock()
	if fsys, ok := corpora.fs[n]; ok {
		return fsys
	}
	fsys, err := synth.MapFS(synth.Generate(synth.Options{Arguments: n, Seed: 1}), perFile)
	if err != nil {
		b.Fatal(err)
	}
	corpora.fs[n] = fsys
	return fsys
}

// loadedGraph is the graph of the generated corpus of n arguments, loaded the way argmap
// loads it, so that later steps start from what the binary would hold.
func loadedGraph(b *testing.B, n int) *argument.Graph {
	b.Helper()
	fsys := corpusFS(b, n)
	corpora.Lock()
	defer corpora.Unlock()
	if g, ok := corpora.g[n]; ok {
		return g
	}
	d := load(b, fsys, n)
	g := argument.NewGraph(d)
	corpora.g[n] = g
	return g
}

// load is corpus.Load, failing the benchmark on any problem: a generated acyclic corpus has
// none, so a problem means the benchmark measures something else than a clean load.
func load(b *testing.B, fsys fstest.MapFS, n int) *argument.Debate {
	d, problems, err := corpus.Load(fsys, ".")
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

// BenchmarkPipeline is argmap score's work on a generated corpus: load and validate the YAML
// (corpus.Load), build the graph, and score it under DF-QuAD with every argument's
// contribution. The n=100000 figure is the one the 2 s and 1 GiB target is about.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := corpusFS(b, n)
			b.SetBytes(synth.Size(fsys))
			b.ReportAllocs()
			measurePeak(b, func() {
				d := load(b, fsys, n)
				if _, err := score.Evaluate(argument.NewGraph(d), nil, score.DFQuAD); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkLoad is the first step of the pipeline alone: decode, validate and check the
// references of the YAML corpus. internal/corpus has the same benchmark up to 10,000 arguments.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := corpusFS(b, n)
			b.SetBytes(synth.Size(fsys))
			b.ReportAllocs()
			measurePeak(b, func() { load(b, fsys, n) })
		})
	}
}

// BenchmarkGraph is the second step alone: index the loaded debate as a graph.
func BenchmarkGraph(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			d := loadedGraph(b, n).Debate
			b.ReportAllocs()
			measurePeak(b, func() { argument.NewGraph(d) })
		})
	}
}

// BenchmarkScore is the last step alone, under every semantics, on the loaded graph of a
// generated corpus. internal/score's BenchmarkEvaluate measures DF-QuAD and sum on its own
// random-tree graphs of 100,000 arguments; these are synth's debates, at every size.
func BenchmarkScore(b *testing.B) {
	for _, sem := range score.AllSemantics {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/n=%d", sem, n), func(b *testing.B) {
				g := loadedGraph(b, n)
				b.ReportAllocs()
				measurePeak(b, func() {
					if _, err := score.Evaluate(g, nil, sem); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// heapMetric is the memory taken by heap objects, live or not yet swept: what the garbage
// collector lets grow before a cycle, and so what an operation adds to the process's memory.
const heapMetric = "/memory/classes/heap/objects:bytes"

// samplePeriod is how often the peak sampler reads the heap. Reading it does not stop the
// world, and a read every millisecond costs the benchmark well under one per cent.
const samplePeriod = time.Millisecond

// measurePeak runs op in b.Loop and reports peak-MiB: the most the heap grew above what it
// held before the loop (after a collection), sampled while the operations ran. Garbage of
// one operation can overlap the next, as it would in any process that goes on working; the
// figure is what the operation costs in memory, not what the whole process holds (for that,
// see /usr/bin/time -v in bench/PERFORMANCE.md).
func measurePeak(b *testing.B, op func()) {
	b.Helper()
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
	for b.Loop() {
		op()
	}
	close(stop)
	b.ReportMetric(float64(<-peak-base)/(1<<20), "peak-MiB")
}

func readHeap() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
