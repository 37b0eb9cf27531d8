package corpus_test

// Load benchmarks over synthetic corpora (internal/synth) of realistic shape and text:
//
//	go test -run '^$' -bench Load -benchtime 3x ./internal/corpus
//
// Besides ns/op, B/op and allocs/op each reports the corpus size (MB/s), peak-heap-B (the
// highest heap in use during one load, above the heap before it) and live-B (what the loaded
// debate keeps). The peak is sampled every 100µs, so it can miss short spikes; for the whole
// process, run /usr/bin/time -v argmap validate --corpus DIR.

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/synth"
)

var benchSizes = []int{1000, 10000, 100000}

// benchPerFile is how many arguments each generated file holds: big enough that per-file
// overhead does not dominate, small enough to look like a corpus someone maintains.
const benchPerFile = 500

var (
	benchMu  sync.Mutex
	benchFSs = map[int]fstest.MapFS{}
)

// benchFS returns the in-memory corpus of n arguments, built once per process.
func benchFS(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if m, ok := benchFSs[n]; ok {
		return m
	}
	m, err := synth.MapFS(synth.Generate(synth.Options{Arguments: n, Seed: 1}), benchPerFile)
	if err != nil {
		b.Fatalf("generate %d arguments: %v", n, err)
	}
	benchFSs[n] = m
	return m
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := benchFS(b, n)
			load := func() any {
				d, _, err := corpus.Load(fsys, ".")
				if err != nil {
					b.Fatalf("load: %v", err)
				}
				if len(d.Arguments) != n {
					b.Fatalf("loaded %d arguments, want %d", len(d.Arguments), n)
				}
				return d
			}
			peak, live := measureHeap(load)
			b.SetBytes(synth.Size(fsys))
			b.ReportAllocs()
			for b.Loop() {
				load()
			}
			b.ReportMetric(float64(peak), "peak-heap-B")
			b.ReportMetric(float64(live), "live-B")
		})
	}
}

// BenchmarkLoadDisk loads the 10,000-argument corpus from files, as the CLI does.
func BenchmarkLoadDisk(b *testing.B) {
	const n = 10000
	dir := b.TempDir()
	fsys := benchFS(b, n)
	var size int64
	for name, f := range fsys {
		if err := os.WriteFile(dir+"/"+name, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(f.Data))
	}
	disk := os.DirFS(dir)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := corpus.Load(disk, "."); err != nil {
			b.Fatalf("load: %v", err)
		}
	}
}

// measureHeap runs f once and returns the peak heap in use while it ran and the heap its
// result keeps alive, both above the heap before it.
func measureHeap(f func() any) (peak, live uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := heap()
	var (
		max  = base
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Go(func() {
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if h := heap(); h > max {
					max = h
				}
			}
		}
	})
	result := f()
	close(done)
	wg.Wait()
	if h := heap(); h > max {
		max = h
	}
	runtime.GC()
	after := heap()
	runtime.KeepAlive(result)
	return max - base, sub(after, base)
}

func sub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}
