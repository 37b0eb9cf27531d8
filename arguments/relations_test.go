package arguments_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/relations.golden")

// TestRelations lists every relation of the built-in debate with its basis and the sentence
// that states it (or, for an inferred one, the reason), in one table a reviewer can read
// against the article: testdata/relations.golden. It fails when a relation has no basis, a
// stated one has no quote, or an inferred one no note, as well as when the table changes.
func TestRelations(t *testing.T) {
	d, _, err := corpus.Load(arguments.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "from\trelation\tto\tbasis\tstated by, or why inferred")
	stated, inferred := 0, 0
	for _, a := range d.Arguments {
		for _, typ := range [...]argument.RelationType{argument.Support, argument.Attack} {
			n := len(a.Supports)
			if typ == argument.Attack {
				n = len(a.Attacks)
			}
			for i := range n {
				r := a.Provenance(typ, i)
				why := r.Quote
				switch r.Basis {
				case argument.Stated:
					stated++
					if r.Quote == "" {
						t.Errorf("%s %s %s is stated with no quote", a.ID, typ, r.To)
					}
				case argument.Inferred:
					inferred++
					why = r.Note
					if r.Note == "" {
						t.Errorf("%s %s %s is inferred with no note", a.ID, typ, r.To)
					}
				default:
					t.Errorf("%s %s %s has no basis: give it basis: stated with a quote, or basis: inferred with a note", a.ID, typ, r.To)
				}
				fmt.Fprintf(tw, "%s\t%ss\t%s\t%s\t%s\n", a.ID, typ, r.To, r.EffectiveBasis(), strings.Join(strings.Fields(why), " "))
			}
		}
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%d relations: %d stated, %d inferred\n", stated+inferred, stated, inferred)
	const golden = "testdata/relations.golden"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./arguments -update writes it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the relations differ from %s (go test ./arguments -update rewrites it; read the diff):\n%s", golden, b.String())
	}
}
