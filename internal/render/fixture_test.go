package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

// harbour is the fixture debate: four categories, a second path to an argument, a cycle,
// arguments with no path to the thesis (one pointing at an id that does not exist, two in a
// cycle of their own), strengths at both ends, long titles, wide characters and a multi-line
// claim.
func harbour() *argument.Debate {
	src := argument.Source{ID: "harbour-report", Title: "The Harbour Report", Author: "Port Authority", Date: "2024-05-01"}
	return &argument.Debate{
		ID:         "harbour",
		Title:      "The Harbour",
		Question:   "Should the town open its harbour to the refugee boats this winter?",
		Thesis:     argument.Thesis{ID: "open-harbour", Claim: "The town should open its harbour to the refugee boats.", Base: 0.5, Pos: argument.Pos{File: "00-debate.yaml", Line: 5, Column: 3}},
		Categories: []string{"moral", "strategic", "political", "legal"},
		Sources:    []argument.Source{src},
		Arguments: []*argument.Argument{
			{ID: "duty-of-rescue", Side: argument.Pro, Category: "moral", Title: "The sea makes rescue a duty",
				Claim:     "Anyone in distress at sea must be helped,\nwhatever their papers say.",
				Reasoning: "Maritime tradition and law agree.\n\nA second paragraph.",
				Strength:  0.9, Supports: []string{"open-harbour"}, Tags: []string{"rescue", "law"},
				Quotes:   []argument.Passage{{Source: "harbour-report", Text: "No captain may sail past a sinking boat."}},
				Evidence: []argument.Passage{{Source: "harbour-report", Text: "Forty boats were seen in distress last winter."}},
				Note:     "The report's opening argument.", Pos: argument.Pos{File: "10-pro.yaml", Line: 3, Column: 5}},
			{ID: "labour-shortage", Side: argument.Pro, Category: "strategic", Title: "The docks need hands",
				Claim: "The port is short of workers.", Strength: 0.65,
				Supports: []string{"open-harbour", "duty-of-rescue"}, Tags: []string{"economy"}, Pos: argument.Pos{File: "10-pro.yaml", Line: 20, Column: 5}},
			{ID: "overwhelmed-services", Side: argument.Con, Category: "political", Title: "The clinic and the school are already full, and the council has no money to expand either of them",
				Claim: "Services cannot take more people.", Strength: 0.55,
				Attacks: []string{"open-harbour", "labour-shortage"}, Tags: []string{"services"}, Pos: argument.Pos{File: "20-con.yaml", Line: 3, Column: 5}},
			{ID: "voters-object", Side: argument.Con, Category: "moral", Title: "Voters were never asked",
				Strength: 0.3, Supports: []string{"overwhelmed-services"}, Pos: argument.Pos{File: "20-con.yaml", Line: 15, Column: 5}},
			{ID: "treaty-obliges", Side: argument.Pro, Category: "legal", Title: "Zürich-Abkommen § 4 — 東京 protocol binds the port",
				Strength: 1, Attacks: []string{"voters-object"}, Pos: argument.Pos{File: "10-pro.yaml", Line: 30, Column: 5}},
			{ID: "smugglers-win", Side: argument.Con, Category: "strategic", Title: "An open harbour rewards the smugglers",
				Strength: 0.45, Attacks: []string{"open-harbour"}, Supports: []string{"pull-factor"}, Pos: argument.Pos{File: "20-con.yaml", Line: 25, Column: 5}},
			{ID: "pull-factor", Side: argument.Con, Category: "strategic", Title: "More boats will come",
				Strength: 0, Supports: []string{"smugglers-win"}, Pos: argument.Pos{File: "20-con.yaml", Line: 35, Column: 5}},
			{ID: "lost-link", Side: argument.Pro, Category: "moral", Title: "Points at nothing",
				Strength: 0.2, Supports: []string{"no-such-argument"}, Pos: argument.Pos{File: "30-loose.yaml", Line: 3, Column: 5}},
			{ID: "loose-attacker", Side: argument.Con, Category: "political", Title: "Attacks the loose one",
				Strength: 0.4, Attacks: []string{"lost-link"}, Pos: argument.Pos{File: "30-loose.yaml", Line: 10, Column: 5}},
			{ID: "loop-a", Side: argument.Pro, Category: "moral", Title: "Loop A", Strength: 0.5, Supports: []string{"loop-b"}},
			{ID: "loop-b", Side: argument.Pro, Category: "moral", Title: "Loop B", Strength: 0.5, Supports: []string{"loop-a"}},
		},
	}
}

