package export

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/synth"
	"github.com/argmap/argmap/internal/yamlfast"
)

// libraryYAML is the YAML export as the YAML library writes it, the whole file one document:
// what the export must write, byte for byte.
func libraryYAML(t testing.TB, g *argument.Graph) []byte {
	t.Helper()
	file := yamlFile(g)
	args := seq()
	for i := 1; i < g.Len(); i++ {
		args.Content = append(args.Content, yamlArgument(g, i))
	}
	file.Content = append(file.Content, key("arguments"), args)
	var one bytes.Buffer
	if err := dumpYAML(&one, file); err != nil {
		t.Skipf("the library refuses: %v", err)
	}
	return safetext.EscapeInvisible(one.Bytes())
}

// yamlScalarCases are strings on the edges of each YAML style: words a reader takes for
// something else, indicators at the start, inside and at the end, white space and line breaks
// in every place, characters the library escapes, and text it does not know (which goes to the
// library).
var yamlScalarCases = []string{
	"", " ", "a", "plain words", "Putin’s manpower", "İstanbul", "été", "nbsp\u00a0x", "\ue000private",
	"true", "Yes", "NO", "on", "Off", "~", "null", "Null", "<<", "<", "y", "n",
	"1", "1.5", "-1", "+1", "0x1F", "0o17", "0b101", "017", "1_000", "1e3", "1E+3", ".5", "-.5", "+.5", ".", "..",
	".inf", "-.Inf", ".NaN", "-0", "-0.0", "+0", "1.", "1.2.3", "12:30", "1:2:3", "0x", "+", "-",
	"2022-09-27", "2022-9-7", "2022-09-27 10:00:00", "2022-09-27T10:00:00Z", "2022-09-27t10:00:00+02:00", "2022-13-45", "20220-1-1",
	"- x", "-x", "--", "---", "--- x", "...", "...x", "? x", "?x", "?", ":x", ": x", ":", "x:", "a: b", "a:b", "a :b",
	"a #b", "a#b", "#a", "[x]", "a[x]", "x, y", "x,y", "{a}", "a}", "&a", "a&b", "*a", "!a", "|", "|a", ">", "'q'", "it's",
	"\"q\"", "say \"q\"", "%a", "@a", "`a`", "a\\b", "\\", "http://example.org/a?b=c#d",
	"trailing ", " leading", "a  b", "  ", "line\nbreak", "line\n", "\nlead", " lead\nx", "\n lead", "\n\n lead",
	"a\n\nb", "a \nb", "a\n b", "a\n\n", "\n", "\n\n", "a\n  \nb", "x: y\nz", "- a\n- b", "#\n#", "tab\there",
	"emoji 😀", "\x1b[31m", "bidi\u202e", "soft\u00adhyphen", "bad\xffutf8", "\ufeffbom", "\ufffd", "a\rb", "a\r\nb",
	"a\u2028b", "nel\u0085x", "\uffff", "zero\u200bwidth", "del\x7f", "c1\u009b",
}

// yamlCaseGraph puts each case in every text field of an argument, and as the id of another
// that the first supports, so that each is written as a block value, a literal block, a
// passage and an item of a flow list.
func yamlCaseGraph(cases []string) *argument.Graph {
	d := &argument.Debate{
		Version: 1, ID: "cases", Title: "Cases", Question: "Does each case read back?",
		Thesis:     argument.Thesis{ID: "thesis", Claim: "Every case reads back.", Base: 0.5},
		Categories: []string{"moral"},
	}
	for k, c := range cases {
		id := "case-" + strconv.Itoa(k)
		d.Arguments = append(d.Arguments,
			&argument.Argument{ID: id, Side: argument.Pro, Category: c, Title: c, Claim: c, Reasoning: c, Note: c,
				Strength: 0.5, Supports: []string{"thesis", c}, Attacks: []string{c}, Tags: []string{c, "x"},
				Quotes: []argument.Passage{{Source: c, Text: c}}, Evidence: []argument.Passage{{Source: "s", Text: c + "\nand more"}}},
			&argument.Argument{ID: c, Side: argument.Con, Category: "moral", Title: "Target", Claim: "x " + c, Strength: 0.25,
				Attacks: []string{"thesis"}})
	}
	return argument.NewGraph(d)
}

