package argument

import (
	"slices"
	"testing"
)

// withBases gives a's relations, Supports then Attacks, the bases listed.
func withBases(a *Argument, bases ...Basis) *Argument {
	for i, b := range bases {
		t, to := Support, ""
		if i < len(a.Supports) {
			to = a.Supports[i]
		} else {
			t, to = Attack, a.Attacks[i-len(a.Supports)]
		}
		r := Relation{From: a.ID, To: to, Type: t, Basis: b}
		if b == Stated {
			r.Quote = "q"
		}
		if b == Inferred {
			r.Note = "n"
		}
		a.Relations = append(a.Relations, r)
	}
	return a
}

func TestProvenance(t *testing.T) {
	a := withBases(arg("a", Pro, []string{"t"}, []string{"b"}), Stated, Inferred)
	for _, tc := range []struct {
		typ  RelationType
		i    int
		want Basis
	}{
		{Support, 0, Stated},
		{Attack, 0, Inferred},
	} {
		if got := a.Provenance(tc.typ, tc.i).Basis; got != tc.want {
			t.Errorf("Provenance(%s, %d).Basis = %q, want %q", tc.typ, tc.i, got, tc.want)
		}
	}
	// An argument built in code, with no Relations, has bare relations that count as stated.
	bare := arg("c", Pro, []string{"t"}, nil)
	if r := bare.Provenance(Support, 0); !r.Bare() || r.EffectiveBasis() != Stated || r.To != "t" {
		t.Errorf("bare Provenance = %+v, want a bare relation to t counting as stated", r)
	}
	// Relations out of step with Supports (a caller edited one list) are not trusted.
	skew := withBases(arg("d", Pro, []string{"t"}, nil), Inferred)
	skew.Supports = []string{"x"}
	if r := skew.Provenance(Support, 0); !r.Bare() {
		t.Errorf("out-of-step Provenance = %+v, want bare", r)
	}
}

func TestStatedOnly(t *testing.T) {
	d := debate(
		withBases(arg("a", Pro, []string{"t"}, []string{"b"}), Stated, Inferred),
		withBases(arg("b", Con, nil, []string{"t"}), Stated),
		arg("c", Pro, []string{"t"}, nil), // bare: counts as stated
	)
	g := NewGraph(d)
	if got, want := g.NumRelations(), 4; got != want {
		t.Fatalf("NumRelations() = %d, want %d", got, want)
	}
	b, _ := g.Index("b")
	if in := g.In(b); len(in) != 1 || !in[0].Inferred() {
		t.Errorf("In(b) = %v, want one inferred attack", in)
	}
	s := g.StatedOnly()
	if got, want := s.NumRelations(), 3; got != want {
		t.Errorf("StatedOnly().NumRelations() = %d, want %d", got, want)
	}
	if got := len(s.In(b)); got != 0 {
		t.Errorf("StatedOnly keeps %d relations into b, want 0", got)
	}
	if s.Len() != g.Len() {
		t.Errorf("StatedOnly has %d nodes, want all %d", s.Len(), g.Len())
	}
	var bases []Basis
	for _, r := range g.Relations() {
		bases = append(bases, r.EffectiveBasis())
	}
	if want := []Basis{Stated, Inferred, Stated, Stated}; !slices.Equal(bases, want) {
		t.Errorf("Relations() bases = %v, want %v", bases, want)
	}
	// The filter applies it, and keeps it through a subgraph.
	f := Filter{Relations: Stated, Sides: []Side{Pro, Con}}
	if got := f.Apply(g).NumRelations(); got != 3 {
		t.Errorf("Filter{Relations: stated}.Apply: %d relations, want 3", got)
	}
	if f.IsZero() {
		t.Errorf("a filter on relations is not zero")
	}
}

func TestFilterCheckRelations(t *testing.T) {
	d := debate(arg("a", Pro, []string{"t"}, nil))
	for _, tc := range []struct {
		rel  Basis
		want string
	}{
		{"", ""},
		{Stated, ""},
		{Inferred, `invalid --relations "inferred": use one of all, stated`},
		{"some", `invalid --relations "some": use one of all, stated`},
	} {
		err := Filter{Relations: tc.rel}.Check(d)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("Check(relations %q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}

func TestWithoutInferred(t *testing.T) {
	a := withBases(arg("a", Pro, []string{"t", "u"}, []string{"b"}), Inferred, Stated, Inferred)
	b := a.WithoutInferred()
	if !slices.Equal(b.Supports, []string{"u"}) || len(b.Attacks) != 0 || len(b.Relations) != 1 || b.Relations[0].To != "u" {
		t.Errorf("WithoutInferred = supports %v, attacks %v, relations %v; want only the stated support of u", b.Supports, b.Attacks, b.Relations)
	}
	if len(a.Supports) != 2 || len(a.Attacks) != 1 {
		t.Errorf("WithoutInferred changed the argument itself: %v %v", a.Supports, a.Attacks)
	}
	if c := arg("c", Pro, []string{"t"}, nil); c.WithoutInferred() != c {
		t.Errorf("an argument with nothing inferred is copied")
	}
}
