package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// MarshalJSON writes the document argmap score prints: fields in a fixed order, maps in the
// debate's category order, numbers rounded to 1e-9, and an error for a NaN or an infinity
// (wire's policy for every document).
func (r *Result) MarshalJSON() ([]byte, error) { return json.Marshal(r.Document("", true)) }

// WriteJSON writes the document argmap score prints, indented by two spaces and ending with a
// newline: the bytes json.MarshalIndent(r.Document("", true), "", "  ") gives and a newline (a
// test holds the two together), without building them in memory. The per-argument rows, most of
// the document, stream through w.
func (r *Result) WriteJSON(w io.Writer) error {
	doc := r.Document("", true).(resultJSON)
	rows := *doc.Arguments
	doc.Arguments = nil
	if err := rows.check(); err != nil {
		return err
	}
	head, err := wire.Data.Marshal(doc, "")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:len(head)-2]) // all but the closing "\n}"
	bw.WriteString(",\n  \"arguments\": ")
	if len(rows) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		var b []byte
		for i, a := range rows {
			b = b[:0]
			if i > 0 {
				b = append(b, ",\n"...)
			}
			b = a.append(b, indentedRow)
			bw.Write(b)
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// Document returns the JSON document of the result, with the per-argument rows or without
// them (argmap compare without --details). A label (where the weights came from, as argmap
// compare names its rows) is written first when given, and left out when empty.
func (r *Result) Document(label string, arguments bool) any {
	d := resultJSON{
		Argmap:     wire.Version,
		Label:      label,
		Check:      r.Check,
		Semantics:  r.Semantics,
		Weights:    orderedMap{keys: r.Categories},
		Thesis:     thesisJSON{ID: r.Thesis.ID, Base: num(r.Thesis.Base)},
		Verdict:    r.Verdict,
		Margin:     num(r.Margin),
		Converged:  r.Converged,
		Iterations: r.Iterations,
		Residual:   residual(r.Residual),
		Totals:     sidesJSON{Pro: num(r.Totals.Pro), Con: num(r.Totals.Con)},
		Categories: orderedMap{keys: r.Categories},
	}
	if r.Thesis.HasScore {
		s := num(r.Thesis.Score)
		d.Thesis.Score = &s
	}
	for _, c := range r.Categories {
		d.Weights.values = append(d.Weights.values, num(r.Weights.Get(c)))
		t := r.ByCategory[c]
		d.Categories.values = append(d.Categories.values, sidesJSON{Pro: num(t.Pro), Con: num(t.Con)})
	}
	if len(r.ContributionFuncs) > 0 {
		c := &contributionsJSON{Functions: r.ContributionFuncs, ExplainedBy: r.ContributionFuncs[0]}
		if m := r.Shapley; m != nil {
			c.Shapley = &shapleyJSON{Method: "exact", Players: m.Players}
			if !m.Exact {
				seed := m.Seed
				c.Shapley.Method, c.Shapley.Samples, c.Shapley.Seed = "sampled", m.Samples, &seed
			}
		}
		d.Contributions = c
	}
	if arguments {
		rows := make(argumentRows, len(r.Arguments))
		vals := make([]num, len(r.Arguments)*(len(r.ContributionFuncs)+1))
		for i, a := range r.Arguments {
			row := argumentJSON{ID: a.ID, Side: a.Side, Category: a.Category, Weight: num(a.Weight),
				Base: num(a.Base), Score: num(a.Score), Contribution: num(a.Contribution)}
			for _, f := range r.ContributionFuncs {
				v := &vals[0]
				vals = vals[1:]
				*v = num(a.Value(f))
				switch f {
				case Shapley:
					row.Shapley = v
					if r.Shapley != nil && !r.Shapley.Exact {
						se := &vals[0]
						vals = vals[1:]
						*se = num(a.ShapleySE)
						row.ShapleySE = se
					}
				case Removal:
					row.Removal = v
				case Restricted:
					row.Restricted = v
				case Gradient:
					row.Gradient = v
				}
			}
			rows[i] = row
		}
		d.Arguments = &rows
	}
	return d
}

type resultJSON struct {
	Argmap     int        `json:"argmap"`
	Label      string     `json:"label,omitempty"`
	Semantics  Semantics  `json:"semantics"`
	Weights    orderedMap `json:"weights"`
	Thesis     thesisJSON `json:"thesis"`
	Verdict    Verdict    `json:"verdict"`
	Margin     num        `json:"margin"`
	Converged  bool       `json:"converged"`
	Iterations int        `json:"iterations"`
	Residual   residual   `json:"residual"`
	Totals     sidesJSON  `json:"totals"`
	Categories orderedMap `json:"categories"`
	// Contributions says which contribution functions the rows carry and which one explains
	// the verdict in text; left out when none were asked for (compare).
	Contributions *contributionsJSON `json:"contributions,omitempty"`
	Check         *wire.Check        `json:"check,omitempty"`
	Arguments     *argumentRows      `json:"arguments,omitempty"`
}

type contributionsJSON struct {
	Functions   []ContributionFunc `json:"functions"`
	ExplainedBy ContributionFunc   `json:"explained_by"`
	Shapley     *shapleyJSON       `json:"shapley,omitempty"`
}

type shapleyJSON struct {
	Method  string  `json:"method"` // exact or sampled
	Players int     `json:"players"`
	Samples int     `json:"samples,omitempty"` // permutations, when sampled
	Seed    *uint64 `json:"seed,omitempty"`
}

type thesisJSON struct {
	ID    string `json:"id"`
	Base  num    `json:"base"`
	Score *num   `json:"score"` // null under Sum, which gives the thesis no score
}

type sidesJSON struct {
	Pro num `json:"pro"`
	Con num `json:"con"`
}

type argumentJSON struct {
	ID           string        `json:"id"`
	Side         argument.Side `json:"side"`
	Category     string        `json:"category"`
	Weight       num           `json:"weight"`
	Base         num           `json:"base"`
	Score        num           `json:"score"`
	Contribution num           `json:"contribution"`
	// One per requested contribution function; shapley_se when Shapley was sampled.
	Shapley    *num `json:"shapley,omitempty"`
	ShapleySE  *num `json:"shapley_se,omitempty"`
	Removal    *num `json:"removal,omitempty"`
	Restricted *num `json:"restricted,omitempty"`
	Gradient   *num `json:"gradient,omitempty"`
}

// argumentRows are the per-argument rows, a hundred thousand in a big debate. encoding/json
// would call a marshaler for each of their numbers; the rows are written here in one go
// instead, to the same bytes (a test holds the two together).
type argumentRows []argumentJSON

func (rows argumentRows) MarshalJSON() ([]byte, error) {
	if err := rows.check(); err != nil {
		return nil, err
	}
	b := make([]byte, 0, 160*len(rows)+2)
	b = append(b, '[')
	for i, a := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = a.append(b, compactRow)
	}
	return append(b, ']'), nil
}

