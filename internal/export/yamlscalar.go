package export

import (
	"bufio"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/yamlfast"
)

// The YAML library spends most of a large export building nodes and events and deciding, byte
// by byte, how each scalar may be written. This file writes an argument directly, as the
// library writes the nodes yamlArgument builds with the options of dumpYAML: the same keys in
// the same order, the same indentation, and each scalar in the style the library would choose
// (plain, double-quoted or a literal block) spelled the same way, by internal/yamlfast's
// emitter. An argument holding text the emitter does not know goes to the library.
// TestYAMLScalarsMatchLibrary, TestYAMLMatchesLibrary and FuzzYAMLMatchesLibrary compare the
// two.

// yamlArgumentScalars calls scalar with every string of argument node i in the order
// writeYAMLArgument writes them, saying whether each is an item of a flow list, until scalar
// returns false; it reports whether every call returned true.
func yamlArgumentScalars(g *argument.Graph, i int, scalar func(s string, flow bool) bool) bool {
	a := g.Argument(i)
	for _, s := range [...]string{a.ID, string(a.Side), a.Category, a.Title, a.Claim} {
		if !scalar(s, false) {
			return false
		}
	}
	if a.Reasoning != "" && !scalar(a.Reasoning, false) {
		return false
	}
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		rels := yamlRelations(g, i, t)
		flow := rels.bare()
		for _, r := range rels {
			if !scalar(r.To, flow) {
				return false
			}
			if flow {
				continue
			}
			for _, v := range [...]string{string(r.Basis), r.Quote, r.Source, r.Note} {
				if v != "" && !scalar(v, false) {
					return false
				}
			}
		}
	}
	for _, ps := range [...][]argument.Passage{a.Quotes, a.Evidence} {
		for _, p := range ps {
			if !scalar(p.Source, false) || !scalar(p.Text, false) {
				return false
			}
		}
	}
	for _, t := range a.Tags {
		if !scalar(t, true) {
			return false
		}
	}
	return a.Note == "" || scalar(a.Note, false)
}

// appendYAMLStyles appends the style of each string of argument node i, in the order
// writeYAMLArgument writes them, and reports whether writeYAMLArgument writes the argument as the
// library would; when it does not, styles comes back as it was.
func appendYAMLStyles(styles []yamlfast.Style, g *argument.Graph, i int) ([]yamlfast.Style, bool) {
	// The strength is a number, always plain: digits, a sign, a point, an exponent, or .nan,
	// .inf, -.inf (TestYAMLNumbersArePlain).
	n := len(styles)

	ok := yamlArgumentScalars(g, i, func(s string, flow bool) bool {
		st, known := yamlfast.StringStyle(s, flow)
		styles = append(styles, st)
		return known
	})
	if !ok {
		return styles[:n], false
	}
	return styles, true
}

// writeYAMLArgument writes argument node i as an item of the arguments sequence, as the library
// writes yamlArgument(g, i) there, its scalars in the styles given (appendYAMLStyles); it
// returns the styles it did not use.
func writeYAMLArgument(w *bufio.Writer, g *argument.Graph, i int, styles []yamlfast.Style) []yamlfast.Style {
	a := g.Argument(i)
	// The item's keys are at column 4, the keys of its quotes and evidence at column 8; a
	// literal block is indented two columns past its key.
	const item, passage = "    ", "        "
	value := func(s string, indent int) {
		w.WriteByte(' ')
		switch styles[0] {
		case yamlfast.Plain:
			w.WriteString(s)
		case yamlfast.DoubleQuoted:
			yamlfast.WriteDouble(w, s)
		case yamlfast.Literal:
			yamlfast.WriteLiteral(w, s, indent)
		}
		w.WriteByte('\n')
		styles = styles[1:]
	}
	field := func(indent, k, v string) {
		w.WriteString(indent)
		w.WriteString(k)
		w.WriteByte(':')
		value(v, len(indent)+2)
	}
	flowItem := func(s string) {
		if styles[0] == yamlfast.Plain {
			w.WriteString(s)
		} else {
			yamlfast.WriteDouble(w, s)
		}
		styles = styles[1:]
	}

	w.WriteString("  - id:")
	value(a.ID, len(item)+2)
	field(item, "side", string(a.Side))
	field(item, "category", a.Category)
	field(item, "title", a.Title)
	field(item, "claim", a.Claim)
	if a.Reasoning != "" {
		field(item, "reasoning", a.Reasoning)
	}
	w.WriteString(item + "strength: ")
	w.Write(appendYAMLNumber(w.AvailableBuffer(), a.Strength))
	w.WriteByte('\n')
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		rels := yamlRelations(g, i, t)
		if len(rels) == 0 {
			continue
		}
		w.WriteString(item)
		if t == argument.Attack {
			w.WriteString("attacks:")
		} else {
			w.WriteString("supports:")
		}
		if rels.bare() {
			w.WriteString(" [")
			for j, r := range rels {
				if j > 0 {
					w.WriteString(", ")
				}
				flowItem(r.To)
			}
			w.WriteString("]\n")
			continue
		}
		w.WriteString("\n")
		for _, r := range rels {
			w.WriteString("      - to:")
			value(r.To, len(passage)+2)
			for _, f := range [...]struct{ k, v string }{{"basis", string(r.Basis)}, {"quote", r.Quote}, {"source", r.Source}, {"note", r.Note}} {
				if f.v != "" {
					field(passage, f.k, f.v)
				}
			}
		}
	}
	for _, ps := range [...]struct {
		name string
		list []argument.Passage
	}{{"quotes", a.Quotes}, {"evidence", a.Evidence}} {
		if len(ps.list) == 0 {
			continue
		}
		w.WriteString(item)
		w.WriteString(ps.name)
		w.WriteString(":\n")
		for _, p := range ps.list {
			w.WriteString("      - source:")
			value(p.Source, len(passage)+2)
			field(passage, "text", p.Text)
		}
	}
	if len(a.Tags) > 0 {
		w.WriteString(item + "tags: [")
		for j, t := range a.Tags {
			if j > 0 {
				w.WriteString(", ")
			}
			flowItem(t)
		}
		w.WriteString("]\n")
	}
	if a.Note != "" {
		field(item, "note", a.Note)
	}
	return styles
}

// yamlRelationList is the relations of one type from one argument, in edge order.
type yamlRelationList []argument.Relation

// yamlRelations lists the relations of type t from argument node i, as the export writes them.
func yamlRelations(g *argument.Graph, i int, t argument.RelationType) yamlRelationList {
	var rels yamlRelationList
	for _, e := range g.Out(i) {
		if e.Type == t {
			rels = append(rels, g.Relation(i, e.Node, t))
		}
	}
	return rels
}

// bare reports whether every relation is a bare id, written as a flow list of ids; where one
// has a basis, every one is written as a mapping, since a list of both forms reads as a mistake.
func (rels yamlRelationList) bare() bool {
	for _, r := range rels {
		if !r.Bare() {
			return false
		}
	}
	return true
}
