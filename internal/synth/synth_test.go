package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/synth"
)

func encode(t *testing.T, d *argument.Debate, perFile int) []synth.File {
	t.Helper()
	files, err := synth.Files(d, perFile)
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := synth.Options{Arguments: 500, Cycles: 3, Seed: 42, QuotesPerArgument: 2}
	a := encode(t, synth.Generate(opts), 100)
	b := encode(t, synth.Generate(opts), 100)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("same seed: file %s differs between two runs", a[i].Name)
		}
	}
	opts.Seed = 43
	c := encode(t, synth.Generate(opts), 100)
	if bytes.Equal(a[1].Data, c[1].Data) {
		t.Errorf("seeds 42 and 43 gave the same %s", a[1].Name)
	}
}

func TestGenerateCounts(t *testing.T) {
	tests := []struct {
		opts        synth.Options
		wantSources int
	}{
		{synth.Options{Arguments: 0}, 1},
		{synth.Options{Arguments: 1}, 1},
		{synth.Options{Arguments: 7, Depth: 3}, 1},
		{synth.Options{Arguments: 250, QuotesPerArgument: 3}, 2},
		{synth.Options{Arguments: 2000, Sources: 7, Categories: []string{"legal", "economic"}}, 7},
		{synth.Options{Arguments: 12000}, 100},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d", tt.opts.Arguments), func(t *testing.T) {
			d := synth.Generate(tt.opts)
			if got := len(d.Arguments); got != tt.opts.Arguments {
				t.Errorf("got %d arguments, want %d", got, tt.opts.Arguments)
			}
			if got := len(d.Sources); got != tt.wantSources {
				t.Errorf("got %d sources, want %d", got, tt.wantSources)
			}
			cats := tt.opts.Categories
			if cats == nil {
				cats = argument.DefaultCategories
			}
			if !slices.Equal(d.Categories, cats) {
				t.Errorf("categories %v, want %v", d.Categories, cats)
			}
			if len(d.Profiles) != len(cats)+1 {
				t.Errorf("got %d profiles, want %d (even, then one per category)", len(d.Profiles), len(cats)+1)
			}
			quotes := max(tt.opts.QuotesPerArgument, 1)
			seen := map[string]bool{d.Thesis.ID: true}
			cited := map[string]bool{}
			for _, a := range d.Arguments {
				if seen[a.ID] {
					t.Fatalf("id %q used twice", a.ID)
				}
				seen[a.ID] = true
				if len(a.Quotes) != quotes {
					t.Errorf("%s has %d quotes, want %d", a.ID, len(a.Quotes), quotes)
				}
				for _, q := range a.Quotes {
					if _, ok := d.Source(q.Source); !ok {
						t.Errorf("%s quotes unknown source %q", a.ID, q.Source)
					}
					if len(q.Text) < 40 {
						t.Errorf("%s has a quote of %d bytes, want a sentence: %q", a.ID, len(q.Text), q.Text)
					}
					cited[q.Source] = true
				}
				if !d.HasCategory(a.Category) {
					t.Errorf("%s has category %q, not one of %v", a.ID, a.Category, d.Categories)
				}
				if a.Strength < 0.05 || a.Strength > 0.95 {
					t.Errorf("%s has strength %v, want 0.05..0.95", a.ID, a.Strength)
				}
				if len(a.Title) < 10 || len(a.Claim) < 40 || len(a.Reasoning) < 80 {
					t.Errorf("%s has text too short to be realistic: title %q, claim %q", a.ID, a.Title, a.Claim)
				}
				if len(a.Supports)+len(a.Attacks) == 0 {
					t.Errorf("%s relates to nothing", a.ID)
				}
			}
			if len(d.Arguments)*quotes >= len(d.Sources) && len(cited) != len(d.Sources) {
				t.Errorf("%d of %d sources are quoted, want all", len(cited), len(d.Sources))
			}
		})
	}
}

func TestGenerateAcyclicAndConnected(t *testing.T) {
	for _, n := range []int{1, 10, 1000, 10000} {
		d := synth.Generate(synth.Options{Arguments: n, Seed: int64(n)})
		g := argument.NewGraph(d)
		if _, ok := g.TopoOrder(); !ok {
			t.Errorf("n=%d: TopoOrder found a cycle in a debate generated with Cycles=0: %v", n, g.Cycles())
		}
		for i, ok := range g.Connected() {
			if !ok {
				t.Errorf("n=%d: %s has no path to the thesis", n, g.ID(i))
			}
		}
	}
}

