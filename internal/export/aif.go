package export

import (
	"io"
	"time"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// AIFEncoder writes the graph in the Argument Interchange Format as AIFdb and OVA read it: an
// I-node for the thesis and for each argument's claim, an RA node (a default inference) for
// each support and a CA node (a default conflict) for each attack, and the edges that join
// them.
type AIFEncoder struct {
	w io.Writer
}

// NewAIFEncoder returns an encoder that writes to w.
func NewAIFEncoder(w io.Writer) *AIFEncoder { return &AIFEncoder{w: w} }

// aifTimeLayout is AIFdb's timestamp form.
const aifTimeLayout = "2006-01-02 15:04:05"

// aifEpoch stamps a debate whose sources give no date.
const aifEpoch = "1970-01-01 00:00:00"

// AIFTimestamp is the timestamp every node of a debate's AIF export carries. AIF wants one per
// node, but a corpus records no time of writing, and the clock would make every export of the
// same corpus differ. The earliest date among the sources is when the debate's arguments were
// first put, and it is stable; a debate with no dated source gets the Unix epoch.
func AIFTimestamp(d *argument.Debate) string {
	var first time.Time
	for _, s := range d.Sources {
		t, err := time.Parse(time.DateOnly, s.Date)
		if err != nil {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
	}
	if first.IsZero() {
		return aifEpoch
	}
	return first.Format(aifTimeLayout)
}

// Encode writes the graph. Node ids are numbers as strings: the graph's nodes first (1 is the
// thesis), then one scheme node per relation in relation order; edge ids count from 1, two per
// relation. The document is written as it is made, laid out as encoding/json lays it out with
// an indent of two spaces, so that its size costs no more than its length.
func (e *AIFEncoder) Encode(g *argument.Graph) error {
	ts := aifJSONString(AIFTimestamp(g.Debate))
	rels := edges(g)
	w := newWriter(e.w)
	nodes := 0
	node := func(id int, text []byte, typ string) {
		if nodes > 0 {
			w.WriteByte(',')
		}
		nodes++
		w.WriteString("\n    {\n      \"nodeID\": \"")
		writeInt(w, id)
		w.WriteString("\",\n      \"text\": ")
		w.Write(text)
		w.WriteString(",\n      \"type\": \"")
		w.WriteString(typ)
		w.WriteString("\",\n      \"timestamp\": ")
		w.Write(ts)
		w.WriteString("\n    }")
	}
	id := func(i int) int { return i + 1 }

	w.WriteString("{\n  \"nodes\": [")
	var text []byte // each claim in turn, as a JSON string
	text = wire.Data.AppendString(text[:0], g.Debate.Thesis.Claim)
	node(id(argument.ThesisNode), text, "I")
	for i := 1; i < g.Len(); i++ {
		text = wire.Data.AppendString(text[:0], g.Argument(i).Claim)
		node(id(i), text, "I")
	}
	inference, conflict := aifJSONString("Default Inference"), aifJSONString("Default Conflict")
	for k, r := range rels {
		if r.Type == argument.Attack {
			node(id(g.Len()+k), conflict, "CA")
		} else {
			node(id(g.Len()+k), inference, "RA")
		}
	}
	w.WriteString("\n  ],\n  \"edges\": [")
	for k, r := range rels {
		scheme := id(g.Len() + k)
		for j, ends := range [2][2]int{{id(r.From), scheme}, {scheme, id(r.To)}} {
			if k > 0 || j > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n    {\n      \"edgeID\": \"")
			writeInt(w, 2*k+j+1)
			w.WriteString("\",\n      \"fromID\": \"")
			writeInt(w, ends[0])
			w.WriteString("\",\n      \"toID\": \"")
			writeInt(w, ends[1])
			w.WriteString("\"\n    }")
		}
	}
	if len(rels) > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("],\n  \"locutions\": []\n}\n")
	return w.Flush()
}

// aifJSONString is s as a JSON string, escaped as encoding/json escapes it (HTML characters
// too) and with every invisible character escaped.
func aifJSONString(s string) []byte { return wire.Data.AppendString(nil, s) }
