package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// TestLookAlikeIDsEscaped checks that a view shows a letter outside an id's main script
// escaped, so that "pаy" (Cyrillic а) cannot pass for "pay". Such ids cannot come from a YAML
// corpus, whose ids are ASCII, but can from an importer.
func TestLookAlikeIDsEscaped(t *testing.T) {
	d := harbour()
	d.Arguments[1].ID = "labour-short\u0430ge" // supports open-harbour and duty-of-rescue
	g := argument.NewGraph(d)
	var show, list, detail bytes.Buffer
	if err := Show(&show, g, ShowOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := List(&list, d, d.Arguments, ListOptions{Table: true}); err != nil {
		t.Fatal(err)
	}
	i, _ := g.Index(d.Arguments[1].ID)
	if err := Detail(&detail, g, i, DetailOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"show": show.String(), "list": list.String(), "get": detail.String()} {
		if !strings.Contains(out, `labour-short\u0430ge`) {
			t.Errorf("%s does not show the id escaped:\n%s", name, out)
		}
		if strings.Contains(out, "\u0430") {
			t.Errorf("%s shows the Cyrillic а raw:\n%s", name, out)
		}
	}
}
