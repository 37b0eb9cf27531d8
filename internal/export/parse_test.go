package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gonum.org/v1/gonum/graph/formats/dot"
	dotast "gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// These tests read each export with a parser of its format and check that what comes back is
// the graph that went in, and that corpus text stayed text.

// mdDoc is a Markdown export as goldmark parses it.
type mdDoc struct {
	src      []byte
	root     gast.Node
	headings []mdHeading
	links    []string // destinations
	tables   []*east.Table
}

type mdHeading struct {
	level int
	text  string
}

// plainText is what a node renders as, text only: escapes resolved, code spans kept.
func plainText(n gast.Node, src []byte) string {
	var b strings.Builder
	gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *gast.Text:
			b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *gast.String:
			b.Write(c.Value)
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

func parseMarkdown(t testing.TB, src []byte) *mdDoc {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := &mdDoc{src: src, root: md.Parser().Parse(text.NewReader(src))}
	gast.Walk(doc.root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Heading:
			doc.headings = append(doc.headings, mdHeading{n.Level, plainText(n, src)})
		case *gast.Link:
			doc.links = append(doc.links, string(n.Destination))
		case *gast.AutoLink:
			doc.links = append(doc.links, string(n.URL(src)))
		case *gast.Image:
			t.Errorf("an image: %s", n.Destination)
		case *gast.RawHTML, *gast.HTMLBlock:
			t.Errorf("raw HTML at %q", plainText(n.Parent(), src))
		case *east.Table:
			doc.tables = append(doc.tables, n)
		}
		return gast.WalkContinue, nil
	})
	return doc
}

// checkBrief checks a brief's structure: one title, headings that step down one level at a
// time, all distinct, every fragment link landing on a heading's anchor and every other link a
// web address, the argument table complete, each argument under its own heading, and where
// the verdict flips right after the verdict, its tables complete and its links landing on the
// arguments they name.
func checkBrief(t testing.TB, b *Brief, src []byte) {
	t.Helper()
	g := b.Graph
	doc := parseMarkdown(t, src)
	if len(doc.headings) == 0 || doc.headings[0].level != 1 {
		t.Fatalf("the brief does not open with a title")
	}
	anchors := map[string]bool{}
	prev := 0
	for i, h := range doc.headings {
		if h.level == 1 && i > 0 {
			t.Errorf("a second title: %q", h.text)
		}
		if h.level > prev+1 {
			t.Errorf("heading %q jumps from level %d to %d", h.text, prev, h.level)
		}
		prev = h.level
		s := Slug(h.text)
		if s == "" || anchors[s] {
			t.Errorf("heading %q has an empty or repeated anchor %q", h.text, s)
		}
		anchors[s] = true
	}
	for _, l := range doc.links {
		switch {
		case strings.HasPrefix(l, "#"):
			if !anchors[l[1:]] {
				t.Errorf("link %s points at no heading", l)
			}
		case strings.HasPrefix(l, "https://"), strings.HasPrefix(l, "http://"):
		default:
			t.Errorf("link to %q", l)
		}
	}
	// The argument table: one row per argument, five columns, each first cell a link.
	var summary *east.Table
	for _, tb := range doc.tables {
		if plainText(tb.FirstChild(), src) == "ArgumentSideCategoryStrengthScore" {
			summary = tb
		}
	}
	if n := len(g.Arguments()); n > 0 {
		if summary == nil {
			t.Fatalf("no argument table")
		}
		if rows := summary.ChildCount() - 1; rows != n {
			t.Errorf("argument table has %d rows, want %d", rows, n)
		}
		for row := summary.FirstChild().NextSibling(); row != nil; row = row.NextSibling() {
			if cells := row.ChildCount(); cells != 5 {
				t.Errorf("a row of %d cells: %q", cells, plainText(row, src))
			}
			if _, ok := row.FirstChild().FirstChild().(*gast.Link); !ok {
				t.Errorf("row %q does not link to its argument", plainText(row, src))
			}
		}
	}
	// Every argument's heading shows its title as the corpus wrote it (flattened, without
	// trailing punctuation), perhaps followed by a disambiguation.
	level4 := map[string]bool{}
	for _, h := range doc.headings {
		if h.level == 4 {
			level4[h.text] = true
		}
	}
	titled := func(h string, a *argument.Argument) bool {
		want := headingText(a.Title)
		return h == want || strings.HasPrefix(h, want+" (") || want == ""
	}
	for _, a := range g.Arguments() {
		found := false
		for h := range level4 {
			if titled(h, a) {
				found = true
			}
		}
		if !found {
			t.Errorf("no heading for argument %s titled %q", a.ID, headingText(a.Title))
		}
	}
	checkFlips(t, b, doc, titled)
}

