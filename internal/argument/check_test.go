package argument

import (
	"fmt"
	"strings"
	"testing"
)

// debate builds a small debate the way an importer would: no files, positions only where the
// test gives them.
func checkDebate(args ...*Argument) *Debate {
	return &Debate{
		ID:         "d",
		Thesis:     Thesis{ID: "thesis", Claim: "t", IDAt: Span{Pos: Pos{File: "f", Line: 1, Column: 5}, EndColumn: 11}},
		Categories: DefaultCategories,
		Sources:    []Source{{ID: "src", IDAt: Span{Pos: Pos{File: "f", Line: 2, Column: 5}}}},
		Profiles:   []Profile{{Name: "even", Weights: map[string]float64{"moral": 1}}},
		Arguments:  args,
	}
}

func checkArg(id string, side Side, supports, attacks []string) *Argument {
	return &Argument{ID: id, Side: side, Category: "moral", Supports: supports, Attacks: attacks,
		Quotes: []Passage{{Source: "src", Text: "q"}}}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		d    *Debate
		want []string // rule severity: message
	}{
		{"clean", checkDebate(checkArg("a", Pro, []string{"thesis"}, nil)), nil},
		{"dangling", checkDebate(checkArg("abcde", Pro, []string{"thesus"}, nil)), []string{
			`dangling-ref error: unknown id "thesus" in supports: no argument or thesis has it; did you mean "thesis"?`,
		}},
		{"duplicate id of the thesis", checkDebate(checkArg("thesis", Pro, []string{"a"}, nil), checkArg("a", Pro, []string{"thesis"}, nil)), []string{
			`duplicate-id error: duplicate id "thesis": the thesis at f:1:5 has it already; give each argument its own id`,
		}},
		{"self and twice", checkDebate(checkArg("a", Pro, []string{"a", "thesis", "thesis"}, []string{"thesis"})), []string{
			`self-relation error: argument a supports itself: remove a from supports`,
			`duplicate-relation error: argument a supports thesis twice (first at column 0): remove one`,
			`support-and-attack error: argument a both supports and attacks thesis: keep the one that is meant`,
		}},
		{"sides and cycle", checkDebate(checkArg("a", Pro, []string{"b"}, nil), checkArg("b", Con, []string{"a"}, []string{"thesis"})), []string{
			`side-contradiction warning: pro argument a supports the con argument b, which is on the other side: make it con, or make the relation attacks`,
			`side-contradiction warning: con argument b supports the pro argument a, which is on the other side: make it pro, or make the relation attacks`,
			`cycle warning: a and b form a cycle of relations: scoring handles it, but check each relation is meant`,
		}},
		{"loose, unquoted, unknown category and source", checkDebate(&Argument{ID: "a", Side: Pro, Category: "morale",
			Evidence: []Passage{{Source: "srx", Text: "e"}}}), []string{
			`unknown-category error: unknown category "morale": did you mean "moral"? (the categories are moral, strategic, political)`,
			`unknown-source error: unknown source "srx" in evidence: did you mean "src"?`,
			`no-relation warning: argument a supports and attacks nothing, so it counts for nothing: add supports: [...] or attacks: [...]`,
			`no-quote warning: argument a has no quote: add a verbatim passage from a source under quotes`,
		}},
		{"values the reader reported are not reported again", checkDebate(&Argument{Side: Pro}, &Argument{ID: "b", Supports: []string{"thesis"},
			Quotes: []Passage{{Text: "q"}}}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Check(tt.d) {
				got = append(got, fmt.Sprintf("%s %s: %s", p.Rule, p.Severity, p.Message))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Check() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCheckProfiles(t *testing.T) {
	d := checkDebate(checkArg("a", Pro, []string{"thesis"}, nil))
	at := Span{Pos: Pos{File: "f", Line: 9, Column: 3}, EndColumn: 9}
	d.Profiles = []Profile{
		{Name: "p", Pos: Pos{File: "f", Line: 8, Column: 1}, Weights: map[string]float64{"morals": 0}, WeightAt: map[string]Span{"morals": at}},
		{Name: "p", Pos: Pos{File: "f", Line: 10, Column: 1}}, // weights nil: reported by the reader
	}
	ps := Check(d)
	want := []string{
		`f:9:3-9 unknown-category: unknown category "morals" in the weights of profile p: did you mean "moral"? (the categories are moral, strategic, political)`,
		`f:8:1 no-positive-weight: profile p gives no category a weight above 0: give at least one a positive weight`,
		`f:10:1 duplicate-profile: duplicate profile "p" (first at line 8): rename one of them`,
	}
	var got []string
	for _, p := range ps {
		s := fmt.Sprintf("%s:%d:%d", p.Pos.File, p.Pos.Line, p.Pos.Column)
		if !p.End.IsZero() {
			s += fmt.Sprintf("-%d", p.End.Column)
		}
		got = append(got, fmt.Sprintf("%s %s: %s", s, p.Rule, p.Message))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRulesUnique(t *testing.T) {
	seen := map[Rule]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Meaning == "" || (r.Severity != Error && r.Severity != Warning) {
			t.Errorf("rule %q is listed twice, or without a meaning or severity", r.ID)
		}
		seen[r.ID] = true
	}
}