// hostile puts escape sequences, bidi and invisible characters, C1 controls and markup in
// every field of a debate, ids and categories included.
func hostile() *argument.Debate {
	bad := func(s string) string {
		return s + "\x1b[31mRED\x1b[0m\x1b]8;;http://evil.example\x07link\x1b]8;;\x07" +
			"\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[H\u202eevil\u202c\u200b\u2066\u0085\u009b31m\r\x7f\x00" +
			"<b>bold</b> [x](javascript:alert(1)) **md** `code`\tTAB\xff"
	}
	d := &argument.Debate{
		ID: bad("d"), Title: bad("Title"), Question: bad("Question"),
		Thesis:     argument.Thesis{ID: bad("thesis"), Claim: bad("claim")},
		Categories: []string{bad("moral"), "strategic"},
		Sources:    []argument.Source{{ID: bad("src"), Title: bad("Source"), Author: bad("Author")}},
	}
	a := &argument.Argument{
		ID: bad("a"), Side: argument.Pro, Category: bad("moral"), Title: bad("Title"), Claim: bad("Claim"),
		Reasoning: bad("Reasoning"), Strength: 0.5, Supports: []string{bad("thesis")}, Tags: []string{bad("tag")},
		Quotes:   []argument.Passage{{Source: bad("src"), Text: bad("Quote")}},
		Evidence: []argument.Passage{{Source: bad("src"), Text: bad("Evidence")}},
		Note:     bad("Note"), Pos: argument.Pos{File: bad("file.yaml"), Line: 1, Column: 1},
	}
	b := &argument.Argument{
		ID: "plain", Side: argument.Side(bad("con")), Category: "strategic", Title: bad("T2"), Strength: 0.5,
		Attacks: []string{bad("a")}, Supports: []string{bad("missing")},
	}
	d.Arguments = []*argument.Argument{a, b}
	return d
}

// chain is a debate of n arguments, each supporting the one before, the first the thesis.
func chain(n int) *argument.Debate {
	d := &argument.Debate{Title: "Chain", Thesis: argument.Thesis{ID: "t", Claim: "The end of the chain."},
		Categories: []string{"moral"}}
	prev := "t"
	for i := range n {
		id := fmt.Sprintf("c%04d", i)
		d.Arguments = append(d.Arguments, &argument.Argument{ID: id, Side: argument.Pro, Category: "moral",
			Title: "Link " + id, Strength: 0.5, Supports: []string{prev}})
		prev = id
	}
	return d
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// stripSGR removes the colour and attribute sequences the styles emit.
func stripSGR(s string) string { return sgr.ReplaceAllString(s, "") }

// assertInert fails unless out holds no control character but newline, no C1 control, no
// bidirectional or invisible format character, and (once the styles' own SGR sequences are
// removed) no escape at all.
func assertInert(t *testing.T, name, out string) {
	t.Helper()
	rest := stripSGR(out)
	for i, r := range rest {
		bad := (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
			(r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == 0x2028 || r == 0x2029 || r == 0xfeff
		if bad {
			start := max(0, i-40)
			t.Errorf("%s: raw %U at byte %d, after %q", name, r, i, rest[start:i])
			return
		}
	}
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x1b[H") {
		t.Errorf("%s: a corpus escape sequence reached the output", name)
	}
}