// checkFlips checks the section on where the verdict flips: it follows the verdict, its
// category table has a row per category (when a weight flips the verdict), and its argument
// table a row per argument that flips it, each linking by id to that argument's heading.
func checkFlips(t testing.TB, b *Brief, doc *mdDoc, titled func(string, *argument.Argument) bool) {
	t.Helper()
	s := b.Sensitivity
	at := -1
	for i, h := range doc.headings {
		if h.level == 2 && h.text == "Where the verdict flips" {
			at = i
		}
	}
	if s == nil {
		if at >= 0 {
			t.Errorf("a section on where the verdict flips without an analysis")
		}
		return
	}
	if at < 1 || doc.headings[at-1].text != "Verdict" && doc.headings[at-1].text != "Computed verdicts" {
		t.Fatalf("where the verdict flips does not follow the verdict: %v", doc.headings)
	}
	byAnchor := map[string]string{}
	for _, h := range doc.headings {
		if h.level == 4 {
			byAnchor[Slug(h.text)] = h.text
		}
	}
	var cats, args *east.Table
	for _, tb := range doc.tables {
		switch plainText(tb.FirstChild(), doc.src) {
		case "CategoryWeightFlipsVerdict holds between":
			cats = tb
		case "ArgumentSideStrengthFlips":
			args = tb
		}
	}
	wantCats, wantArgs := 0, 0
	if s.Critical != "" {
		wantCats = len(s.ByCategory)
	}
	for _, a := range s.Arguments {
		if len(a.Flips) > 0 {
			wantArgs++
		}
	}
	if rows := tableRows(cats); rows != wantCats {
		t.Errorf("the category flips table has %d rows, want %d", rows, wantCats)
	}
	if rows := tableRows(args); rows != wantArgs {
		t.Errorf("the argument flips table has %d rows, want %d", rows, wantArgs)
	}
	if args == nil {
		return
	}
	for row := args.FirstChild().NextSibling(); row != nil; row = row.NextSibling() {
		link, ok := row.FirstChild().FirstChild().(*gast.Link)
		if !ok {
			t.Errorf("flips row %q does not link to its argument", plainText(row, doc.src))
			continue
		}
		id := plainText(link, doc.src)
		i, ok := b.Graph.Index(id)
		if !ok || i == argument.ThesisNode {
			t.Errorf("flips row links with %q, not an argument's id", id)
			continue
		}
		h, ok := byAnchor[strings.TrimPrefix(string(link.Destination), "#")]
		if !ok || !titled(h, b.Graph.Argument(i)) {
			t.Errorf("flips row %s links to %s, not to its argument's heading", id, link.Destination)
		}
	}
}

// tableRows counts a table's body rows; 0 for no table.
func tableRows(tb *east.Table) int {
	if tb == nil {
		return 0
	}
	return tb.ChildCount() - 1
}