func TestYAMLScalarsMatchLibrary(t *testing.T) {
	g := yamlCaseGraph(yamlScalarCases)
	sameBytes(t, "yaml", encode(t, YAML, g), libraryYAML(t, g))
	// Each case alone too, so that a failure names it.
	for _, c := range yamlScalarCases {
		g := yamlCaseGraph([]string{c})
		if got, want := encode(t, YAML, g), libraryYAML(t, g); !bytes.Equal(got, want) {
			t.Errorf("%q: the export differs from the library's:\n%s\nwant:\n%s", c, got, want)
		}
	}
}

// TestYAMLFastPathCovers checks that ordinary text takes the fast path: every argument of a
// generated debate and of the built-in one, whose text is plain sentences with typographic
// quotes, and every known case.
func TestYAMLFastPathCovers(t *testing.T) {
	for name, g := range map[string]*argument.Graph{
		"generated": argument.NewGraph(synth.Generate(synth.Options{Arguments: 300, Seed: 5, Cycles: 1, QuotesPerArgument: 2})),
		"built-in":  loadBuiltin(t),
	} {
		for i := 1; i < g.Len(); i++ {
			if !yamlFits(g, i) {
				t.Errorf("%s: argument %q goes to the library", name, g.ID(i))
			}
		}
	}
	for _, c := range []string{"plain", "a: b", "line\nbreak", "Putin’s", "true", "2022-09-27", " lead", "a\n b"} {
		if g := yamlCaseGraph([]string{c}); !yamlFits(g, 1) {
			t.Errorf("%q goes to the library", c)
		}
	}
	for _, c := range []string{"emoji 😀", "tab\there", "bidi\u202e", "bad\xff", "a\rb", "\ufeffbom", "\uffff"} {
		if g := yamlCaseGraph([]string{c}); yamlFits(g, 1) {
			t.Errorf("%q takes the fast path, which does not know it", c)
		}
	}
}

// yamlFits reports whether the export writes argument node i itself.
func yamlFits(g *argument.Graph, i int) bool {
	_, ok := appendYAMLStyles(nil, g, i)
	return ok
}

// TestYAMLMatchesLibraryOnFuzzSeeds runs the stored seeds of every fuzz target through the
// comparison of FuzzYAMLMatchesLibrary.
func TestYAMLMatchesLibraryOnFuzzSeeds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fuzz seeds: %v", err)
	}
	for _, file := range files {
		args := readFuzzSeed(t, file)
		if len(args) != 3 {
			t.Fatalf("%s: %d strings, want 3", file, len(args))
		}
		g := fuzzGraph(args[0], args[1], args[2])
		sameBytes(t, file, encode(t, YAML, g), libraryYAML(t, g))
	}
}

// readFuzzSeed reads the strings of a file of the fuzzing engine's corpus.
func readFuzzSeed(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "string(") {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "string("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out = append(out, s)
	}
	return out
}

func FuzzYAMLMatchesLibrary(f *testing.F) {
	addSeeds(f)
	for _, c := range yamlScalarCases {
		f.Add(c, c+"\n"+c, "x "+c)
	}
	f.Fuzz(func(t *testing.T, title, claim, text string) {
		g := fuzzGraph(title, claim, text)
		sameBytes(t, "yaml", encode(t, YAML, g), libraryYAML(t, g))
	})
}

// TestYAMLNumbersArePlain checks what writeYAMLArgument takes for granted: the library writes
// every strength plain.
func TestYAMLNumbersArePlain(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.82, 1.0 / 3, 1e-7, -2.5e-300, 1e21, 123456789, math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if !yamlfast.CanBePlain(yamlNumber(f), false) {
			t.Errorf("the library would quote %s", yamlNumber(f))
		}
		g := yamlCaseGraph([]string{"x"})
		g.Argument(1).Strength = f
		sameBytes(t, yamlNumber(f), encode(t, YAML, g), libraryYAML(t, g))
	}
}
