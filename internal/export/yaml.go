package export

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/yamlfast"
)

// YAMLEncoder writes the graph as one canonical corpus file: the keys in the format's order,
// empty optional keys left out, lists of names in flow style, multi-line text as literal
// blocks, and every string that could read as something else (a number, a bool, a date, null)
// quoted, so that the file loads back into the same debate. Relations are written from the
// graph, so a filtered export never names an argument it left out.
type YAMLEncoder struct {
	w io.Writer
}

// NewYAMLEncoder returns an encoder that writes to w.
func NewYAMLEncoder(w io.Writer) *YAMLEncoder { return &YAMLEncoder{w: w} }

// Encode writes the graph. The top of the file (the debate, its sources and profiles) goes
// through the YAML library; the arguments, which are nearly all of a large file, are written
// straight to the output as they are read, each scalar in the style and spelling the library
// would give it (see yamlscalar.go). An argument holding text outside what that writer knows
// for certain goes through the library instead, as a one-item sequence moved under the key. The
// library turns every string, number, list and mapping into YAML (a string that is not UTF-8
// into !!binary), so once the top is dumped only the writer can fail.
func (e *YAMLEncoder) Encode(g *argument.Graph) error {
	file := yamlFile(g)
	if g.Len() == 1 {
		file.Content = append(file.Content, key("arguments"), seq())
	}
	var head bytes.Buffer
	if err := dumpYAML(&head, file); err != nil {
		return err
	}
	w := newWriter(e.w)
	w.Write(safetext.EscapeInvisible(head.Bytes()))
	if g.Len() > 1 {
		w.WriteString("arguments:\n")
	}
	var styles []yamlfast.Style
	var chunk, moved bytes.Buffer
	for i := 1; i < g.Len(); i++ {
		// The argument's text is read twice, to choose each scalar's style and to write it,
		// one argument at a time, so that the second reading finds it in the cache.
		var ok bool
		if styles, ok = appendYAMLStyles(styles[:0], g, i); ok {
			writeYAMLArgument(w, g, i, styles)
			continue
		}
		chunk.Reset()
		if err := dumpYAML(&chunk, &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{yamlArgument(g, i)}}); err != nil {
			return err
		}
		moved.Reset()
		indentLines(&moved, chunk.Bytes(), "  ")
		w.Write(safetext.EscapeInvisible(moved.Bytes()))
	}
	return w.Flush()
}

// yamlFile is the file's top mapping, all but the arguments.
func yamlFile(g *argument.Graph) *yaml.Node {
	d := g.Debate

	thesis := mapping("id", str(d.Thesis.ID), "claim", str(d.Thesis.Claim), "base", num(d.Thesis.Base))
	debate := mapping("id", str(d.ID), "title", str(d.Title), "question", str(d.Question), "thesis", thesis)
	debate.Content = append(debate.Content, key("categories"), flowList(d.Categories))
	if len(d.Sources) > 0 {
		sources := seq()
		for _, s := range d.Sources {
			m := mapping("id", str(s.ID), "title", str(s.Title))
			optional(m, "subtitle", s.Subtitle)
			optional(m, "author", s.Author)
			optional(m, "publication", s.Publication)
			optional(m, "date", s.Date)
			optional(m, "url", s.URL)
			sources.Content = append(sources.Content, m)
		}
		debate.Content = append(debate.Content, key("sources"), sources)
	}
	if v := d.Verdict; v.Text != "" {
		debate.Content = append(debate.Content, key("verdict"), mapping("source", str(v.Source), "text", str(v.Text)))
	}

	file := mapping("argmap", num(float64(Version)), "debate", debate)
	if len(d.Profiles) > 0 {
		profiles := mapping()
		for _, p := range d.Profiles {
			m := mapping()
			optional(m, "description", p.Description)
			weights := mapping()
			weights.Style = yaml.FlowStyle
			for _, w := range orderedWeights(d, p) {
				weights.Content = append(weights.Content, key(w.Category), num(w.Weight))
			}
			m.Content = append(m.Content, key("weights"), weights)
			profiles.Content = append(profiles.Content, key(p.Name), m)
		}
		file.Content = append(file.Content, key("profiles"), profiles)
	}

	return file
}