// checkInertHTML renders the brief and checks that no corpus text became markup.
func checkInertHTML(t testing.TB, src []byte) {
	t.Helper()
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src, &html); err != nil {
		t.Fatal(err)
	}
	h := strings.ToLower(html.String())
	for _, bad := range []string{"<script", "<img", "<b>", "<i>", "<details", "<table><tr>", "href=\"javascript", "<del>", "<h5"} {
		if strings.Contains(h, bad) {
			t.Errorf("rendered HTML holds %q", bad)
		}
	}
}

func TestMarkdownParses(t *testing.T) {
	graphs := map[string]*argument.Graph{"built-in": loadBuiltin(t)}
	for _, name := range fixtures {
		graphs[name] = loadFixture(t, name)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			b := testBrief(t, g)
			var buf bytes.Buffer
			if err := NewMarkdownEncoder(&buf).Encode(b); err != nil {
				t.Fatal(err)
			}
			out := buf.Bytes()
			checkBrief(t, b, out)
			checkInertHTML(t, out)
		})
	}
}

// TestMarkdownShowsTextAsWritten checks that hostile text renders as the characters the
// corpus holds: the escapes undo exactly.
func TestMarkdownShowsTextAsWritten(t *testing.T) {
	g := loadFixture(t, "hostile")
	doc := parseMarkdown(t, encode(t, Markdown, g))
	all := plainText(doc.root, doc.src)
	for _, a := range g.Arguments() {
		if c := safetext.Flat(a.Claim); !strings.Contains(all, "Claim: "+c) {
			t.Errorf("claim of %s not shown as written: %q", a.ID, c)
		}
	}
	if !strings.Contains(all, `\x1b[31mred`) {
		t.Errorf("the title's terminal escape is not shown visibly")
	}
}

func TestMarkdownSections(t *testing.T) {
	g := loadFixture(t, "basic")
	b := testBrief(t, g)
	b.Atlas = nil // the extra section alone, followed by the map
	b.Sections = []Section{{
		Heading:    "Notes for the judge",
		Paragraphs: []string{"1. Raise *moral* to 2 | and:"},
		Table:      &Table{Header: []string{"Weight", "Flips at"}, Right: []bool{false, true}, Rows: [][]string{{"moral", "1.8"}, {"a|b", ""}}},
	}}
	var buf bytes.Buffer
	if err := NewMarkdownEncoder(&buf).Encode(b); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkBrief(t, b, buf.Bytes())
	for _, want := range []string{
		"## Notes for the judge\n\n1\\. Raise \\*moral\\* to 2 \\| and:\n\n| Weight | Flips at |\n| --- | ---: |\n| moral | 1.8 |\n| a\\|b | - |\n\n## Map",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	v, f, n := strings.Index(out, "\n## Verdict\n"), strings.Index(out, "\n## Where the verdict flips\n"), strings.Index(out, "\n## Notes for the judge\n")
	if v < 0 || f < v || n < f {
		t.Errorf("the sections are not in the order verdict, where it flips, extra section")
	}
}

func TestMarkdownScoresMismatch(t *testing.T) {
	g := loadFixture(t, "basic")
	b := testBrief(t, g)
	b.Scores = b.Scores[1:]
	var buf bytes.Buffer
	err := NewMarkdownEncoder(&buf).Encode(b)
	if err == nil || err.Error() != "brief: 5 argument scores for 6 arguments" || buf.Len() != 0 {
		t.Errorf("Encode = %v, wrote %d bytes", err, buf.Len())
	}
}

// dotLabels parses a DOT export with gonum's parser and returns each node's label, unescaped,
// and the edges as "from->to style".
func parseDOT(t testing.TB, src []byte) (labels map[string]string, edges []string) {
	t.Helper()
	f, err := dot.ParseBytes(src)
	if err != nil {
		t.Fatalf("DOT does not parse: %v\n%s", err, src)
	}
	if len(f.Graphs) != 1 || !f.Graphs[0].Directed {
		t.Fatalf("want one digraph, got %d graphs", len(f.Graphs))
	}
	labels = map[string]string{}
	for _, st := range f.Graphs[0].Stmts {
		switch st := st.(type) {
		case *dotast.NodeStmt:
			for _, a := range st.Attrs {
				if a.Key == "label" {
					labels[st.Node.ID] = unquoteDOT(t, a.Val)
				}
			}
		case *dotast.EdgeStmt:
			style := ""
			for _, a := range st.Attrs {
				if a.Key == "style" {
					style = a.Val
				}
			}
			edges = append(edges, fmt.Sprintf("%s->%s %s", st.From.(*dotast.Node).ID, st.To.Vertex.(*dotast.Node).ID, style))
		}
	}
	return labels, edges
}

// unquoteDOT reads a quoted DOT string as Graphviz shows it: \" is a quote, \\ a backslash, \n
// a line break, &amp; an ampersand; any other escape would be a Graphviz escape sequence.
func unquoteDOT(t testing.TB, s string) string {
	t.Helper()
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		t.Fatalf("label %s is not quoted", s)
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '"', '\\':
			b.WriteByte(s[i])
		case 'n':
			b.WriteByte('\n')
		default:
			t.Errorf("label holds the Graphviz escape \\%c", s[i])
		}
	}
	return strings.NewReplacer("&amp;", "&", "&#65533;", "\uFFFD").Replace(b.String())
}