func TestGenerateCycles(t *testing.T) {
	for _, tt := range []struct{ n, cycles int }{{50, 1}, {1000, 5}, {10000, 40}} {
		d := synth.Generate(synth.Options{Arguments: tt.n, Cycles: tt.cycles, Seed: 7})
		g := argument.NewGraph(d)
		if _, ok := g.TopoOrder(); ok {
			t.Errorf("n=%d cycles=%d: TopoOrder found no cycle", tt.n, tt.cycles)
		}
		if got := len(g.Cycles()); got != tt.cycles {
			t.Errorf("n=%d: got %d cycles, want %d", tt.n, got, tt.cycles)
		}
	}
	// Three arguments in a chain hold one cycle at most: the rest are dropped, not forced.
	d := synth.Generate(synth.Options{Arguments: 3, Cycles: 5, Seed: 1})
	if got := len(argument.NewGraph(d).Cycles()); got != 1 {
		t.Errorf("n=3 cycles=5: got %d cycles, want the 1 that fits", got)
	}
}

// TestGenerateRespectsSides checks every relation: an argument supports its own side (the
// thesis counts as pro) and attacks the other.
func TestGenerateRespectsSides(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 5000, Cycles: 10, Seed: 3})
	side := map[string]argument.Side{d.Thesis.ID: argument.Pro}
	for _, a := range d.Arguments {
		if a.Side != argument.Pro && a.Side != argument.Con {
			t.Fatalf("%s has side %q", a.ID, a.Side)
		}
		side[a.ID] = a.Side
	}
	rels := 0
	for _, a := range d.Arguments {
		for _, id := range a.Supports {
			rels++
			if s, ok := side[id]; !ok || s != a.Side {
				t.Errorf("%s (%s) supports %s (%s)", a.ID, a.Side, id, s)
			}
		}
		for _, id := range a.Attacks {
			rels++
			if s, ok := side[id]; !ok || s == a.Side {
				t.Errorf("%s (%s) attacks %s (%s)", a.ID, a.Side, id, s)
			}
		}
	}
	if rels <= len(d.Arguments) {
		t.Errorf("%d relations for %d arguments: want some arguments to bear on two targets", rels, len(d.Arguments))
	}
}

// TestGenerateDepth checks the shape: most arguments two to six levels below the thesis, a
// few long chains far below.
func TestGenerateDepth(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 10000, Seed: 5})
	g := argument.NewGraph(d)
	depth := make([]int, g.Len())
	for i := range depth {
		depth[i] = -1
	}
	depth[argument.ThesisNode] = 0
	queue := []int{argument.ThesisNode}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.In(v) {
			if depth[e.Node] < 0 {
				depth[e.Node] = depth[v] + 1
				queue = append(queue, e.Node)
			}
		}
	}
	mid, deepest := 0, 0
	for _, l := range depth[1:] {
		if l >= 2 && l <= 6 {
			mid++
		}
		deepest = max(deepest, l)
	}
	t.Logf("%d of %d arguments 2 to 6 levels deep; deepest %d", mid, len(d.Arguments), deepest)
	if share := float64(mid) / float64(len(d.Arguments)); share < 0.75 {
		t.Errorf("%.0f%% of arguments are 2 to 6 levels below the thesis, want most (at least 75%%)", 100*share)
	}
	if deepest < 12 {
		t.Errorf("deepest argument is %d levels below the thesis, want long chains (12 or more)", deepest)
	}
}

