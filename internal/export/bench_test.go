package export

import (
	"fmt"
	"io"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// benchGraph is a debate of n arguments, each answering the thesis or an earlier argument.
func benchGraph(n int) *argument.Graph {
	d := &argument.Debate{ID: "bench", Title: "Bench", Question: "Does it scale?",
		Thesis:     argument.Thesis{ID: "thesis", Claim: "It scales.", Base: 0.5},
		Categories: argument.DefaultCategories,
		Sources:    []argument.Source{{ID: "src", Title: "Source", Date: "2022-09-27"}},
		Profiles:   []argument.Profile{{Name: "even", Weights: map[string]float64{"moral": 1, "strategic": 1, "political": 1}}}}
	for i := range n {
		a := &argument.Argument{ID: fmt.Sprintf("a%d", i), Side: argument.Pro, Category: argument.DefaultCategories[i%3],
			Title: fmt.Sprintf("Argument %d <with> | markup", i), Claim: "A claim with *emphasis* and a [link](x).",
			Reasoning: "Some reasoning.\n\nIn two paragraphs.", Strength: 0.5,
			Quotes: []argument.Passage{{Source: "src", Text: "A quote."}}}
		if i%2 == 1 {
			a.Side = argument.Con
		}
		target := "thesis"
		if i > 0 && i%4 == 0 {
			target = fmt.Sprintf("a%d", i/2)
		}
		if a.Side == argument.Pro {
			a.Supports = []string{target}
		} else {
			a.Attacks = []string{target}
		}
		d.Arguments = append(d.Arguments, a)
	}
	return argument.NewGraph(d)
}

func BenchmarkEncode(b *testing.B) {
	g := benchGraph(2000)
	brief := testBrief(b, g)
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				switch f {
				case Markdown:
					err = NewMarkdownEncoder(io.Discard).Encode(brief)
				case JSON:
					err = NewJSONEncoder(io.Discard).Encode(g)
				case YAML:
					err = NewYAMLEncoder(io.Discard).Encode(g)
				case DOT:
					err = NewDOTEncoder(io.Discard).Encode(g)
				case Mermaid:
					err = NewMermaidEncoder(io.Discard).Encode(g)
				case Argdown:
					err = NewArgdownEncoder(io.Discard).Encode(g)
				case AIF:
					err = NewAIFEncoder(io.Discard).Encode(g)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