func TestDOTParses(t *testing.T) {
	for _, name := range append([]string{"built-in"}, fixtures...) {
		t.Run(name, func(t *testing.T) {
			g := loadBuiltinOr(t, name)
			labels, got := parseDOT(t, encode(t, DOT, g))
			if len(labels) != g.Len() {
				t.Errorf("%d labelled nodes, want %d", len(labels), g.Len())
			}
			for i := 1; i < g.Len(); i++ {
				a := g.Argument(i)
				want := strings.Join(append(wrap(safetext.Flat(a.Title), labelWidth), sideLabel(a)), "\n")
				if got := labels[nodeID(i)]; got != want {
					t.Errorf("label of %s = %q, want %q", a.ID, got, want)
				}
			}
			var want []string
			for _, r := range edges(g) {
				style := "solid"
				if r.Type == argument.Attack {
					style = "dashed"
				}
				want = append(want, fmt.Sprintf("%s->%s %s", nodeID(r.From), nodeID(r.To), style))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func loadBuiltinOr(t testing.TB, name string) *argument.Graph {
	if name == "built-in" {
		return loadBuiltin(t)
	}
	return loadFixture(t, name)
}

// mermaidLine is every line a Mermaid export may hold: the header, a node with a quoted label
// whose text holds no quote, bracket or '#' but as an entity, an edge, or a style line.
var mermaidLine = regexp.MustCompile(`^(flowchart BT|  n\d+\["(?:[^"#\[\]<>` + "`" + `%;]|#(?:quot|\d+);|<br/>)*"\]|  n\d+ (?:-->|-\.->)(?:\|inferred\|)? n\d+|  classDef (?:thesis|pro|con) [a-z0-9:#,\-]+|  class n\d+(?:,n\d+)* (?:thesis|pro|con)|  linkStyle \d+(?:,\d+)* stroke:#[0-9a-f]{6},stroke-width:2px)$`)

func TestMermaidGrammar(t *testing.T) {
	for _, name := range append([]string{"built-in"}, fixtures...) {
		t.Run(name, func(t *testing.T) {
			g := loadBuiltinOr(t, name)
			out := string(encode(t, Mermaid, g))
			checkMermaid(t, g, out)
		})
	}
}

func checkMermaid(t testing.TB, g *argument.Graph, out string) {
	t.Helper()
	nodes, arrows := 0, 0
	var dashed []bool          // by link index: an attack's dashed arrow
	colour := map[int]string{} // by link index, from linkStyle
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !mermaidLine.MatchString(line) {
			t.Errorf("line outside the grammar: %q", line)
		}
		switch {
		case strings.Contains(line, `["`):
			nodes++
		case strings.Contains(line, "->"):
			arrows++
			dashed = append(dashed, strings.Contains(line, "-.->"))
		case strings.HasPrefix(line, "  linkStyle "):
			f := strings.Fields(line)
			for _, n := range strings.Split(f[1], ",") {
				i, _ := strconv.Atoi(n)
				if _, dup := colour[i]; dup {
					t.Errorf("link %d styled twice", i)
				}
				colour[i] = strings.TrimPrefix(strings.Split(f[2], ",")[0], "stroke:")
			}
		}
	}
	if nodes != g.Len() || arrows != g.NumRelations() {
		t.Errorf("%d nodes and %d edges, want %d and %d", nodes, arrows, g.Len(), g.NumRelations())
	}
	// Every link is coloured by its kind: supports green, attacks red.
	for i, d := range dashed {
		want := proStroke
		if d {
			want = conStroke
		}
		if colour[i] != want {
			t.Errorf("link %d (attack %v) is coloured %q, want %q", i, d, colour[i], want)
		}
	}
	if len(colour) != len(dashed) {
		t.Errorf("%d links styled for %d links", len(colour), len(dashed))
	}
}

// TestMermaidEntities checks that the entity codes decode back to the text.
func TestMermaidEntities(t *testing.T) {
	in := `a "b" #c <d> [e] {f} %% g; h|i ` + "`j`" + ` k\l`
	esc := safetext.Mermaid(in)
	dec := regexp.MustCompile(`#(quot|\d+);`).ReplaceAllStringFunc(esc, func(m string) string {
		if m == "#quot;" {
			return `"`
		}
		n, _ := strconv.Atoi(m[1 : len(m)-1])
		return string(rune(n))
	})
	if dec != in {
		t.Errorf("decoded %q, want %q (escaped %q)", dec, in, esc)
	}
}

// argdownDef is an argument's or the thesis's definition line in the Argdown export.
var argdownDef = regexp.MustCompile(`^(<[^<>\[\]]+>|\[[^<>\[\]]+\]): (.*) \{id: ("[^"{}]*")(?:, [a-z]+: [^,{}]+)*\}$`)

func TestArgdownStructure(t *testing.T) {
	for _, name := range append([]string{"built-in"}, fixtures...) {
		t.Run(name, func(t *testing.T) {
			g := loadBuiltinOr(t, name)
			checkArgdown(t, g, string(encode(t, Argdown, g)))
		})
	}
}

func checkArgdown(t testing.TB, g *argument.Graph, out string) {
	t.Helper()
	titles := ArgdownTitles(g)
	seen := map[string]bool{}
	ids := map[string]string{}
	rels := 0
	var target string
	lines := strings.Split(out, "\n")
	if lines[0] != "===" {
		t.Fatalf("no front matter")
	}
	for _, line := range lines {
		if m := argdownDef.FindStringSubmatch(line); m != nil {
			var id string
			if err := json.Unmarshal([]byte(m[3]), &id); err != nil {
				t.Fatalf("id %s: %v", m[3], err)
			}
			target = m[1]
			ids[m[1]] = id
			continue
		}
		if strings.HasPrefix(line, "  + ") || strings.HasPrefix(line, "  - ") {
			if target == "" {
				t.Errorf("relation before any definition: %q", line)
			}
			rels++
			continue
		}
	}
	for i, title := range titles {
		ref := "<" + title + ">"
		if i == argument.ThesisNode {
			ref = "[" + title + "]"
		}
		if seen[ref] {
			t.Errorf("title %s used twice", ref)
		}
		seen[ref] = true
		if got, want := ids[ref], g.ID(i); got != want {
			t.Errorf("%s carries id %q, want %q", ref, got, want)
		}
	}
	if rels != g.NumRelations() {
		t.Errorf("%d relations, want %d", rels, g.NumRelations())
	}
}

func TestArgdownTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Drain the Kremlin's manpower", "Drain the Kremlin's manpower"},
		{"<!-- x -->", "x"},
		{"-- a --", "a"},
		{"[a]: <b>", "a b"},
		{"!!!", "Thesis"},
		{"Ünïcode – ok?", "Ünïcode ok?"},
	}
	for _, tt := range tests {
		if got := argdownTitle(tt.in, "Thesis"); got != tt.want {
			t.Errorf("argdownTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestArgdownTitlesUnique checks that repeated titles are numbered apart, and stay apart from
// a title that already ends in a number.
func TestArgdownTitlesUnique(t *testing.T) {
	d := &argument.Debate{Thesis: argument.Thesis{ID: "t"}}
	for i, title := range []string{"A", "A", "A 2", "A", "A 3", "B", "A"} {
		d.Arguments = append(d.Arguments, &argument.Argument{ID: fmt.Sprintf("a%d", i), Title: title})
	}
	got := ArgdownTitles(argument.NewGraph(d))[1:]
	want := []string{"A", "A 2", "A 2 2", "A 3", "A 3 2", "B", "A 4"}
	if !slices.Equal(got, want) {
		t.Errorf("ArgdownTitles = %q, want %q", got, want)
	}
}

func TestAIF(t *testing.T) {
	for _, name := range append([]string{"built-in"}, fixtures...) {
		t.Run(name, func(t *testing.T) {
			g := loadBuiltinOr(t, name)
			checkAIF(t, g, encode(t, AIF, g))
		})
	}
}

func checkAIF(t testing.TB, g *argument.Graph, out []byte) {
	t.Helper()
	var doc struct {
		Nodes []struct{ NodeID, Text, Type, Timestamp string }
		Edges []struct{ EdgeID, FromID, ToID string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("AIF is not JSON: %v", err)
	}
	types := map[string]string{}
	count := map[string]int{}
	for _, n := range doc.Nodes {
		if _, dup := types[n.NodeID]; dup {
			t.Errorf("node id %s twice", n.NodeID)
		}
		types[n.NodeID] = n.Type
		count[n.Type]++
		if n.Timestamp != AIFTimestamp(g.Debate) {
			t.Errorf("node %s stamped %q", n.NodeID, n.Timestamp)
		}
	}
	supports, attacks := 0, 0
	for _, r := range g.Relations() {
		if r.Type == argument.Attack {
			attacks++
		} else {
			supports++
		}
	}
	if count["I"] != g.Len() || count["RA"] != supports || count["CA"] != attacks {
		t.Errorf("node counts %v, want I %d, RA %d, CA %d", count, g.Len(), supports, attacks)
	}
	if len(doc.Edges) != 2*g.NumRelations() {
		t.Errorf("%d edges, want %d", len(doc.Edges), 2*g.NumRelations())
	}
	for _, e := range doc.Edges {
		from, to := types[e.FromID], types[e.ToID]
		if !(from == "I" && (to == "RA" || to == "CA") || (from == "RA" || from == "CA") && to == "I") {
			t.Errorf("edge %s joins %s (%s) to %s (%s)", e.EdgeID, e.FromID, from, e.ToID, to)
		}
	}
	if doc.Nodes[0].Text != g.Debate.Thesis.Claim {
		t.Errorf("first node is %q, want the thesis", doc.Nodes[0].Text)
	}
}

func TestAIFTimestamp(t *testing.T) {
	d := &argument.Debate{Sources: []argument.Source{{Date: "2022-09-27"}, {Date: "2021-01-02"}, {Date: "someday"}}}
	if got := AIFTimestamp(d); got != "2021-01-02 00:00:00" {
		t.Errorf("AIFTimestamp = %q", got)
	}
	if got := AIFTimestamp(&argument.Debate{}); got != "1970-01-01 00:00:00" {
		t.Errorf("AIFTimestamp without dates = %q", got)
	}
}
