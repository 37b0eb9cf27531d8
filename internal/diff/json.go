package diff

import (
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// Report is a diff with the names of its two sides, as the commands print it.
type Report struct {
	Old, New string
	Diff     *Diff
	Check    *wire.Check // the gate asked for (--fail-on-flip, --max-margin-change), if any
}

// Flips counts the verdicts that flipped.
func (r *Report) Flips() int {
	n := 0
	for _, v := range r.Diff.Verdicts {
		if v.Flipped() {
			n++
		}
	}
	return n
}

// The JSON document of argmap diff --format json. Its shape is stable: fields are added, never
// renamed or removed. Lists are never null.
type document struct {
	Argmap    int              `json:"argmap"`
	Old       string           `json:"old"`
	New       string           `json:"new"`
	Identical bool             `json:"identical"`
	Flips     int              `json:"flips"`
	Debate    []fieldJSON      `json:"debate"`
	Added     []argumentJSON   `json:"added"`
	Removed   []argumentJSON   `json:"removed"`
	Changed   []changeJSON     `json:"changed"`
	Relations []relationJSON   `json:"relations"`
	Profiles  []profileJSON    `json:"profiles"`
	Verdicts  []verdictRowJSON `json:"verdicts"`
	Check     *wire.Check      `json:"check,omitempty"`
}

type fieldJSON struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

type argumentJSON struct {
	ID       string  `json:"id"`
	Side     string  `json:"side"`
	Category string  `json:"category"`
	Title    string  `json:"title"`
	Strength float64 `json:"strength"`
}

type changeJSON struct {
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Fields []fieldJSON `json:"fields"`
}

type relationJSON struct {
	Change string `json:"change"`
	From   string `json:"from"`
	To     string `json:"to"`
	Type   string `json:"type"`
}

type profileJSON struct {
	Name   string      `json:"name"`
	Change string      `json:"change"`
	Fields []fieldJSON `json:"fields"`
}

type verdictRowJSON struct {
	Weighting    string   `json:"weighting"`
	Semantics    string   `json:"semantics"`
	Old          sideJSON `json:"old"`
	New          sideJSON `json:"new"`
	Flipped      bool     `json:"flipped"`
	MarginChange *float64 `json:"margin_change"` // null when a side could not be scored
}

type sideJSON struct {
	Scored  bool     `json:"scored"`
	Reason  string   `json:"reason,omitempty"`
	Verdict string   `json:"verdict,omitempty"`
	Margin  *float64 `json:"margin"`
	Thesis  *float64 `json:"thesis_score"` // null under sum, or when not scored
}

// Document is the JSON document of the report.
func (r *Report) Document() any {
	d := r.Diff
	doc := document{
		Argmap: wire.Version, Check: r.Check, Old: r.Old, New: r.New, Identical: d.Empty(), Flips: r.Flips(),
		Debate: fieldsJSON(d.Debate), Added: argumentsJSON(d.Added), Removed: argumentsJSON(d.Removed),
		Changed: []changeJSON{}, Relations: []relationJSON{}, Profiles: []profileJSON{}, Verdicts: []verdictRowJSON{},
	}
	for _, c := range d.Changed {
		doc.Changed = append(doc.Changed, changeJSON{ID: c.ID, Title: c.Title, Fields: fieldsJSON(c.Fields)})
	}
	for _, c := range d.Relations {
		doc.Relations = append(doc.Relations, relationJSON{Change: c.Change, From: c.From, To: c.To, Type: string(c.Type)})
	}
	for _, p := range d.Profiles {
		doc.Profiles = append(doc.Profiles, profileJSON{Name: p.Name, Change: p.Change, Fields: fieldsJSON(p.Fields)})
	}
	for _, v := range d.Verdicts {
		row := verdictRowJSON{Weighting: v.Label, Semantics: string(v.Semantics), Old: sideDoc(v.Old), New: sideDoc(v.New), Flipped: v.Flipped()}
		if v.Old.OK && v.New.OK {
			row.MarginChange = num(v.MarginChange())
		}
		doc.Verdicts = append(doc.Verdicts, row)
	}
	return doc
}

func sideDoc(s Side) sideJSON {
	if !s.OK {
		return sideJSON{Reason: s.Reason}
	}
	out := sideJSON{Scored: true, Verdict: string(s.Verdict), Margin: num(s.Margin)}
	if s.HasScore {
		out.Thesis = num(s.Score)
	}
	return out
}

// num rounds to 1e-9 as wire rounds every computed score, so that the last bits of a float do
// not churn a stable document; NaN and infinities (which scoring never returns) are null, the
// document's word for "no number here", rather than an encoding error.
func num(x float64) *float64 {
	if !wire.IsFinite(x) {
		return nil
	}
	r := wire.Round(x)
	return &r
}

func fieldsJSON(fs []Field) []fieldJSON {
	out := make([]fieldJSON, len(fs))
	for i, f := range fs {
		out[i] = fieldJSON{Field: f.Name, Old: f.Old, New: f.New}
	}
	return out
}

func argumentsJSON(as []*argument.Argument) []argumentJSON {
	out := make([]argumentJSON, len(as))
	for i, a := range as {
		out[i] = argumentJSON{ID: a.ID, Side: string(a.Side), Category: a.Category, Title: a.Title, Strength: a.Strength}
	}
	return out
}
