package aif

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/score"
)

// writeAndScore writes d as import does (the YAML exporter's corpus file), loads it back
// through the corpus loader and scores it under every semantics, failing the test at the first
// step that fails.
func writeAndScore(t testing.TB, d *argument.Debate) *argument.Graph {
	t.Helper()
	g := loadBack(t, d)
	for _, sem := range score.AllSemantics {
		if _, err := score.Evaluate(g, score.Weights{}, sem); err != nil {
			t.Fatalf("score under %s: %v", sem, err)
		}
	}
	return g
}

// loadBack is what import does with a debate: check it, encode it as a corpus file and load
// that back through the corpus loader.
func loadBack(t testing.TB, d *argument.Debate) *argument.Graph {
	t.Helper()
	for _, p := range argument.Check(d) {
		if p.Severity == argument.Error {
			t.Fatalf("check: %s", p.Message)
		}
	}
	var buf bytes.Buffer
	if err := export.NewYAMLEncoder(&buf).Encode(argument.NewGraph(d)); err != nil {
		t.Fatalf("encode: %v", err)
	}
	g, problems, err := corpus.LoadGraph(fstest.MapFS{"debate.yaml": {Data: buf.Bytes()}}, ".", "imported")
	if err != nil {
		t.Fatalf("load back: %v\n%v\n%s", err, problems, buf.Bytes())
	}
	return g
}