func TestWriteYAMLLoadsBack(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 1234, Cycles: 2, Seed: 9, QuotesPerArgument: 2})
	dir := t.TempDir()
	if err := synth.WriteYAML(d, dir, 100); err != nil {
		t.Fatalf("WriteYAML: %v", err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(names) != 1+13 {
		t.Errorf("wrote %d files, want 00-debate.yaml and 13 argument files", len(names))
	}
	got, problems, err := corpus.Load(os.DirFS(dir), ".")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	// Each cycle draws one warning, and nothing else is wrong.
	if len(problems) != 2 {
		t.Errorf("got %d problems, want a warning for each of the 2 cycles:\n%v", len(problems), problems)
	}
	for _, p := range problems {
		if p.Severity != corpus.Warning || !strings.Contains(p.Message, "cycle") {
			t.Errorf("generated corpus has a problem other than a cycle: %s", p)
		}
	}
	compareDebates(t, got, d)

	m, err := synth.MapFS(d, 100)
	if err != nil {
		t.Fatalf("MapFS: %v", err)
	}
	fromMem, _, err := corpus.Load(m, ".")
	if err != nil {
		t.Fatalf("Load from MapFS: %v", err)
	}
	compareDebates(t, fromMem, d)
}

// TestGeneratedCorpusIsClean loads acyclic corpora of several shapes and expects no problem
// at all: the generator's output is a valid corpus, not merely a loadable one.
func TestGeneratedCorpusIsClean(t *testing.T) {
	for _, o := range []synth.Options{
		{Arguments: 1},
		{Arguments: 300, Seed: 2, QuotesPerArgument: 3, Depth: 3},
		{Arguments: 3000, Seed: 3, Categories: []string{"legal", "economic", "moral", "security"}},
	} {
		m, err := synth.MapFS(synth.Generate(o), 250)
		if err != nil {
			t.Fatalf("MapFS: %v", err)
		}
		d, problems, err := corpus.Load(m, ".")
		if err != nil || len(problems) > 0 {
			t.Errorf("%+v: load error %v and %d problems, want none:\n%v", o, err, len(problems), problems)
			continue
		}
		if len(d.Arguments) != o.Arguments {
			t.Errorf("%+v: loaded %d arguments", o, len(d.Arguments))
		}
	}
}

func compareDebates(t *testing.T, got, want *argument.Debate) {
	t.Helper()
	if got.ID != want.ID || got.Title != want.Title || got.Question != want.Question {
		t.Errorf("debate header: got %q %q %q, want %q %q %q", got.ID, got.Title, got.Question, want.ID, want.Title, want.Question)
	}
	if got.Thesis.ID != want.Thesis.ID || got.Thesis.Claim != want.Thesis.Claim || got.Thesis.Base != want.Thesis.Base {
		t.Errorf("thesis: got %+v, want %+v", got.Thesis, want.Thesis)
	}
	if !slices.Equal(got.Categories, want.Categories) {
		t.Errorf("categories: got %v, want %v", got.Categories, want.Categories)
	}
	if len(got.Sources) != len(want.Sources) {
		t.Errorf("got %d sources, want %d", len(got.Sources), len(want.Sources))
	}
	for _, p := range want.Profiles {
		q, ok := got.Profile(p.Name)
		if !ok {
			t.Errorf("profile %s missing", p.Name)
			continue
		}
		for c, w := range p.Weights {
			if q.Weights[c] != w {
				t.Errorf("profile %s: weight of %s is %v, want %v", p.Name, c, q.Weights[c], w)
			}
		}
	}
	if len(got.Arguments) != len(want.Arguments) {
		t.Fatalf("got %d arguments, want %d", len(got.Arguments), len(want.Arguments))
	}
	for i, w := range want.Arguments {
		g := got.Arguments[i]
		same := g.ID == w.ID && g.Side == w.Side && g.Category == w.Category && g.Title == w.Title &&
			g.Claim == w.Claim && g.Reasoning == w.Reasoning && g.Strength == w.Strength && g.Note == w.Note &&
			slices.Equal(g.Supports, w.Supports) && slices.Equal(g.Attacks, w.Attacks) && slices.Equal(g.Tags, w.Tags) &&
			samePassages(g.Quotes, w.Quotes) && samePassages(g.Evidence, w.Evidence)
		if !same {
			t.Fatalf("argument %d does not survive the round trip:\n got %+v\nwant %+v", i, *g, *w)
		}
	}
}

func samePassages(a, b []argument.Passage) bool {
	return slices.EqualFunc(a, b, func(p, q argument.Passage) bool { return p.Source == q.Source && p.Text == q.Text })
}

func TestFilesNamesSortInCorpusOrder(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 120, Seed: 1})
	files := encode(t, d, 1)
	if len(files) != 121 {
		t.Fatalf("got %d files, want 121", len(files))
	}
	for i, want := range map[int]string{0: "00-debate.yaml", 1: "001-arguments.yaml", 120: "120-arguments.yaml"} {
		if files[i].Name != want {
			t.Errorf("file %d is %s, want %s", i, files[i].Name, want)
		}
	}
	if !slices.IsSortedFunc(files, func(a, b synth.File) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("file names do not sort in corpus order")
	}
	if all := encode(t, d, 0); len(all) != 2 {
		t.Errorf("perFile=0 gave %d files, want the debate and one file of arguments", len(all))
	}
}

func TestWriteYAMLRefusesAFolderWithYAML(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := synth.WriteYAML(synth.Generate(synth.Options{Arguments: 3}), dir, 10)
	if err == nil || !strings.Contains(err.Error(), "already holds mine.yaml") {
		t.Errorf("WriteYAML into a corpus folder: got %v, want a refusal naming mine.yaml", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "mine.yaml")); string(data) != "x: 1\n" {
		t.Errorf("mine.yaml was changed to %q", data)
	}
}

// TestFilesSpellEveryText writes text the emitter leaves to yaml/v4 (controls, invisible and
// astral characters) beside text it writes itself (YAML words, numbers, line breaks, quotes),
// and reads the same text back.
func TestFilesSpellEveryText(t *testing.T) {
	d := synth.Generate(synth.Options{Arguments: 4, Seed: 3})
	texts := []string{"\x1b[31mred\x1b[0m 😀", "bidi\u202eevil", "yes", "0x10", "1_000", "a: b # c", "line\nbreak",
		"trailing\n", " lead", `"quoted" and \ back`, "- item", "2022-09-27"}
	for i, a := range d.Arguments {
		a.Claim = texts[i%len(texts)]
		a.Reasoning = texts[(i+1)%len(texts)]
		a.Note = texts[(i+2)%len(texts)]
		a.Quotes[0].Text = texts[(i+3)%len(texts)]
	}
	m, err := synth.MapFS(d, 2)
	if err != nil {
		t.Fatalf("MapFS: %v", err)
	}
	got, _, err := corpus.Load(m, ".")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	compareDebates(t, got, d)
}
