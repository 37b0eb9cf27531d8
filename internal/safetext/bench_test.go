package safetext

import (
	"strings"
	"testing"
)

// benchText is corpus text as it usually is: sentences, typographic quotes, nothing to escape
// for a terminal; and a paragraph break.
var benchText = strings.Repeat("Ordinary Russians punish NATO’s eastern flank because conscription is coercive, and the evidence is mixed. ", 3) +
	"\n\nAs one official put it, “the mobilization order shields the rule of law in the short run.”"

// BenchmarkEscapes runs each escape on benchText, and its reference (the escape as first
// written) beside it.
func BenchmarkEscapes(b *testing.B) {
	flat := Flat(benchText)
	for _, bb := range []struct {
		name      string
		in        string
		fast, ref func(string) string
	}{
		{"Flat", benchText, Flat, refFlat},
		{"Markdown", flat, Markdown, refMarkdown},
		{"DOT", flat, DOT, refDOT},
		{"Mermaid", flat, Mermaid, refMermaid},
		{"Argdown", flat, Argdown, refArgdown},
		{"YAMLDouble", flat, YAMLDouble, refYAMLDouble},
		{"Line", flat, Line, func(s string) string { return refEscape(s, false) }},
	} {
		for _, impl := range []struct {
			name string
			f    func(string) string
		}{{"fast", bb.fast}, {"reference", bb.ref}} {
			b.Run(bb.name+"/"+impl.name, func(b *testing.B) {
				b.SetBytes(int64(len(bb.in)))
				b.ReportAllocs()
				for b.Loop() {
					impl.f(bb.in)
				}
			})
		}
	}
	b.Run("Paragraphs/fast", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		b.ReportAllocs()
		for b.Loop() {
			Paragraphs(benchText)
		}
	})
	b.Run("Paragraphs/reference", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		b.ReportAllocs()
		for b.Loop() {
			refParagraphs(benchText)
		}
	})
}
