package export

import (
	"fmt"
	"io"
	"runtime"
	"testing"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/synth"
)

// benchSizes are the debate sizes the export benchmarks run at: ten times the arguments should
// cost about ten times the time (the export is linear), never a hundred.
var benchSizes = []int{1000, 10000, 100000}

// benchDebate is a generated debate of n arguments, shaped like a real one (levels, long
// chains, a cycle per thousand arguments), and for the Markdown export its brief: scores and
// where the verdict flips under even weights. Each is built once per size: scoring is not what
// is measured.
type benchDebate struct {
	g     *argument.Graph
	brief *Brief
}

// benchCurrent is the debate of the size being measured. Only one is kept: debates of other
// sizes left on the heap would make every garbage collection of a small export as costly as
// one of a large export.
var benchCurrent struct {
	n int
	d *benchDebate
}

func benchFor(b *testing.B, n int, f Format) *benchDebate {
	b.Helper()
	d := benchCurrent.d
	if benchCurrent.n != n || d == nil {
		benchCurrent.d = nil
		d = &benchDebate{g: argument.NewGraph(synth.Generate(synth.Options{Arguments: n, Seed: 1, Cycles: n / 1000, QuotesPerArgument: 2}))}
		benchCurrent.n, benchCurrent.d = n, d
	}
	if f == Markdown && d.brief == nil {
		d.brief = benchBrief(b, d.g)
	}
	runtime.GC()
	return d
}

func benchBrief(b *testing.B, g *argument.Graph) *Brief {
	b.Helper()
	opts := score.Options{NoContributions: true} // the brief shows scores, not contributions
	r, err := score.EvaluateWith(g, score.Weights{}, score.DefaultSemantics, opts)
	if err != nil {
		b.Fatal(err)
	}
	var profiles []*score.Result
	for _, p := range g.Debate.Profiles {
		pr, err := score.EvaluateWith(g, score.Weights(p.Weights), score.DefaultSemantics, opts)
		if err != nil {
			b.Fatal(err)
		}
		profiles = append(profiles, pr)
	}
	brief, err := NewBrief(g, "", r, profiles)
	if err != nil {
		b.Fatal(err)
	}
	if brief.Sensitivity, err = score.AnalyzeSensitivity(g, score.Weights{}, score.DefaultSemantics, score.SensitivityOptions{}); err != nil {
		b.Fatal(err)
	}
	return brief
}

// encodeTo writes the debate in format f: the brief for Markdown, the graph for the others.
func (d *benchDebate) encodeTo(w io.Writer, f Format) error {
	switch f {
	case Markdown:
		return NewMarkdownEncoder(w).Encode(d.brief)
	case JSON:
		return NewJSONEncoder(w).Encode(d.g)
	case YAML:
		return NewYAMLEncoder(w).Encode(d.g)
	case DOT:
		return NewDOTEncoder(w).Encode(d.g)
	case Mermaid:
		return NewMermaidEncoder(w).Encode(d.g)
	case Argdown:
		return NewArgdownEncoder(w).Encode(d.g)
	case AIF:
		return NewAIFEncoder(w).Encode(d.g)
	}
	return fmt.Errorf("no encoder for %q", f)
}

// BenchmarkExport encodes generated debates of 1,000 to 100,000 arguments in every format.
// Compare the sizes of one format: every encoder is linear (allocations grow exactly ten times
// a step), so ten times the arguments should cost about ten times the time, a little more as
// the debate outgrows the processor's caches; BenchmarkScan shows how much more on the machine
// at hand.
func BenchmarkExport(b *testing.B) {
	for _, f := range Formats {
		if f == SVG || f == PNG || f == HTML {
			continue // Graphviz's layout, timed whole by hyperfine (README, Performance)
		}
		b.Run(string(f), func(b *testing.B) {
			for _, n := range benchSizes {
				b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
					d := benchFor(b, n, f)
					var size countWriter
					if err := d.encodeTo(&size, f); err != nil {
						b.Fatal(err)
					}
					b.SetBytes(int64(size))
					b.ReportAllocs()
					b.ResetTimer()
					for b.Loop() {
						if err := d.encodeTo(io.Discard, f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// BenchmarkScan reads every argument's title, claim and reasoning once, at the sizes of
// BenchmarkExport: the least an export can do, and the yardstick for its figures. Its own
// work is exactly linear, so the time it takes beyond ten times a step is what the memory of
// the machine adds.
func BenchmarkScan(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			d := benchFor(b, n, JSON)
			b.ReportAllocs()
			b.ResetTimer()
			runes := 0
			for b.Loop() {
				for _, a := range d.g.Arguments() {
					runes += utf8.RuneCountInString(a.Title) + utf8.RuneCountInString(a.Claim) + utf8.RuneCountInString(a.Reasoning)
				}
			}
			if runes == 0 {
				b.Fatal("no text to read")
			}
		})
	}
}
