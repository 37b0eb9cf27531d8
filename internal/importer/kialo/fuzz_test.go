package kialo

import (
	"fmt"
	"github.com/argmap/argmap/internal/importer/importtest"
	"os"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/importer"
)

// FuzzRead feeds the reader any text: it never panics, and whatever it accepts writes as a
// corpus that loads back, and every export of it is inert.
func FuzzRead(f *testing.F) {
	for _, file := range []string{"testdata/old.txt", "testdata/new.txt"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(positions))
	for _, tt := range readErrors {
		f.Add([]byte(tt.text))
	}
	f.Add([]byte("Discussion Title: \x1b[31mred\n\n1. \u202eevil\n1.1. Pro: <script>alert(1)</script> `x` | y\n1.1.1. Con: -> See 1.1.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read(data, importer.Options{File: "fuzz.txt", Strength: 0.5})
		if err != nil {
			return
		}
		importtest.ExportsInert(t, importtest.WriteAndScore(t, d))
	})
}

// BenchmarkRead imports a generated 10,000-claim export: a tree ten wide, alternating Pro and
// Con, with multi-line claims, read, checked, encoded as a corpus file and loaded back, as
// import does (all but the disk).
func BenchmarkRead(b *testing.B) {
	var buf strings.Builder
	buf.WriteString("Discussion Title: Benchmark\r\n\r\n1. The root claim of a large discussion\r\n")
	n := 0
	var walk func(path string, depth int)
	walk = func(path string, depth int) {
		for i := 1; i <= 10 && n < 10000; i++ {
			p := fmt.Sprintf("%s%d.", path, i)
			label := "Pro"
			if (n+depth)%2 == 1 {
				label = "Con"
			}
			n++
			fmt.Fprintf(&buf, "%s %s: Claim %d says something about the claim above it,\nwith a second line.\r\n", p, label, n)
			if depth < 3 {
				walk(p, depth+1)
			}
		}
	}
	walk("1.", 0)
	data := []byte(buf.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		d, _, err := Read(data, importer.Options{File: "bench.txt", Strength: 0.5})
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Arguments) != 10000 {
			b.Fatalf("got %d arguments", len(d.Arguments))
		}
		importtest.LoadBack(b, d)
	}
}
