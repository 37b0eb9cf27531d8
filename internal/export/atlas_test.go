package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
)

func testAtlasDoc(t testing.TB, name string, sems ...score.Semantics) *AtlasDoc {
	t.Helper()
	var g = loadBuiltin(t)
	if name != "builtin" {
		g = loadFixture(t, name)
	}
	var marks []score.AtlasMark
	for _, p := range g.Debate.Profiles {
		marks = append(marks, score.AtlasMark{Name: p.Name, Weights: score.Weights(p.Weights)})
	}
	marks = append(marks, score.AtlasMark{Name: "mine", Weights: score.Weights{}})
	doc := &AtlasDoc{Title: g.Debate.Title, Own: true}
	for _, sem := range sems {
		a, err := score.NewAtlas(g, score.Weights{}, sem, score.AtlasOptions{Resolution: 30, Marks: marks})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc.Atlases = append(doc.Atlases, a)
	}
	return doc
}

// TestAtlasSVGParses checks the SVG of every corpus, hostile included, with an XML parser:
// well formed, an svg root, every corpus string in it as text (escaped, never markup), and the
// same bytes twice.
func TestAtlasSVGParses(t *testing.T) {
	for _, name := range []string{"builtin", "basic", "hostile"} {
		for _, sems := range [][]score.Semantics{{score.DFQuAD}, score.AllSemantics} {
			doc := testAtlasDoc(t, name, sems...)
			var a, b bytes.Buffer
			if err := NewAtlasSVGEncoder(&a).Encode(doc); err != nil {
				t.Fatal(err)
			}
			if err := NewAtlasSVGEncoder(&b).Encode(doc); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s: two encodings differ", name)
			}
			dec := xml.NewDecoder(bytes.NewReader(a.Bytes()))
			root, texts, elements := "", 0, map[string]int{}
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: the SVG does not parse: %v", name, err)
				}
				switch x := tok.(type) {
				case xml.StartElement:
					if root == "" {
						root = x.Name.Local
					}
					elements[x.Name.Local]++
				case xml.CharData:
					if strings.TrimSpace(string(x)) != "" {
						texts++
					}
				}
			}
			if root != "svg" {
				t.Errorf("%s: root element %q, want svg", name, root)
			}
			for _, el := range []string{"polygon", "text", "title"} {
				if elements[el] == 0 {
					t.Errorf("%s: no <%s> element", name, el)
				}
			}
			for _, el := range []string{"script", "foreignObject", "a", "image"} {
				if elements[el] > 0 {
					t.Errorf("%s: %d <%s> elements: corpus text became markup", name, elements[el], el)
				}
			}
			if got := elements["circle"]; got != len(doc.Atlases)*(len(doc.Atlases[0].Points)-1) {
				t.Errorf("%s: %d profile circles, want %d", name, got, len(doc.Atlases)*(len(doc.Atlases[0].Points)-1))
			}
			if s := a.String(); strings.Contains(s, "\x1b") {
				t.Errorf("%s: an escape character reached the SVG", name)
			}
		}
	}
}

