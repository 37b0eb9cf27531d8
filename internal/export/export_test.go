package export

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// fixtures are the corpora the tests export: a small debate with every field used, and one
// whose every field carries some format's syntax or terminal escapes.
var fixtures = []string{"basic", "hostile"}

func loadFS(t testing.TB, fsys fs.FS) *argument.Graph {
	t.Helper()
	d, _, err := corpus.Load(fsys, ".")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return argument.NewGraph(d)
}

func loadFixture(t testing.TB, name string) *argument.Graph {
	t.Helper()
	return loadFS(t, os.DirFS(filepath.Join("testdata", "corpus", name)))
}

func loadBuiltin(t testing.TB) *argument.Graph {
	t.Helper()
	return loadFS(t, arguments.FS)
}

// testBrief scores g with every category at 1 under the default semantics, and under each
// profile, and finds where that verdict flips, as argmap export does.
func testBrief(t testing.TB, g *argument.Graph) *Brief {
	t.Helper()
	b, _, err := report.ScoreBrief(g, report.BriefOptions{Weights: score.Weights{}, Semantics: score.DefaultSemantics})
	if err != nil {
		t.Fatalf("brief: %v", err)
	}
	return b
}

// testBriefWithAtlas is testBrief with the atlas section, as argmap export writes it.
func testBriefWithAtlas(t testing.TB, g *argument.Graph) *Brief {
	t.Helper()
	b := testBrief(t, g)
	var err error
	if b.Atlas, err = report.BriefAtlas(g, score.Weights{}, score.DefaultSemantics, ""); err != nil {
		t.Fatalf("atlas: %v", err)
	}
	return b
}

// encode exports g in format f.
func encode(t testing.TB, f Format, g *argument.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch f {
	case Markdown:
		err = NewMarkdownEncoder(&buf).Encode(testBriefWithAtlas(t, g))
	case JSON:
		err = NewJSONEncoder(&buf).Encode(g)
	case YAML:
		err = NewYAMLEncoder(&buf).Encode(g)
	case DOT:
		err = NewDOTEncoder(&buf).Encode(g)
	case Mermaid:
		err = NewMermaidEncoder(&buf).Encode(g)
	case Argdown:
		err = NewArgdownEncoder(&buf).Encode(g)
	case AIF:
		err = NewAIFEncoder(&buf).Encode(g)
	default:
		t.Fatalf("no encoder for %q", f)
	}
	if err != nil {
		t.Fatalf("encode %s: %v", f, err)
	}
	return buf.Bytes()
}

// TestGolden pins every format's output for the built-in debate and each fixture corpus; go test
// -update rewrites them.
func TestGolden(t *testing.T) {
	graphs := map[string]*argument.Graph{"builtin": loadBuiltin(t)}
	for _, name := range fixtures {
		graphs[name] = loadFixture(t, name)
	}
	for _, name := range append([]string{"builtin"}, fixtures...) {
		g := graphs[name]
		for _, f := range Formats {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				got := encode(t, f, g)
				golden(t, filepath.Join("testdata", "golden", name+f.Extension()), got)
			})
		}
	}
}

// golden compares got with the file, or rewrites the file with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d (go test -update rewrites it):\n got: %q\nwant: %q", path, i+1, g, w)
		}
	}
}

// TestNoRawControlBytes checks that no export passes a terminal escape or other control byte
// through: the hostile corpus is full of them.
func TestNoRawControlBytes(t *testing.T) {
	g := loadFixture(t, "hostile")
	for _, f := range Formats {
		out := encode(t, f, g)
		for i, c := range string(out) {
			if (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u202e' || c == '\u2028' || c == '\u200b' {
				t.Errorf("%s: raw control character %U at byte %d", f, c, i)
				break
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		got, err := ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	_, err := ParseFormat("pdf")
	if err == nil || err.Error() != `unknown format "pdf": use one of markdown, json, yaml, dot, mermaid, argdown, aif` {
		t.Errorf("ParseFormat(pdf) error = %v", err)
	}
}

// TestArgdownTitleKept checks that the titles argdownTitle keeps as they are are the ones it
// would cut to themselves.
func TestArgdownTitleKept(t *testing.T) {
	for _, s := range append(append([]string{"Drain the Kremlin's manpower", "Putin’s war", "1 in 3", "Ça va", "e\u0301t\u0301e\u0301",
		"\u0301mark first", "(aside)", "ends-", "ends ", " starts", "two  spaces", "Q&A, yes? no! (maybe).", "a—b", "x\ty"},
		yamlScalarCases...), jsonStringCases...) {
		checkArgdownTitle(t, s)
	}
}

func checkArgdownTitle(t *testing.T, s string) {
	t.Helper()
	if got, want := argdownTitle(s, "fallback"), argdownTitleCut(s, "fallback"); got != want {
		t.Errorf("argdownTitle(%q) = %q, want %q", s, got, want)
	}
}

func FuzzArgdownTitleKept(f *testing.F) {
	for _, s := range yamlScalarCases {
		f.Add(s)
	}
	f.Fuzz(checkArgdownTitle)
}
