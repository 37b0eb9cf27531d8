package yamlfast_test

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/synth"
	"github.com/argmap/argmap/internal/yamlfast"
)

// generated is one corpus file of 500 generated arguments, as the perf benchmarks write them.
func generated(b *testing.B) []byte {
	b.Helper()
	files, err := synth.Files(synth.Generate(synth.Options{Arguments: 1000, Seed: 1}), 500)
	if err != nil {
		b.Fatal(err)
	}
	return files[1].Data
}

// BenchmarkParse compares Parse with yaml/v4 building the same tree, on a file of 500
// generated arguments and on one line of 200,000 flow entries.
func BenchmarkParse(b *testing.B) {
	inputs := []struct {
		name string
		src  []byte
	}{
		{"file=generated", generated(b)},
		{"file=long-line", []byte("tags: [" + strings.Repeat("a-tag, ", 200_000) + "end]\n")},
	}
	for _, in := range inputs {
		b.Run(in.name+"/parser=yamlfast", func(b *testing.B) {
			var p yamlfast.Parser
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := p.Parse(in.src); !ok {
					b.Fatal("refused")
				}
			}
		})
		b.Run(in.name+"/parser=yaml.v4", func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				l, err := yaml.NewLoader(bytes.NewReader(in.src))
				if err != nil {
					b.Fatal(err)
				}
				var n yaml.Node
				if err := l.Load(&n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
