package score

import (
	"fmt"
	"io"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// BenchmarkWriteJSON is argmap score --format json's document, the rows streamed, at 10,000 and
// 100,000 arguments.
func BenchmarkWriteJSON(b *testing.B) {
	for _, n := range benchSizes[:2] {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r, err := Evaluate(argument.NewGraph(synthDebate(n, false)), Weights{}, DefaultSemantics)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := r.WriteJSON(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