// TestAtlasJSON checks the JSON document's shape and that it carries every cell.
func TestAtlasJSON(t *testing.T) {
	for _, name := range []string{"builtin", "hostile"} {
		doc := testAtlasDoc(t, name, score.DFQuAD, score.Sum)
		var buf bytes.Buffer
		if err := NewAtlasJSONEncoder(&buf).Encode(doc); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Argmap     int                `json:"argmap"`
			Categories []string           `json:"categories"`
			Axes       []string           `json:"axes"`
			Held       map[string]float64 `json:"held"`
			Total      float64            `json:"total"`
			Resolution int                `json:"resolution"`
			Weightings int                `json:"weightings"`
			Marks      []struct {
				Name    string             `json:"name"`
				Kind    string             `json:"kind"`
				Weights map[string]float64 `json:"weights"`
				At      *[]float64         `json:"at"`
				OnMap   bool               `json:"on_map"`
			} `json:"marks"`
			Atlases []struct {
				Semantics string `json:"semantics"`
				Converged bool   `json:"converged"`
				Marks     []struct {
					Name    string  `json:"name"`
					Verdict string  `json:"verdict"`
					Margin  float64 `json:"margin"`
				} `json:"marks"`
				Shares   map[string]float64 `json:"shares"`
				Boundary [][][]float64      `json:"boundary"`
				Cells    []struct {
					At      []float64          `json:"at"`
					Weights map[string]float64 `json:"weights"`
					Margin  float64            `json:"margin"`
					Verdict string             `json:"verdict"`
				} `json:"cells"`
			} `json:"atlases"`
		}
		dec := json.NewDecoder(&buf)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		first := doc.Atlases[0]
		if got.Resolution != 30 || got.Weightings != 31*32/2 || len(got.Atlases) != 2 {
			t.Fatalf("%s: resolution %d, %d weightings, %d atlases", name, got.Resolution, got.Weightings, len(got.Atlases))
		}
		if last := got.Marks[len(got.Marks)-1]; last.Kind != "own" || last.Name != "mine" {
			t.Errorf("%s: last mark %+v, want the own one", name, last)
		}
		for ai, a := range got.Atlases {
			if len(a.Cells) != got.Weightings {
				t.Errorf("%s %s: %d cells", name, a.Semantics, len(a.Cells))
			}
			if s := a.Shares["pro"] + a.Shares["con"] + a.Shares["tie"]; s < 1-1e-12 || s > 1+1e-12 {
				t.Errorf("%s %s: shares add up to %v", name, a.Semantics, s)
			}
			for k, c := range a.Cells {
				want := doc.Atlases[ai].Cells[k]
				if c.Verdict != string(want.Verdict) || len(c.Weights) != len(first.Categories) {
					t.Fatalf("%s %s cell %d: %+v, want verdict %s", name, a.Semantics, k, c, want.Verdict)
				}
				for j, x := range c.At {
					if x != want.At[j] {
						t.Fatalf("%s cell %d: at %v, want %v exactly", name, k, c.At, want.At)
					}
				}
			}
		}
	}
}

// FuzzAtlasSVG gives the SVG hostile category, profile and debate names: it must always parse,
// with every name as text.
func FuzzAtlasSVG(f *testing.F) {
	for _, s := range []string{"moral", "<script>x</script>", "a & b", "\x1b[31m\x00\xff", "]]>", "\uFFFE", `"'`} {
		f.Add(s, s+"2")
	}
	f.Fuzz(func(t *testing.T, cat, profile string) {
		if cat == "" || cat == "strategic" || cat == "political" {
			return
		}
		cats := []string{cat, "strategic", "political"}
		d := &argument.Debate{
			Title:      profile,
			Thesis:     argument.Thesis{ID: "t", Base: 0.5},
			Categories: cats,
			Arguments: []*argument.Argument{
				{ID: "a", Side: argument.Pro, Category: cat, Strength: 0.8, Supports: []string{"t"}},
				{ID: "b", Side: argument.Con, Category: "political", Strength: 0.6, Attacks: []string{"t"}},
			},
		}
		a, err := score.NewAtlas(argument.NewGraph(d), score.Weights{}, score.DFQuAD, score.AtlasOptions{
			Resolution: 6, Marks: []score.AtlasMark{{Name: profile, Weights: score.Weights{}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := NewAtlasSVGEncoder(&buf).Encode(&AtlasDoc{Title: profile, Atlases: []*score.Atlas{a}}); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&buf)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("names %q, %q: the SVG does not parse: %v", cat, profile, err)
			}
			if el, ok := tok.(xml.StartElement); ok && (el.Name.Local == "script" || el.Name.Local == "foreignObject") {
				t.Fatalf("names %q, %q: a <%s> element", cat, profile, el.Name.Local)
			}
		}
	})
}
