// Package argdown reads the JSON the Argdown CLI writes (argdown json map.argdown OUTDIR) into a
// debate: statements and arguments become claims, one statement the thesis, and the relations
// supports and attacks, as Argdown's own map draws them (an argument stands for its premises
// and its conclusion).
package argdown

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

type document struct {
	Arguments  map[string]element `json:"arguments"`
	Statements map[string]element `json:"statements"`
	Relations  []relation         `json:"relations"`
}

type element struct {
	Title   string         `json:"title"`
	Members []member       `json:"members"`
	PCS     []member       `json:"pcs"`
	Tags    []string       `json:"tags"`
	Data    map[string]any `json:"data"`
}

type member struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	Role      string `json:"role"`
	StartLine int    `json:"startLine"`
}

type relation struct {
	Type     string `json:"relationType"`
	From     string `json:"from"`
	FromType string `json:"fromType"`
	To       string `json:"to"`
	ToType   string `json:"toType"`
}

// key names an element: arguments and statements may share a title.
type key struct {
	argument bool
	title    string
}

func (k key) String() string {
	if k.argument {
		return "<" + k.title + ">"
	}
	return "[" + k.title + "]"
}

// Read reads an Argdown JSON document into a debate. The thesis is the statement opts.Thesis
// names, else the one tagged #thesis, else the one central statement: the end of some
// relation that is the start of none.
func Read(data []byte, opts importer.Options) (*argument.Debate, importer.Summary, error) {
	sum := importer.Summary{Format: "argdown"}
	fail := func(ptr, format string, args ...any) (*argument.Debate, importer.Summary, error) {
		return nil, sum, &importer.InputError{File: opts.File, Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > importer.MaxInputSize {
		return fail("", "the file is %d MiB, more than the %d MiB argmap imports: split the map", len(data)>>20, importer.MaxInputSize>>20)
	}
	var doc document
	if err := importer.DecodeJSON(opts.File, data, &doc, "Argdown JSON (argdown json FILE.argdown OUTDIR)"); err != nil {
		return nil, sum, err
	}
	if doc.Statements == nil && doc.Arguments == nil {
		return fail("", "no \"statements\" or \"arguments\": this is not the JSON the Argdown CLI writes; make it with argdown json FILE.argdown OUTDIR, and check --from")
	}
	if len(doc.Statements)+len(doc.Arguments) > importer.MaxArguments {
		return fail("", "more than %d statements and arguments, the most a corpus may hold: split the map", importer.MaxArguments)
	}

	// Elements in the order of the document (the line each first appears on), so that the
	// corpus reads like the source.
	var nodes []node
	for _, set := range []struct {
		arg bool
		m   map[string]element
	}{{false, doc.Statements}, {true, doc.Arguments}} {
		for title, el := range set.m {
			line := 0
			for _, m := range el.Members {
				if m.StartLine > 0 && (line == 0 || m.StartLine < line) {
					line = m.StartLine
				}
			}
			nodes = append(nodes, node{key{set.arg, title}, el, line})
		}
	}
	slices.SortFunc(nodes, func(a, b node) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.key.title, b.key.title), boolCmp(a.key.argument, b.key.argument))
	})
	index := make(map[key]int, len(nodes))
	for i, n := range nodes {
		index[n.key] = i
	}

	// An argument with a premise-conclusion structure stands, in Argdown's map, for its
	// conclusion's relations and for those that aim at its premises.
	conclusionOf := map[string][]int{}
	premiseOf := map[string][]int{}
	for i, n := range nodes {
		if !n.key.argument {
			continue
		}
		for _, m := range n.el.PCS {
			switch m.Role {
			case "main-conclusion":
				conclusionOf[m.Title] = append(conclusionOf[m.Title], i)
			case "premise":
				premiseOf[m.Title] = append(premiseOf[m.Title], i)
			}
		}
	}

	var raw []rel
	undercuts, symmetric, unknown := 0, 0, 0
	for k, r := range doc.Relations {
		from, ok1 := index[key{r.FromType == "argument", r.From}]
		to, ok2 := index[key{r.ToType == "argument", r.To}]
		if !ok1 || !ok2 {
			missing := r.From
			if ok1 {
				missing = r.To
			}
			return fail(fmt.Sprintf("/relations/%d", k), "the relation names %s, which is neither a statement nor an argument of the document: make the JSON again with argdown json", strconv.Quote(missing))
		}
		switch r.Type {
		case "support", "entails":
			raw = append(raw, rel{from, to, argument.Support, false})
		case "attack":
			raw = append(raw, rel{from, to, argument.Attack, false})
		case "undercut":
			undercuts++
			raw = append(raw, rel{from, to, argument.Attack, false})
		case "contrary", "contradictory":
			symmetric++
			raw = append(raw, rel{from, to, argument.Attack, true}, rel{to, from, argument.Attack, true})
		default:
			unknown++
		}
	}

	// The thesis.
	thesis := -1
	var candidates []int
	switch {
	case opts.Thesis != "":
		for _, k := range []key{{false, opts.Thesis}, {true, opts.Thesis}} {
			if i, ok := index[k]; ok {
				thesis = i
				break
			}
		}
		if thesis < 0 {
			return fail("", "--thesis %s is the title of no statement or argument: give one such as %s", strconv.Quote(opts.Thesis), strconv.Quote(firstTitle(nodes)))
		}
		sum.Thesis = nodes[thesis].key.String() + " (--thesis)"
	default:
		for i, n := range nodes {
			if !n.key.argument && slices.Contains(n.el.Tags, "thesis") {
				candidates = append(candidates, i)
			}
		}
		why := "the statement tagged #thesis"
		if len(candidates) == 0 {
			why = "the one central statement"
			starts, ends := map[int]bool{}, map[int]bool{}
			for _, r := range raw {
				// A statement at odds with another is no reason for or against it: only
				// one-way relations say where the map leads.
				if !r.mutual {
					starts[r.from] = true
					ends[r.to] = true
				}
			}
			for i, n := range nodes {
				if n.key.argument || starts[i] || len(premiseOf[n.key.title]) > 0 {
					continue
				}
				if ends[i] || len(conclusionOf[n.key.title]) > 0 {
					candidates = append(candidates, i)
				}
			}
		}
		switch len(candidates) {
		case 0:
			return fail("", "no statement is where the map's relations end without going on, so none stands out as the thesis: pick it with --thesis TITLE, such as %s", mostReached(nodes, raw))
		case 1:
			thesis = candidates[0]
			sum.Thesis = nodes[thesis].key.String() + ", " + why
		default:
			var names []string
			for i, c := range candidates {
				if i == 10 {
					names = append(names, fmt.Sprintf("and %d more", len(candidates)-i))
					break
				}
				names = append(names, strconv.Quote(importer.Title(nodes[c].key.title)))
			}
			return fail("", "%d statements could be the thesis: pick one with --thesis TITLE, one of %s", len(candidates), strings.Join(names, ", "))
		}
	}

	// Fold each relation onto the arguments that stand for its ends.
	var rels []rel
	for _, r := range raw {
		froms, tos := []int{r.from}, []int{r.to}
		if n := nodes[r.from]; !n.key.argument && r.from != thesis && len(conclusionOf[n.key.title]) > 0 {
			froms = conclusionOf[n.key.title]
		}
		if n := nodes[r.to]; !n.key.argument && r.to != thesis && len(premiseOf[n.key.title]) > 0 && len(conclusionOf[n.key.title]) == 0 {
			tos = premiseOf[n.key.title]
		}
		if len(rels)+len(froms)*len(tos) > importer.MaxRelations {
			return fail("/relations", "the relations, each carried over to the arguments that stand for its statements, come to more than %d, the most argmap imports: split the map", importer.MaxRelations)
		}
		for _, f := range froms {
			for _, t := range tos {
				rels = append(rels, rel{f, t, r.t, r.mutual})
			}
		}
	}
	// The conclusion of an argument that is the thesis, or is kept for its own relations, is
	// supported by the argument.
	used := map[int]bool{thesis: true}
	for _, r := range rels {
		used[r.from], used[r.to] = true, true
	}
	for title, args := range conclusionOf {
		if c, ok := index[key{false, title}]; ok && used[c] {
			for _, a := range args {
				rels = append(rels, rel{a, c, argument.Support, false})
			}
		}
	}
	slices.SortStableFunc(rels, func(a, b rel) int { return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) })

	thesisEl := nodes[thesis].el
	b := importer.NewBuilder(opts, "argdown", nodes[thesis].key.title)
	// The ids argmap's own export writes in data blocks are taken first, so that an id made
	// from a title never takes one of them.
	given := make([]string, len(nodes))
	for i, n := range nodes {
		if s, ok := n.el.Data["id"].(string); ok && importer.Kebab(s) == s && len(s) <= 64 && b.Take(s) {
			given[i] = s
		}
	}
	b.Debate.Thesis.Claim = importer.ClaimText(text(thesisEl, nodes[thesis].key.title))
	b.Debate.Thesis.ID = given[thesis]
	if b.Debate.Thesis.ID == "" {
		b.Debate.Thesis.ID = b.ID(nodes[thesis].key.title, "thesis")
	}
	if base, ok := unit(thesisEl.Data["base"]); ok {
		b.Debate.Thesis.Base = base
	}
	ids := map[int]string{thesis: b.Debate.Thesis.ID}
	args := map[int]*argument.Argument{}
	dropped := 0
	for i, n := range nodes {
		if i == thesis {
			continue
		}
		inPCS := !n.key.argument && (len(premiseOf[n.key.title]) > 0 || len(conclusionOf[n.key.title]) > 0)
		if inPCS && !used[i] {
			dropped++
			continue
		}
		side := argument.Pro
		if s, _ := n.el.Data["side"].(string); s == "con" || slices.Contains(n.el.Tags, "con") && !slices.Contains(n.el.Tags, "pro") {
			side = argument.Con
		}
		what := "statement"
		if n.key.argument {
			what = "argument"
		}
		note := fmt.Sprintf("imported from Argdown %s %s", what, n.key.String())
		if n.line > 0 {
			note += fmt.Sprintf(" (line %d of the .argdown file)", n.line)
		}
		body := text(n.el, "")
		title := n.key.title
		if strings.HasPrefix(title, "Untitled ") {
			title = "" // Argdown's name for a statement its author left untitled: the text says more
		}
		a := b.Add(title, body, side, n.key.title, note)
		if given[i] != "" {
			a.ID = given[i]
		}
		if s, ok := unit(n.el.Data["strength"]); ok {
			a.Strength = s
		}
		a.Tags = tags(n.el.Tags)
		ids[i] = a.ID
		args[i] = a
	}
	fromThesis, repeats := 0, 0
	for _, r := range rels {
		a := args[r.from]
		if a == nil {
			fromThesis++
			continue
		}
		if _, ok := ids[r.to]; !ok {
			continue
		}
		if !b.Relate(a, ids[r.to], r.t) {
			repeats++
		}
	}
	if nodes[thesis].key.argument {
		sum.Drop(1, "argument made the thesis (its own relations go)", "argument made the thesis (its own relations go)")
	}
	importer.Sides(b.Debate)
	d := b.Debate
	sum.Arguments = len(d.Arguments)
	sum.Relations = importer.CountRelations(d)
	sum.Drop(dropped, "premise or conclusion folded into its argument", "premises and conclusions folded into their arguments")
	sum.Drop(undercuts, "undercut as such (made an attack on the argument)", "undercuts as such (each made an attack on the argument)")
	sum.Drop(symmetric, "contrary or contradictory relation as such (made two attacks)", "contrary and contradictory relations as such (each made two attacks)")
	sum.Drop(unknown, "relation of a kind argmap does not know", "relations of a kind argmap does not know")
	sum.Drop(fromThesis, "relation from the thesis (the thesis supports and attacks nothing)", "relations from the thesis (the thesis supports and attacks nothing)")
	sum.Drop(repeats, "repeated relation", "repeated relations")
	return d, sum, nil
}

