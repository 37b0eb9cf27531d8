package corpus_test

import (
	"fmt"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/synth"
)

func BenchmarkLoadBuiltin(b *testing.B) {
	for b.Loop() {
		if _, _, err := corpus.Load(arguments.FS, "."); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures whole loads of generated debates, checks and warnings included.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		fsys, err := synth.MapFS(synth.Generate(synth.Options{Arguments: n}), 500)
		if err != nil {
			b.Fatal(err)
		}
		size := 0
		for _, f := range fsys {
			size += len(f.Data)
		}
		b.Run(fmt.Sprintf("arguments=%d", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := corpus.Load(fsys, "."); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
