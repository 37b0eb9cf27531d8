package yamlfast

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/arguments"
)

// reference parses src with yaml/v4 the way the corpus loader does: one document, its top
// node. err is set when yaml/v4 refuses the input or finds more than one document.
func reference(src []byte) (*yaml.Node, error) {
	l, err := yaml.NewLoader(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := l.Load(&doc); err != nil {
		if err == io.EOF {
			return nil, nil
		}
		return nil, err
	}
	var next yaml.Node
	if err := l.Load(&next); err != io.EOF {
		return nil, fmt.Errorf("a second document (%v)", err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// diff describes the first difference between two trees, on the fields the corpus decoder
// reads; "" when there is none.
func diff(path string, got, want *yaml.Node) string {
	switch {
	case got == nil && want == nil:
		return ""
	case got == nil || want == nil:
		return fmt.Sprintf("%s: got %v, want %v", path, got, want)
	}
	type fields struct {
		Kind         yaml.Kind
		Style        yaml.Style
		Tag, Value   string
		Line, Column int
		Children     int
		Anchor       string
		Alias        bool
	}
	g := fields{got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column, len(got.Content), got.Anchor, got.Alias != nil}
	w := fields{want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column, len(want.Content), want.Anchor, want.Alias != nil}
	if g != w {
		return fmt.Sprintf("%s:\n got %+v\nwant %+v", path, g, w)
	}
	for i := range got.Content {
		if d := diff(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// check compares Parse with yaml/v4 on src: whatever Parse accepts, yaml/v4 must read to the
// same tree. It returns whether Parse accepted src.
func check(t testing.TB, src []byte) bool {
	t.Helper()
	got, ok := Parse(src)
	if !ok {
		checkEachDeclined(t, src)
		return false
	}
	want, err := reference(src)
	if err != nil {
		t.Fatalf("Parse accepted what yaml/v4 refuses (%v):\n%s", err, src)
	}
	if d := diff("", got, want); d != "" {
		t.Fatalf("Parse and yaml/v4 differ at %s\ninput:\n%s", d, src)
	}
	checkEach(t, src, want, true)
	checkCRLF(t, src, got)
	return true
}

// checkEachDeclined tries ParseEach on src, which Parse declined: ParseEach reads the items of
// its list that Parse declined with yaml/v4, and may then accept the file, to yaml/v4's tree.
// When yaml/v4 refuses src, it must too; the list is then guessed to be the first key's.
func checkEachDeclined(t testing.TB, src []byte) {
	t.Helper()
	want, err := reference(src)
	if err == nil {
		checkEach(t, src, want, false)
		return
	}
	key, _, _ := bytes.Cut(src, []byte(":"))
	var p Parser
	if _, ok := p.ParseEach(src, string(key), func(*yaml.Node) {}); ok {
		t.Fatalf("ParseEach(%q) accepted what yaml/v4 refuses (%v):\n%s", key, err, src)
	}
}

// checkCRLF holds the tree Parse gave for src to yaml/v4's for src as Windows editors write
// it, with a byte-order mark and CR LF line ends, which Parse reads to the same tree.
func checkCRLF(t testing.TB, src []byte, tree *yaml.Node) {
	t.Helper()
	if bytes.HasPrefix(src, bom) || bytes.IndexByte(src, '\r') >= 0 {
		return
	}
	crlf := append(bytes.Clone(bom), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	want, err := reference(crlf)
	if err != nil {
		t.Fatalf("yaml/v4 refuses with CR LF line ends what it reads without (%v):\n%q", err, crlf)
	}
	if d := diff("", tree, want); d != "" {
		t.Fatalf("yaml/v4 reads %q with CR LF line ends otherwise than without, at %s", src, d)
	}
	got, ok := Parse(crlf)
	if !ok {
		t.Fatalf("Parse refused with CR LF line ends what it reads without:\n%q", crlf)
	}
	if d := diff("", got, want); d != "" {
		t.Fatalf("Parse and yaml/v4 differ with CR LF line ends at %s\ninput:\n%q", d, crlf)
	}
}

// checkEach compares ParseEach with yaml/v4's tree want of src, for the first key of the top
// mapping whose value is a list (and for a key the document does not have): the items handed
// over are the list's, in order, each whole when it is handed over, and the tree returned is
// want with that list empty. A second key of the same name, and every list inside or after
// the one handed over, stays in the tree. ParseEach may refuse src when must is false.
func checkEach(t testing.TB, src []byte, want *yaml.Node, must bool) {
	t.Helper()
	key := "no such key"
	var list *yaml.Node
	if want != nil && want.Kind == yaml.MappingNode {
		for i := 1; i < len(want.Content); i += 2 {
			if want.Content[i].Kind == yaml.SequenceNode {
				key = want.Content[i-1].Value
				break
			}
		}
		for i := 0; i+1 < len(want.Content); i += 2 {
			if want.Content[i].Value == key {
				list = want.Content[i+1]
				break
			}
		}
	}
	var items []*yaml.Node
	if list != nil && list.Kind == yaml.SequenceNode {
		items = list.Content
	}
	n := 0
	var p Parser
	// An item handed over may be wrong when ParseEach then refuses the file (the caller drops
	// it): what is wrong counts only once ParseEach has accepted the file. The items cannot be
	// kept to compare then; the first difference is.
	var wrong string
	got, ok := p.ParseEach(src, key, func(item *yaml.Node) {
		switch {
		case wrong != "":
		case n >= len(items):
			wrong = fmt.Sprintf("ParseEach(%q) handed over item %d of a list of %d", key, n, len(items))
		default:
			if d := diff(fmt.Sprintf("%s/%d", key, n), item, items[n]); d != "" {
				wrong = "ParseEach and yaml/v4 differ at " + d
			}
		}
		n++
	})
	if !ok {
		if must {
			t.Fatalf("ParseEach(%q) refused what Parse reads:\n%s", key, src)
		}
		return
	}
	if wrong != "" {
		t.Fatalf("%s\ninput:\n%s", wrong, src)
	}
	if n != len(items) {
		t.Fatalf("ParseEach(%q) handed over %d items of %d\ninput:\n%s", key, n, len(items), src)
	}
	if list != nil && list.Kind == yaml.SequenceNode {
		defer func(c []*yaml.Node) { list.Content = c }(list.Content)
		list.Content = nil
	}
	if d := diff("", got, want); d != "" {
		t.Fatalf("ParseEach(%q) returned a tree that differs from yaml/v4's without the list at %s\ninput:\n%s", key, d, src)
	}
}

// accepted are inputs in the subset: Parse must read each, to yaml/v4's tree.
var accepted = []string{
	"",
	"---\na: 1\n",
	"# a comment\n\n---   # and another\na: 1\n",
	"---\n- a\n- b\n",
	"--- \n  a: [1]\n",
	"# only a comment\n\n   # and another\n",
	"a: 1\n",
	"a: 1",
	"  a: indented top\n  b: x\n",
	"a: b\nc: d # comment\n# last\n",
	"key:\n",
	"key:   # nothing\nnext: 2\n",
	"- a\n- b\n-\n- c\n",
	"list:\n- a\n- b\nnext: x\n",
	"list:\n  - a\n  - b\n",
	"- id: x\n  side: pro\n- id: y\n  tags: [a, b]\n",
	"list:\n- id: x\n  quotes:\n  - {source: s, text: t}\n  - {source: s, text: \"u\"}\n  tags: []\nnext: {}\n",
	"t: a plain scalar\n  that goes on\n\n  after a blank line\nnext: 1\n",
	"t: 'single ''quoted'' text\n  over lines'\n",
	"t: \"double \\\"quoted\\\" \\u00e9\\x41\\n\\t\\\\ text\n  over \\\n  lines\"\n",
	"t: \"a\n\n  b\"\n",
	"t: |\n  literal\n    kept\n  text\n\nnext: 1\n",
	"t: |-\n  stripped\n",
	"t: >\n  folded\n  text\n\n  paragraph\n",
	"t: >-\n  folded stripped\n  # not a comment\n",
	"t: |\n  at the end",
	"n: [1, -2, 0x1F, 0o17, 1_000, 1.5, .5, 1e3, -0, .inf, -.Inf, .nan, 1e400, 99999999999999999999]\n",
	"w: [yes, no, on, off, true, False, ~, null, NULL, y, n, 2022-09-27, 2001-12-14t21:59:43.10-05:00, <x]\n",
	"k: [é, ü, \"ä\"]\n",
	"k: a#b c\n",
	"k: a:b\n",
	"k: http://example.com/x?y=1#frag\n",
	"k: [http://example.com, a:b]\n",
	"k: {a: x:y, b: why?}\n",
	"k: {source: src-100, text: Russian émigré communities shield the regime’s propaganda\n      over the long term.}\n",
	"k: [a, # comment\n  b]\n",
	"123: int key\ntrue: bool key\n",
	"a.b: x\na-b: y\na_b: z\n",
	"k: -a plain that starts with a dash\n",
	"k: \"\"\nl: ''\n",
	"just a scalar\n",
	"[a, b]\n",
	"- |\n  literal item\n- >\n  folded item\n",
	"a:\n  b:\n    c:\n      d: deep\n",
	"k: 'it''s'\n",
	"k: \"\\N\\_\\L\\P\\e\\0\\/\"\n",
	"k: trailing spaces   \n",
	"k: x\n\n\n",
	"a: 1\na: 2\n",
	"on: key\nyes: key\n",
	"a:\n    b: 1\n    c:\n      - d\n",
	"- a\n-   b\n-\n  c\n",
	"a: |\n    text\n  # a comment less indented\nb: 1\n",
	"a: >-\n  one\n\n\n  two\n",
	"a: |\n  one\n\n",
	"a: 'x'   # comment\n",
	"a: \"x\" # comment\n",
	"a: [x] # comment\n",
	"a: x # comment\n  # indented comment\nb: y\n",
	"a: b\n c\n",
	// Flow collections nested in flow collections: an argument written on one line.
	"a: [b, [c]]\n",
	"a: {b: {c: d}}\n",
	"- {id: a, side: pro, supports: [t, b], quotes: [{source: s, text: \"x, y\"}]}\n",
	"a: [[a], {b: c}, []]\n",
	"a: {b: [], c: {}}\n",
	"a: [a, [b, [c, [d]]]]\n",
	"a: {b: [c,\n    d], e: {f: g,\n      h: i}}\n",
	"a: [ [ b ] , { c: d } ]\n",
	"a: [{b: 'c'}, {d: \"e\"}]\n",
	// Lists that ParseEach hands over, item by item (see checkEach), with lists after them.
	"a: x\nb:\n- {id: 1, t: [p, q]}\n- id: 2\n  t: |\n    text\n-\n- c\n  d\nc: [after]\nb: [again]\n",
	"b: 1\nb:\n- x\n",
	"args: [{a: [b]}, 'q', \"r\n  s\", [t], u\n  v]\nrest: [w]\n",
	"l:\n  -\n    - nested\n    - x\n  -\n    k: [y]\n",
	"l: []\nm:\n- z\n",
	// What Windows editors write: a byte-order mark and CR LF line ends (checkCRLF tries
	// every input so too).
	"a: 1\r\nb: 2\r\n",
	"\ufeffa: 1\n",
	"\ufeff  a: 1\r\n  b: \"x\r\n   y\"\r\n  c: |\r\n    z\r\n\r\n    w\r\n",
	// Old Mac line ends, a CR on its own.
	"a: 1\rb: 2\n",
	"a: 1\r",
	"a: 'x\r  y'\n",
	"a: |\r  x\r\r  y\rb: \"p\r\r q\"\r",
	// Tabs inside text, as a quote pasted from a page keeps them.
	"a: x\ty\n",
	"a: one\ttwo\tthree and\tmore\n  on\tthe next line\n",
	"a: [x\ty, {b: c\td}]\n",
	"a: \"x\t\"\n",
	"a: '\tx\t'\n",
	"a: \"x\ty\n  z\tw \\n\"\n",
	"a: 'it''s\tx\n  y'\n",
	"a: |\n  kept\tas it is\n    x\ty\n",
	"a: >\n  x\ty\n  z\n",
	"# a comment\twith a tab\na: 1 # and\tanother\n",
	// Quoted keys, as JSON writes them, and JSON itself.
	"\"quoted key\": 1\n'single': 2\n\"\": empty\n\"a\\\"b\": 3\n'it''s': 4\n",
	"- \"id\": a\n  \"side\": pro\n",
	"\"arguments\":\n- id: a\n- id: b\n",
	`{"a":"b","c":1,"d":[1,-2,true,null],"e":{"f":"g"},"h":[]}`,
	`{"arguments":[{"id":"a","side":"pro","tags":["x"]},{"id":"b","quotes":[{"source":"s","text":"q \u00e9\/"}]}],"debate":{"id":"d"}}`,
	"{\n  \"arguments\": [\n    {\n      \"id\": \"a\",\n      \"strength\": 0.5\n    },\n    {\n      \"id\": \"b\"\n    }\n  ]\n}\n",
	"{'a':b, 'c': [d]}\n",
	"a: {\"b\": c, d: \"e\"}\n",
}

// refused are inputs outside the subset (or not YAML at all): Parse must leave them to yaml/v4.
var refused = []string{
	"a: {[b]: c}\n",
	"a: [b, [c]\n",
	"a: [b]]\n",
	"a: [b, {c: d]}\n",
	"a: [[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]\n",
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"? a\n: b\n",
	"%YAML 1.2\n---\na: 1\n",
	"a: 1\n---\nb: 2\n",
	"---\n---\na: 1\n",
	"---\na: 1\n---\n",
	"---\na: 1\n...\n",
	"--- a: 1\n",
	"--- [a]\n",
	"---#x\na: 1\n",
	"'''\n0",
	"...\na: 1\n",
	"---\n",
	"---\n# only a comment\n",
	" ---\na: 1\n",
	"a: 1\n...\n",
	"...\t0\n", // a tab ends a document marker as a space does
	"---\ta: 1\n",
	"a:\tb\n",
	"a: 'x\ry'\n", // not indented: yaml/v4 reads it, this package does not
	"-\tb\n",
	"- \tb\n",
	"a: \tb\n",
	"\ta: b\n",
	"a: b\t# c\n",
	"a: b\t\n",
	"a: b\t c\n",
	"a: [\tb]\n",
	"a: [b\t]\n",
	"a: \"x\t\n  y\"\n",
	"a: \"x\n \ty\"\n",
	"a: \"x\" \t# c\n",
	"a: >\n  \tx\n",
	"a: |\n  \tx\n",
	"a: |\n  x\t\n",
	"|\n \t",
	"a: |\n\tx\n",
	"a:\n\t- b\n",
	"\"a\":b\n",
	"\"a\" : b\n",
	"{\"a\" : b}\n",
	"{\"a\":}\n",
	"\"multi\n  line\": key\n",
	"{\"a\":\n  b}\n",
	"\ufeff\ufeffa: 1\n",
	"a: b\ufeff\n",
	"a: [b, ]\n",
	"a: [b,, c]\n",
	"a: {b}\n",
	"a: |+\n  kept\n\n",
	"a: |2\n   text\n",
	"a: >\n  folded\n    more indented\n",
	"a: b: c\n",
	"- a\nb: 1\n",
	"a: 1\n- b\n",
	"a: 'unclosed\n",
	"a: \"unclosed\n",
	"a: [unclosed\n",
	"a: \"\\q\"\n",
	"a: \"\\ud800\"\n",
	"a: \xff\n",
	"a: \x01\n",
	"a: b\u2028c\n",
	"a:\n  - b\n c: 1\n",
	"a: 1\n  b: 2\n",
	"a: <<\n",
	"a: *b\n",
	"a: [*b]\n",
	"a: {b: &c d}\n",
	"a: @b\n",
	"a: `b\n",
	"a:\n    b: 1\n  c: 2\n",
	"a: 'x' b\n",
	"a: [x] y\n",
	"a: \"x\"y\n",
	"a: |\n  text\n more\n",
	"- - not read\n",
	"k: [\n  a,\n  b\n]\n",
	"k: éé: no\n",
	"é: 1\n",
	"- - - x\n",
	strings.Repeat("- ", MaxDepth+1) + "x\n",
}

// declinedItems are files that Parse declines for what one item of their list holds: ParseEach
// reads that item with yaml/v4 and the rest itself, or declines the file too (each says).
var declinedItems = []struct {
	src  string
	read bool
}{
	{"arguments:\n- id: a\n  strength: !!float 1\n- id: b\n", true},
	{"arguments:\n- &x id: a\n- id: b\n  side: &y pro\n", true},
	{"arguments:\n- ? id\n  : a\n- id: b\n", true},
	{"arguments:\n- id: !!str a\n# a comment less indented\n  side: pro\n- id: b\n", true},
	{"top: 1\narguments:\n  - id: !!str a\n\n  - id: b\n    t: |\n      text\n  - !!str c\nnext: 1\n", true},
	{"arguments:\n- id: b\n- id: !!str a", true},
	{"arguments:\n- {id: !!str a, tags: [x]}\n- {id: b}\n", true},
	{"arguments:\n- id: a\n  t: !!str \"open\n- and closed\"\n", false},                                    // the part ends inside the quote
	{"arguments:\n- id: a\n  t: !!str [open,\n- closed]\n", false},                                         // and inside a bracket
	{"arguments:\n- &x a\n- *x\n", false},                                                                  // an alias
	{"arguments:\n- !!str " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n", false}, // too deep
	{"arguments:\n- id: !!str a\n  side: [pro\n", false},                                                   // a mistake
	{"arguments: [!!str a, b]\n", false},                                                                   // a flow list is read whole or not at all
	{"arguments:\n- !!str a\n---\nb: 1\n", false},                                                          // a second document
}

// TestEachDeclinedItem holds ParseEach to yaml/v4 on files with an item outside the subset.
func TestEachDeclinedItem(t *testing.T) {
	for _, tc := range declinedItems {
		t.Run("", func(t *testing.T) {
			if _, ok := Parse([]byte(tc.src)); ok {
				t.Fatalf("Parse read a file with an item outside its subset:\n%s", tc.src)
			}
			check(t, []byte(tc.src))
			var p Parser
			n := 0
			_, ok := p.ParseEach([]byte(tc.src), "arguments", func(*yaml.Node) { n++ })
			if ok != tc.read {
				t.Errorf("ParseEach read the file: %v, want %v (after %d items)\n%s", ok, tc.read, n, tc.src)
			}
		})
	}
}

func TestAccepted(t *testing.T) {
	for _, src := range accepted {
		t.Run("", func(t *testing.T) {
			if !check(t, []byte(src)) {
				t.Errorf("Parse refused an input in its subset:\n%s", src)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	for _, src := range refused {
		t.Run("", func(t *testing.T) {
			if root, ok := Parse([]byte(src)); ok {
				t.Errorf("Parse read an input outside its subset, to %+v:\n%s", root, src)
			}
		})
	}
}

// TestBuiltin reads every file of the built-in debate: all of them are in the subset.
func TestBuiltin(t *testing.T) {
	files, err := fs.Glob(arguments.FS, "*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in files (%v)", err)
	}
	for _, name := range files {
		src, err := fs.ReadFile(arguments.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !check(t, src) {
			t.Errorf("%s: Parse refused a built-in file", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, src := range append(accepted, refused...) {
		f.Add([]byte(src))
	}
	for _, tc := range declinedItems {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		check(t, src)
	})
}

// TestResolve holds resolve to yaml/v4's tags on plain scalars of every kind, through the
// one-line path and the folded one.
func TestResolve(t *testing.T) {
	for _, v := range []string{
		"", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "false", "yes", "no", "on", "off", "y", "n",
		"0", "-0", "+0", "-0.0", "007", "0x1F", "0X1f", "0o17", "0b101", "1_000", "0x_1F", "+12", "-12",
		"9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
		"1.5", ".5", "5.", "-.5", "+.5", "1e3", "1E-3", "1.5e+3", "1e400", "1e", ".e3", "1_000.5", "0x1p3",
		".inf", ".Inf", ".INF", "+.inf", "-.inf", ".nan", ".NaN", ".NAN", ".nAn", "inf", "nan",
		"2022-09-27", "2022-9-7", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-12-14T21:59:43Z",
		"20022-09-27", "2022-13-01", "2022-09-27x", "1.2.3", "--1", "+-1", "12abc", "o", "<", "<x",
	} {
		if !check(t, []byte("k: "+v+"\n")) {
			t.Errorf("Parse refused the plain scalar %q", v)
		}
		if v != "" {
			check(t, []byte("k: "+v+"\n  folded on\n"))
		}
	}
}
