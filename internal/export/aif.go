package export

import (
	"io"
	"strconv"
	"time"

	"github.com/argmap/argmap/internal/argument"
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

type aifDoc struct {
	Nodes     []aifNode  `json:"nodes"`
	Edges     []aifEdge  `json:"edges"`
	Locutions []struct{} `json:"locutions"`
}

type aifNode struct {
	NodeID    string `json:"nodeID"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Timestamp string `json:"timestamp"`
}

type aifEdge struct {
	EdgeID string `json:"edgeID"`
	FromID string `json:"fromID"`
	ToID   string `json:"toID"`
}

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
// thesis), then one scheme node per relation in relation order. The document is streamed a
// node at a time, as the JSON export is.
func (e *AIFEncoder) Encode(g *argument.Graph) error {
	doc := aifDocument(g)
	s := newJSONStream(e.w)
	s.raw("{\n  \"nodes\": ")
	s.array(len(doc.Nodes), "  ", func(i int) any { return doc.Nodes[i] })
	s.raw(",\n  \"edges\": ")
	s.array(len(doc.Edges), "  ", func(i int) any { return doc.Edges[i] })
	s.raw(",\n  \"locutions\": []\n}\n")
	return s.flush()
}

// aifDocument builds the AIF document of g.
func aifDocument(g *argument.Graph) aifDoc {
	ts := AIFTimestamp(g.Debate)
	doc := aifDoc{Nodes: []aifNode{}, Edges: []aifEdge{}, Locutions: []struct{}{}}
	id := func(i int) string { return strconv.Itoa(i + 1) }
	doc.Nodes = append(doc.Nodes, aifNode{NodeID: id(argument.ThesisNode), Text: g.Debate.Thesis.Claim, Type: "I", Timestamp: ts})
	for i := 1; i < g.Len(); i++ {
		doc.Nodes = append(doc.Nodes, aifNode{NodeID: id(i), Text: g.Argument(i).Claim, Type: "I", Timestamp: ts})
	}
	next := g.Len()
	link := func(from, to string) {
		doc.Edges = append(doc.Edges, aifEdge{EdgeID: strconv.Itoa(len(doc.Edges) + 1), FromID: from, ToID: to})
	}
	for _, r := range edges(g) {
		scheme := aifNode{NodeID: id(next), Text: "Default Inference", Type: "RA", Timestamp: ts}
		if r.Type == argument.Attack {
			scheme.Text, scheme.Type = "Default Conflict", "CA"
		}
		next++
		doc.Nodes = append(doc.Nodes, scheme)
		link(id(r.From), scheme.NodeID)
		link(scheme.NodeID, id(r.To))
	}
	return doc
}
