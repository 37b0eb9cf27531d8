package yamlfast

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// emitCases are strings at the edges of the emitter's rules: words each resolver reads as
// something else, indicators, spaces and line breaks where they change the style.
var emitCases = []string{
	"", "a", "plain text", "yes", "No", "ON", "~", "null", "true", "<<", "0", "1_0", "0x1p3", "0o17",
	"1e3", ".5", "-.inf", ".NaN", "2022-09-27", "2022-9-27 1:2:3", "- a", "-a", "? a", ":a", "a: b",
	"a:b", "a #b", "a#b", "#a", "[a]", "a, b", "{a}", "'a'", `"a"`, "a\\b", " a", "a ", "a\nb", "a\n",
	"\na", " a\nb", "a \nb", "a\n b", "a\n\nb", "---", "...", "--- a", "café", "“quoted”", "a\tb",
	"\x1b[31m", "\u202e", "\ufffd",
}

// library writes s as a value of a block mapping and as an item of a flow list, as yaml/v4
// writes a string tagged !!str with the styles and options of the YAML export: double-quoted
// when it is a YAML11Word or ends in a line break, a literal block when it has one.
func library(t testing.TB, s string) string {
	t.Helper()
	str := func() *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		switch {
		case strings.HasSuffix(s, "\n"), YAML11Word(s):
			n.Style = yaml.DoubleQuotedStyle
		case strings.Contains(s, "\n"):
			n.Style = yaml.LiteralStyle
		}
		return n
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: "k"}
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{str()}}
	lkey := &yaml.Node{Kind: yaml.ScalarNode, Value: "l"}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, str(), lkey, list}}
	var b bytes.Buffer
	d, err := yaml.NewDumper(&b, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false), yaml.WithLineWidth(-1), yaml.WithQuotePreference(yaml.QuoteDouble))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Dump(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// emit writes what library does, through StringStyle, WriteDouble and WriteLiteral; ok is
// false when StringStyle does not know s.
func emit(s string) (string, bool) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	block, ok1 := StringStyle(s, false)
	flow, ok2 := StringStyle(s, true)
	if !ok1 || !ok2 {
		return "", false
	}
	w.WriteString("k: ")
	switch block {
	case Plain:
		w.WriteString(s)
	case DoubleQuoted:
		WriteDouble(w, s)
	case Literal:
		WriteLiteral(w, s, 2)
	}
	w.WriteString("\nl: [")
	if flow == Plain {
		w.WriteString(s)
	} else {
		WriteDouble(w, s)
	}
	w.WriteString("]\n")
	w.Flush()
	return b.String(), true
}

func checkEmit(t *testing.T, s string) {
	got, ok := emit(s)
	if !ok {
		return // left to the library
	}
	if want := library(t, s); got != want {
		t.Errorf("%q: the emitter writes\n%s\nthe library\n%s", s, got, want)
	}
}

func TestStringStyleMatchesLibrary(t *testing.T) {
	for _, s := range emitCases {
		checkEmit(t, s)
	}
	for _, s := range []string{"\x1b[31m", "\u202e", "\ufffd", "a\tb", "\U0001F600"} {
		if _, ok := StringStyle(s, false); ok {
			t.Errorf("StringStyle(%q) claims to know text the library escapes in its own ways", s)
		}
	}
}

func FuzzStringStyle(f *testing.F) {
	for _, s := range emitCases {
		f.Add(s)
	}
	f.Fuzz(checkEmit)
}

// TestResolveMatchesLibrary holds Resolve to the tags yaml/v4 gives the plain scalars.
func TestResolveMatchesLibrary(t *testing.T) {
	for _, s := range emitCases {
		if s == "" || strings.ContainsAny(s, "\n#:[]{},'\"\t") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") ||
			strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "-.") || strings.HasPrefix(s, "?") || strings.HasPrefix(s, "---") {
			continue // not a plain scalar on its own
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err != nil {
			continue
		}
		want := n.Content[0].Content[1].Tag
		if s == "<<" {
			want = MergeTag
		}
		if got := Resolve(s); got != want {
			t.Errorf("Resolve(%q) = %s, want %s", s, got, want)
		}
	}
}