// check refuses a row with a number JSON cannot hold, before any row is written.
func (rows argumentRows) check() error {
	for _, a := range rows {
		for _, x := range [...]num{a.Weight, a.Base, a.Score, a.Contribution} {
			if !wire.IsFinite(float64(x)) {
				return wire.NotFinite(float64(x), fmt.Sprintf("argument %q has a score of", a.ID))
			}
		}
	}
	return nil
}

// rowLayout is how a row is laid out: compact, or as json.MarshalIndent indents it inside
// the document (two spaces a level, the row two levels in).
type rowLayout struct{ open, next, colon, close string }

var (
	compactRow  = rowLayout{open: "{", next: ",", colon: ":", close: "}"}
	indentedRow = rowLayout{open: "    {\n      ", next: ",\n      ", colon: ": ", close: "\n    }"}
)

// append writes the row in layout l, its fields in the order of the struct's tags.
func (a argumentJSON) append(b []byte, l rowLayout) []byte {
	key := func(b []byte, first bool, name string) []byte {
		if first {
			b = append(b, l.open...)
		} else {
			b = append(b, l.next...)
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"')
		return append(b, l.colon...)
	}
	b = appendString(key(b, true, "id"), a.ID)
	b = appendString(key(b, false, "side"), string(a.Side))
	b = appendString(key(b, false, "category"), a.Category)
	b = a.Weight.append(key(b, false, "weight"))
	b = a.Base.append(key(b, false, "base"))
	b = a.Score.append(key(b, false, "score"))
	b = a.Contribution.append(key(b, false, "contribution"))
	for _, f := range [...]struct {
		name string
		v    *num
	}{{"shapley", a.Shapley}, {"shapley_se", a.ShapleySE}, {"removal", a.Removal}, {"restricted", a.Restricted}, {"gradient", a.Gradient}} {
		if f.v != nil {
			b = f.v.append(key(b, false, f.name))
		}
	}
	return append(b, l.close...)
}

// appendString appends s as every document but list's and get's writes a string.
func appendString(b []byte, s string) []byte { return wire.Data.AppendString(b, s) }

// num is a computed number, written rounded to 1e-9 ("0.3", not "0.30000000000000004") with
// no negative zero. A NaN or an infinity (which valid input cannot give) is an error.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	if err := wire.Finite(float64(n), "a computed number is"); err != nil {
		return nil, err
	}
	return n.append(nil), nil
}

// append writes n, checked finite by the caller.
func (n num) append(b []byte) []byte { return wire.AppendRounded(b, float64(n)) }

// residual is written to three significant digits (3.2e-10): rounded to 1e-9 like the scores it
// would read 0 or 0.000000001 and say nothing.
type residual float64

func (r residual) MarshalJSON() ([]byte, error) {
	x := float64(r)
	if err := wire.Finite(x, "the residual is"); err != nil {
		return nil, err
	}
	if x == 0 {
		return []byte("0"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', 3, 64), nil
}

// orderedMap is a JSON object whose keys keep a given order.
type orderedMap struct {
	keys   []string
	values []any
}

func (o orderedMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		var v any
		if i < len(o.values) {
			v = o.values[i]
		}
		val, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
