package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argument"
)

func list(t *testing.T, d *argument.Debate, opts ListOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := List(&b, d, d.Arguments, opts); err != nil {
		t.Fatalf("List: %v", err)
	}
	return b.String()
}

func TestListGolden(t *testing.T) {
	tests := []struct {
		name string
		opts ListOptions
	}{
		{"table-80", ListOptions{Options: plain80, Table: true}},
		{"table-color-80", ListOptions{Options: color80, Table: true}},
		{"table-200", ListOptions{Options: plain200, Table: true}},
		{"table-ascii-80", ListOptions{Options: Options{Width: 80, ASCII: true}, Table: true}},
		{"tsv", ListOptions{Options: plain80}},
		{"tsv-color-asked", ListOptions{Options: color80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "list/harbour-"+tt.name, []byte(list(t, harbour(), tt.opts)))
		})
	}
	var b bytes.Buffer
	if err := ListJSON(&b, harbour().Arguments); err != nil {
		t.Fatal(err)
	}
	golden(t, "list/harbour-json", b.Bytes())
}

func TestListTableFitsAndColorOnlyAddsStyle(t *testing.T) {
	for _, w := range []int{60, 80, 200} {
		plain := list(t, harbour(), ListOptions{Options: Options{Width: w}, Table: true})
		colored := list(t, harbour(), ListOptions{Options: Options{Width: w, Color: true}, Table: true})
		if got := stripSGR(colored); got != plain {
			t.Errorf("width %d: coloured table without its styles differs:\n%s\n---\n%s", w, got, plain)
		}
		for i, l := range strings.Split(plain, "\n") {
			if width(l) > w || strings.HasSuffix(l, " ") {
				t.Errorf("width %d: line %d is %d columns or ends in a space: %q", w, i+1, width(l), l)
			}
		}
	}
}

func TestListTSVIsData(t *testing.T) {
	d := hostile()
	out := list(t, d, ListOptions{Options: color80})
	if strings.Contains(out, "\x1b") {
		t.Errorf("TSV holds an escape:\n%q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "id\tside\tcategory\tstrength\ttitle" {
		t.Errorf("header = %q", lines[0])
	}
	if len(lines) != len(d.Arguments)+1 {
		t.Fatalf("%d lines for %d arguments:\n%s", len(lines), len(d.Arguments), out)
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != 4 {
			t.Errorf("%d tabs in %q, want 4", n, l)
		}
	}
}

func TestListJSONShape(t *testing.T) {
	d := harbour()
	var b bytes.Buffer
	if err := ListJSON(&b, d.Arguments); err != nil {
		t.Fatal(err)
	}
	var got []map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != len(d.Arguments) {
		t.Fatalf("%d objects for %d arguments", len(got), len(d.Arguments))
	}
	// Keys in exactly the public order.
	want := []string{"id", "side", "category", "title", "claim", "reasoning", "strength", "tags", "quotes", "evidence", "note", "supports", "attacks", "relations"}
	dec := json.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.Token() // [
	dec.Token() // {
	for i := 0; dec.More(); i++ {
		k, _ := dec.Token()
		if i >= len(want) || k != want[i] {
			t.Fatalf("key %d = %v, want %v", i, k, want)
		}
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	// Empty lists are [], never null.
	last := got[len(got)-1] // loop-b: no tags, quotes, evidence or attacks
	for _, k := range []string{"tags", "quotes", "evidence", "attacks"} {
		if string(last[k]) != "[]" {
			t.Errorf("%s = %s, want []", k, last[k])
		}
	}
	if !strings.HasSuffix(b.String(), "}\n]\n") {
		t.Errorf("JSON does not end with a newline")
	}
	var q []struct {
		Quotes []map[string]string `json:"quotes"`
	}
	json.Unmarshal(b.Bytes(), &q)
	if p := q[0].Quotes[0]; p["source"] != "harbour-report" || p["text"] != "No captain may sail past a sinking boat." {
		t.Errorf("quote = %v", p)
	}
}

func TestJSONIsInertAndLossless(t *testing.T) {
	d := hostile()
	var b bytes.Buffer
	if err := ListJSON(&b, d.Arguments); err != nil {
		t.Fatal(err)
	}
	assertInert(t, "list json", b.String())
	if strings.Contains(b.String(), "\\u003c") {
		t.Errorf("markup is HTML-escaped: %s", b.String())
	}
	var got []ArgumentJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// Decoding gives back the corpus text (invalid UTF-8 aside, which JSON cannot carry).
	if want := strings.ToValidUTF8(d.Arguments[0].Claim, "\ufffd"); got[0].Claim != want {
		t.Errorf("claim round trip:\n got %q\nwant %q", got[0].Claim, want)
	}
}

func TestListHostileIsInert(t *testing.T) {
	for _, o := range []ListOptions{
		{Options: plain80, Table: true}, {Options: color80, Table: true}, {Options: Options{Width: 80, ASCII: true}, Table: true},
	} {
		assertInert(t, "list", list(t, hostile(), o))
	}
	// Tabs are the TSV's own structure; nothing else may be raw.
	assertInert(t, "list tsv", strings.ReplaceAll(list(t, hostile(), ListOptions{Options: plain80}), "\t", " "))
}
