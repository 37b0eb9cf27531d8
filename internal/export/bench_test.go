package export

import (
	"fmt"
	"io"
	"testing"

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

var benchDebates = map[int]*benchDebate{}

func benchFor(b *testing.B, n int, f Format) *benchDebate {
	b.Helper()
	d, ok := benchDebates[n]
	if !ok {
		d = &benchDebate{g: argument.NewGraph(synth.Generate(synth.Options{Arguments: n, Seed: 1, Cycles: n / 1000, QuotesPerArgument: 2}))}
		benchDebates[n] = d
	}
	if f == Markdown && d.brief == nil {
		d.brief = benchBrief(b, d.g)
	}
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
// Compare the sizes of one format: n=10000 should take about ten times n=1000.
func BenchmarkExport(b *testing.B) {
	for _, f := range Formats {
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