// dumpYAML writes one node as a YAML document in the corpus format's style.
func dumpYAML(w io.Writer, n *yaml.Node) error {
	// No line width: a folded plain scalar would read back the same, but a corpus file is for
	// people to edit, and a sentence cut at column 80 is harder to find.
	dump, err := yaml.NewDumper(w, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false), yaml.WithLineWidth(-1), yaml.WithQuotePreference(yaml.QuoteDouble))
	if err != nil {
		return err
	}
	if err := dump.Dump(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}}); err != nil {
		return err
	}
	return dump.Close()
}

// indentLines appends text to buf with every line but the empty ones indented: a block
// sequence dumped on its own, moved under a key. Moving a whole block right keeps its meaning,
// literal blocks included (their indentation is relative, and their empty lines stay empty).
func indentLines(buf *bytes.Buffer, text []byte, indent string) {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line = text[:i+1]
		}
		if line[0] != '\n' {
			buf.WriteString(indent)
		}
		buf.Write(line)
		text = text[len(line):]
	}
}

func yamlArgument(g *argument.Graph, i int) *yaml.Node {
	a := g.Argument(i)
	m := mapping("id", str(a.ID), "side", str(string(a.Side)), "category", str(a.Category),
		"title", str(a.Title), "claim", str(a.Claim))
	optional(m, "reasoning", a.Reasoning)
	m.Content = append(m.Content, key("strength"), num(a.Strength))
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		rels := yamlRelations(g, i, t)
		if len(rels) == 0 {
			continue
		}
		name := "supports"
		if t == argument.Attack {
			name = "attacks"
		}
		if rels.bare() {
			ids := make([]string, len(rels))
			for j, r := range rels {
				ids[j] = r.To
			}
			m.Content = append(m.Content, key(name), flowList(ids))
			continue
		}
		s := seq()
		for _, r := range rels {
			rm := mapping("to", str(r.To))
			optional(rm, "basis", string(r.Basis))
			optional(rm, "quote", r.Quote)
			optional(rm, "source", r.Source)
			optional(rm, "note", r.Note)
			s.Content = append(s.Content, rm)
		}
		m.Content = append(m.Content, key(name), s)
	}
	passages := func(name string, ps []argument.Passage) {
		if len(ps) == 0 {
			return
		}
		s := seq()
		for _, p := range ps {
			s.Content = append(s.Content, mapping("source", str(p.Source), "text", str(p.Text)))
		}
		m.Content = append(m.Content, key(name), s)
	}
	passages("quotes", a.Quotes)
	passages("evidence", a.Evidence)
	if len(a.Tags) > 0 {
		m.Content = append(m.Content, key("tags"), flowList(a.Tags))
	}
	optional(m, "note", a.Note)
	return m
}

// str is a string scalar. Tagged !!str, it is quoted whenever it would otherwise read as
// another type; text with line breaks asks for a literal block, which the emitter replaces
// by a quoted string when the text cannot be one (trailing spaces, control characters).
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case hasInvisible(s), strings.HasSuffix(s, "\n"):
		// Only a double-quoted scalar can spell every character as an escape; and the loader
		// drops a block's final line breaks, which a double-quoted string keeps.
		n.Style = yaml.DoubleQuotedStyle
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case yamlfast.YAML11Word(s):
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// num is a number scalar, in the shortest form that reads back to the same float64.
func num(f float64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: yamlNumber(f)}
}

// yamlNumber is num's text.
func yamlNumber(f float64) string { return string(appendYAMLNumber(nil, f)) }

// appendYAMLNumber appends num's text.
func appendYAMLNumber(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, ".nan"...)
	case math.IsInf(f, 1):
		return append(b, ".inf"...)
	case math.IsInf(f, -1):
		return append(b, "-.inf"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

func key(k string) *yaml.Node { return str(k) }

func mapping(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < len(kv); i += 2 {
		m.Content = append(m.Content, key(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return m
}

func seq() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

func flowList(items []string) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, it := range items {
		s.Content = append(s.Content, str(it))
	}
	return s
}

// optional adds key: value to m unless value is empty.
func optional(m *yaml.Node, k, v string) {
	if v != "" {
		m.Content = append(m.Content, key(k), str(v))
	}
}

// hasInvisible reports whether s holds a character other than a newline that a terminal would
// act on or hide.
func hasInvisible(s string) bool {
	for _, r := range s {
		if r != '\n' && (r == utf8.RuneError || safetext.Invisible(r)) {
			return true
		}
	}
	return false
}