// rel is a relation between two nodes, by index.
type rel struct {
	from, to int
	t        argument.RelationType
	mutual   bool // one of a contrary or contradictory pair
}

// mostReached names the statements the most relations end at, for a thesis to pick from.
func mostReached(nodes []node, raw []rel) string {
	count := map[int]int{}
	for _, r := range raw {
		if !nodes[r.to].key.argument {
			count[r.to]++
		}
	}
	var top []int
	for i := range count {
		top = append(top, i)
	}
	slices.SortFunc(top, func(a, b int) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	var names []string
	for _, i := range top[:min(len(top), 5)] {
		names = append(names, strconv.Quote(importer.Title(nodes[i].key.title)))
	}
	if len(names) == 0 {
		return strconv.Quote(firstTitle(nodes))
	}
	return strings.Join(names, ", ")
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// text is an element's text: its first non-empty member text (the statement, or the
// argument's description), without the tags written in it.
func text(el element, fallback string) string {
	for _, m := range el.Members {
		if t := stripTags(m.Text, el.Tags); t != "" {
			return t
		}
	}
	for _, m := range el.PCS {
		if m.Role == "main-conclusion" {
			if t := strings.TrimSpace(m.Text); t != "" {
				return t
			}
		}
	}
	return fallback
}

func stripTags(s string, tags []string) string {
	for _, t := range tags {
		s = strings.ReplaceAll(s, "#("+t+")", "")
		s = strings.ReplaceAll(s, "#"+t+" ", " ")
		s = strings.TrimSuffix(s, "#"+t)
	}
	return strings.TrimSpace(s)
}

func tags(in []string) []string {
	var out []string
	for _, t := range in {
		k := importer.Kebab(t)
		if k != "" && len(k) <= 64 && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func unit(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok && f >= 0 && f <= 1
}

type node struct {
	key  key
	el   element
	line int
}

func firstTitle(nodes []node) string {
	if len(nodes) == 0 {
		return "Thesis"
	}
	return nodes[0].key.title
}
