package diff

import (
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

func debate(args ...*argument.Argument) *argument.Debate {
	return &argument.Debate{
		ID: "d", Title: "T", Question: "Q?", Thesis: argument.Thesis{ID: "t", Claim: "C", Base: 0.5},
		Categories: []string{"moral", "strategic"}, Arguments: args,
		Profiles: []argument.Profile{{Name: "even", Weights: map[string]float64{"moral": 1, "strategic": 1}}},
	}
}

func arg(id string, side argument.Side, strength float64, supports, attacks []string) *argument.Argument {
	return &argument.Argument{ID: id, Side: side, Category: "moral", Title: id, Claim: id, Strength: strength, Supports: supports, Attacks: attacks}
}

func TestCompare(t *testing.T) {
	old := debate(arg("a", argument.Pro, 0.6, []string{"t"}, nil), arg("b", argument.Con, 0.4, nil, []string{"t"}))
	new := debate(arg("a", argument.Pro, 0.3, []string{"t"}, nil), arg("c", argument.Con, 0.5, nil, []string{"a"}))
	new.Profiles[0].Weights = map[string]float64{"moral": 2, "strategic": 1}
	d := Compare(old, new)
	if len(d.Added) != 1 || d.Added[0].ID != "c" {
		t.Errorf("added = %v, want [c]", ids(d.Added))
	}
	if len(d.Removed) != 1 || d.Removed[0].ID != "b" {
		t.Errorf("removed = %v, want [b]", ids(d.Removed))
	}
	if len(d.Changed) != 1 || d.Changed[0].ID != "a" || len(d.Changed[0].Fields) != 1 ||
		d.Changed[0].Fields[0] != (Field{Name: "strength", Old: "0.6", New: "0.3"}) {
		t.Errorf("changed = %+v, want a's strength 0.6 → 0.3", d.Changed)
	}
	want := []RelationChange{
		{Change: "removed", From: "b", To: "t", Type: argument.Attack},
		{Change: "added", From: "c", To: "a", Type: argument.Attack},
	}
	if len(d.Relations) != len(want) {
		t.Fatalf("relations = %+v, want %+v", d.Relations, want)
	}
	for i := range want {
		if d.Relations[i] != want[i] {
			t.Errorf("relation %d = %+v, want %+v", i, d.Relations[i], want[i])
		}
	}
	if len(d.Profiles) != 1 || d.Profiles[0].Change != "changed" || d.Profiles[0].Fields[0].New != "moral=2,strategic=1" {
		t.Errorf("profiles = %+v, want even's weights changed", d.Profiles)
	}
	if d.Empty() {
		t.Error("Empty() = true for a diff with changes")
	}
	if same := Compare(old, old); !same.Empty() {
		t.Errorf("Compare(old, old) = %+v, want empty", same)
	}
}

func TestVerdictsFlipsFirstAndEachSideItsOwnProfile(t *testing.T) {
	old := debate(arg("a", argument.Pro, 0.6, []string{"t"}, nil), arg("b", argument.Con, 0.4, nil, []string{"t"}))
	new := debate(arg("a", argument.Pro, 0.2, []string{"t"}, nil), arg("b", argument.Con, 0.4, nil, []string{"t"}))
	new.Profiles = append(new.Profiles, argument.Profile{Name: "strategist", Weights: map[string]float64{"moral": 0, "strategic": 1}})
	ws := Weightings(old, new)
	if len(ws) != 2 || ws[0].Label != "even" || ws[1].Label != "strategist" {
		t.Fatalf("weightings = %+v, want even then strategist", ws)
	}
	rows, err := Verdicts(argument.NewGraph(old), argument.NewGraph(new), ws, []score.Semantics{score.DFQuAD, score.Sum})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want 4", len(rows))
	}
	for i, r := range rows {
		flipped := r.Label == "even"
		if r.Flipped() != flipped {
			t.Errorf("row %d %s/%s: flipped = %v, want %v", i, r.Label, r.Semantics, r.Flipped(), flipped)
		}
		if i < 2 && !r.Flipped() {
			t.Errorf("row %d is not a flip: flips come first", i)
		}
	}
	// Every row agrees with score.Evaluate on each side.
	for _, r := range rows {
		for _, s := range []struct {
			d    *argument.Debate
			side Side
		}{{old, r.Old}, {new, r.New}} {
			var w score.Weights
			for _, x := range ws {
				if x.Label == r.Label {
					w = x.New
				}
			}
			res, err := score.Evaluate(argument.NewGraph(s.d), w, r.Semantics)
			if err != nil {
				t.Fatal(err)
			}
			if res.Margin != s.side.Margin || res.Verdict != s.side.Verdict {
				t.Errorf("%s/%s: diff says %v %v, score says %v %v", r.Label, r.Semantics, s.side.Verdict, s.side.Margin, res.Verdict, res.Margin)
			}
		}
	}
}

func TestVerdictsWeightingForeignToASide(t *testing.T) {
	old := debate(arg("a", argument.Pro, 0.6, []string{"t"}, nil))
	new := debate(arg("a", argument.Pro, 0.6, []string{"t"}, nil))
	new.Categories = append(new.Categories, "political")
	ws := []Weighting{{Label: "p", Old: score.Weights{"political": 2}, New: score.Weights{"political": 2}}}
	rows, err := Verdicts(argument.NewGraph(old), argument.NewGraph(new), ws, []score.Semantics{score.DFQuAD})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Old.OK || rows[0].Old.Reason == "" || !rows[0].New.OK || rows[0].Flipped() || rows[0].MarginChange() != 0 {
		t.Errorf("row = %+v, want the old side not scored, with a reason, and no flip", rows[0])
	}
}

func ids(as []*argument.Argument) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
