package render

import (
	"bytes"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// FuzzViewsAreInert draws every view of a debate whose strings are fuzzed and checks that
// nothing but argmap's own styles reaches the output raw. Seeded with the hostile strings.
func FuzzViewsAreInert(f *testing.F) {
	h := hostile()
	f.Add(h.Arguments[0].ID, h.Arguments[0].Title, h.Arguments[0].Claim, h.Arguments[0].Category, 0.5)
	f.Add("a", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "\u202eevil\u202c", "moral", 1.0)
	f.Add("\xff\xfe", "\x9b31m", "\r\n\t\x00", "", -3.0)
	f.Add("id", "東京\u200d👩‍👩‍👧", "<b>x</b>", "a-very-long-category-name-indeed", 0.25)
	f.Fuzz(func(t *testing.T, id, title, claim, category string, strength float64) {
		d := &argument.Debate{
			Title: title, Question: claim,
			Thesis:     argument.Thesis{ID: "t" + id, Claim: claim},
			Categories: []string{category, "moral"},
			Sources:    []argument.Source{{ID: id, Title: title}},
		}
		a := &argument.Argument{ID: id, Side: argument.Side(category), Category: category, Title: title, Claim: claim,
			Reasoning: claim, Strength: strength, Supports: []string{"t" + id}, Tags: []string{title},
			Quotes: []argument.Passage{{Source: id, Text: claim}}, Note: title}
		b := &argument.Argument{ID: id + "b", Side: argument.Con, Category: category, Title: claim, Attacks: []string{id}}
		d.Arguments = []*argument.Argument{a, b}
		g := argument.NewGraph(d)
		for _, o := range []Options{{Width: 80}, {Width: 80, Color: true}, {Width: 45, ASCII: true}} {
			var buf bytes.Buffer
			if err := Show(&buf, g, ShowOptions{Options: o, Wide: true, Quotes: true}); err != nil {
				t.Fatal(err)
			}
			assertInert(t, "show", buf.String())
			buf.Reset()
			if err := List(&buf, d, d.Arguments, ListOptions{Options: o, Table: true}); err != nil {
				t.Fatal(err)
			}
			assertInert(t, "list", buf.String())
			for i := range g.Len() {
				buf.Reset()
				if err := Detail(&buf, g, i, DetailOptions{Options: o, Location: title}); err != nil {
					t.Fatal(err)
				}
				assertInert(t, "get", buf.String())
			}
		}
		var buf bytes.Buffer
		if err := ListJSON(&buf, d.Arguments); err != nil {
			t.Fatal(err)
		}
		assertInert(t, "json", buf.String())
	})
}
