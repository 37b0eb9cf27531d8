package render

import (
	"bytes"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
)

// The built-in debate on a colour terminal, 100 columns wide. (The testscripts pin it piped
// and on a terminal without colour.) Refresh with -update when the debate changes.
func TestBuiltinGolden(t *testing.T) {
	d, _, err := corpus.Load(arguments.FS, ".")
	if err != nil {
		t.Fatalf("the built-in debate does not load: %v", err)
	}
	g := argument.NewGraph(d)
	color100 := Options{Width: 100, Color: true}

	var b bytes.Buffer
	if err := Show(&b, g, ShowOptions{Options: color100}); err != nil {
		t.Fatal(err)
	}
	golden(t, "show/builtin-color-100", b.Bytes())
	assertInert(t, "show", b.String())

	b.Reset()
	if err := List(&b, d, d.Arguments, ListOptions{Options: color100, Table: true}); err != nil {
		t.Fatal(err)
	}
	golden(t, "list/builtin-color-100", b.Bytes())

	b.Reset()
	i, _ := g.Index("drain-manpower")
	if err := Detail(&b, g, i, DetailOptions{Options: color100, Location: "arguments/20-pro-strategic.yaml:30"}); err != nil {
		t.Fatal(err)
	}
	golden(t, "get/builtin-drain-manpower-color-100", b.Bytes())
}
