package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

func detail(t *testing.T, d *argument.Debate, id string, opts DetailOptions) string {
	t.Helper()
	g := argument.NewGraph(d)
	i, ok := g.Index(id)
	if !ok {
		t.Fatalf("no node %q", id)
	}
	var b bytes.Buffer
	if err := Detail(&b, g, i, opts); err != nil {
		t.Fatalf("Detail: %v", err)
	}
	return b.String()
}

func TestDetailGolden(t *testing.T) {
	tests := []struct {
		name, id string
		opts     DetailOptions
	}{
		{"duty-80", "duty-of-rescue", DetailOptions{Options: plain80, Location: "harbour/10-pro.yaml:3"}},
		{"duty-color-80", "duty-of-rescue", DetailOptions{Options: color80, Location: "harbour/10-pro.yaml:3"}},
		{"duty-ascii-200", "duty-of-rescue", DetailOptions{Options: Options{Width: 200, ASCII: true}}},
		{"services-80", "overwhelmed-services", DetailOptions{Options: plain80}},
		{"thesis-80", "open-harbour", DetailOptions{Options: plain80, Location: "harbour/00-debate.yaml:5"}},
		{"lost-link-80", "lost-link", DetailOptions{Options: plain80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "get/harbour-"+tt.name, []byte(detail(t, harbour(), tt.id, tt.opts)))
		})
	}
	g := argument.NewGraph(harbour())
	for _, id := range []string{"duty-of-rescue", "open-harbour"} {
		i, _ := g.Index(id)
		var b bytes.Buffer
		if err := NodeJSON(&b, g, i); err != nil {
			t.Fatal(err)
		}
		golden(t, "get/harbour-"+id+"-json", b.Bytes())
	}
}

func TestDetailSaysEverything(t *testing.T) {
	out := detail(t, harbour(), "duty-of-rescue", DetailOptions{Options: plain200, Location: "x.yaml:3"})
	for _, want := range []string{
		"duty-of-rescue", "The sea makes rescue a duty", "PRO  moral",
		"Claim\n  Anyone in distress at sea must be helped, whatever their papers say.",
		"Reasoning\n  Maritime tradition and law agree.\n\n  A second paragraph.",
		"Quotes\n  “No captain may sail past a sinking boat.”\n    — The Harbour Report, Port Authority, 2024-05-01 (harbour-report)",
		"Evidence\n  Forty boats were seen in distress last winter.",
		"Supports      + open-harbour     THESIS The town should open",
		"Attacks       none",
		"Supported by  + labour-shortage  PRO The docks need hands",
		"Attacked by   none",
		"Tags          rescue, law",
		"Note          The report's opening argument.",
		"Defined at    x.yaml:3",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("get output lacks %q:\n%s", want, out)
		}
	}
	out = detail(t, harbour(), "lost-link", DetailOptions{Options: plain80})
	if !strings.Contains(out, "+ no-such-argument  not in the corpus") {
		t.Errorf("a dangling reference is not called out:\n%s", out)
	}
}

func TestDetailColorOnlyAddsStyle(t *testing.T) {
	for _, id := range []string{"duty-of-rescue", "open-harbour", "overwhelmed-services"} {
		plain := detail(t, harbour(), id, DetailOptions{Options: plain80})
		colored := detail(t, harbour(), id, DetailOptions{Options: color80})
		if got := stripSGR(colored); got != plain {
			t.Errorf("%s: coloured without styles differs:\n%s\n---\n%s", id, got, plain)
		}
		for i, l := range strings.Split(plain, "\n") {
			if width(l) > 80 || strings.HasSuffix(l, " ") {
				t.Errorf("%s: line %d too wide or ends in a space: %q", id, i+1, l)
			}
		}
	}
}

func TestNodeJSON(t *testing.T) {
	g := argument.NewGraph(harbour())
	i, _ := g.Index("labour-shortage")
	var b bytes.Buffer
	if err := NodeJSON(&b, g, i); err != nil {
		t.Fatal(err)
	}
	var got DetailJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "labour-shortage" || len(got.SupportedBy) != 0 || strings.Join(got.AttackedBy, ",") != "overwhelmed-services" ||
		got.DefinedAt == nil || got.DefinedAt.Line != 20 {
		t.Errorf("got %+v", got)
	}
}

func TestDetailHostileIsInert(t *testing.T) {
	d := hostile()
	g := argument.NewGraph(d)
	for i := range g.Len() {
		for _, o := range []DetailOptions{{Options: plain80, Location: "\x1b[2Jloc"}, {Options: color80}, {Options: Options{Width: 120, ASCII: true}}} {
			var b bytes.Buffer
			if err := Detail(&b, g, i, o); err != nil {
				t.Fatal(err)
			}
			assertInert(t, "get "+g.ID(i), b.String())
		}
		var b bytes.Buffer
		if err := NodeJSON(&b, g, i); err != nil {
			t.Fatal(err)
		}
		assertInert(t, "get json", b.String())
	}
}
