// Package aif reads the Argument Interchange Format as AIFdb and OVA write it (JSON with nodes
// and edges) into a debate: I-nodes become claims, RA nodes supports and CA nodes attacks.
package aif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

// document is what this reader needs of an AIF file.
type document struct {
	Nodes     []node            `json:"nodes"`
	Edges     []edge            `json:"edges"`
	Locutions []json.RawMessage `json:"locutions"`
}

type node struct {
	ID     nodeID `json:"nodeID"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Scheme string `json:"scheme"`
}

type edge struct {
	From nodeID `json:"fromID"`
	To   nodeID `json:"toID"`
}

// nodeID is a node id, which some tools write as a string and others as a number.
type nodeID string

func (n *nodeID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = nodeID(s)
		return nil
	}
	var num json.Number
	if err := json.Unmarshal(b, &num); err != nil {
		return fmt.Errorf("a node id is a string or a number, not %s", describe(b))
	}
	*n = nodeID(num.String())
	return nil
}

func describe(b []byte) string {
	switch {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "an object"
	case b[0] == '[':
		return "a list"
	case string(b) == "null":
		return "null"
	case b[0] == 't' || b[0] == 'f':
		return "a boolean"
	}
	return "that"
}

// maxWalk bounds the steps spent looking for the default thesis.
const maxWalk = 50_000_000

// Read reads an AIF document into a debate. The thesis is the I-node opts.Thesis names or, by
// default, the one the most other I-nodes reach through supports and attacks.
func Read(data []byte, opts importer.Options) (*argument.Debate, importer.Summary, error) {
	sum := importer.Summary{Format: "aif"}
	fail := func(ptr, format string, args ...any) (*argument.Debate, importer.Summary, error) {
		return nil, sum, &importer.InputError{File: opts.File, Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > importer.MaxInputSize {
		return fail("", "the file is %d MiB, more than the %d MiB argmap imports: split it", len(data)>>20, importer.MaxInputSize>>20)
	}
	var doc document
	if err := importer.DecodeJSON(opts.File, data, &doc, "AIF JSON"); err != nil {
		return nil, sum, err
	}
	if doc.Nodes == nil {
		return fail("", "no \"nodes\" list: this is not AIF JSON (AIFdb and OVA write {\"nodes\": [...], \"edges\": [...]}); check --from")
	}
	at := make(map[nodeID]int, len(doc.Nodes))
	var claims []int
	dropped := map[string]int{}
	for i, n := range doc.Nodes {
		if n.ID == "" {
			return fail(fmt.Sprintf("/nodes/%d/nodeID", i), "the node has no nodeID: give every node a unique one")
		}
		if j, dup := at[n.ID]; dup {
			return fail(fmt.Sprintf("/nodes/%d/nodeID", i), "node id %q is used twice (first at /nodes/%d): give every node its own", n.ID, j)
		}
		at[n.ID] = i
		switch n.Type {
		case "I":
			claims = append(claims, i)
		case "RA", "CA":
		case "":
			return fail(fmt.Sprintf("/nodes/%d/type", i), "the node has no type: AIF nodes are I, RA, CA, MA, L, TA or YA")
		default:
			dropped[n.Type]++
		}
	}
	if len(claims) == 0 {
		return fail("/nodes", "no I-node: an AIF argument map needs at least one claim (a node of type \"I\")")
	}
	if len(claims)-1 > importer.MaxArguments {
		return fail("/nodes", "%d claims, more than the %d a corpus may hold: split the map", len(claims)-1, importer.MaxArguments)
	}
	// into and out of every scheme node.
	in := make(map[int][]int)
	out := make(map[int][]int)
	for k, e := range doc.Edges {
		from, ok := at[e.From]
		if !ok {
			return fail(fmt.Sprintf("/edges/%d/fromID", k), "no node has id %q: an edge joins two nodes of the list", e.From)
		}
		to, ok := at[e.To]
		if !ok {
			return fail(fmt.Sprintf("/edges/%d/toID", k), "no node has id %q: an edge joins two nodes of the list", e.To)
		}
		out[from] = append(out[from], to)
		in[to] = append(in[to], from)
	}

	// Each relation, from a claim to a claim, by node index.
	type rel struct {
		from, to int
		t        argument.RelationType
	}
	var rels []rel
	undercuts := 0
	isClaim := func(i int) bool { return doc.Nodes[i].Type == "I" }
	isScheme := func(i int) bool { return doc.Nodes[i].Type == "RA" || doc.Nodes[i].Type == "CA" }
	for s, n := range doc.Nodes {
		if n.Type != "RA" && n.Type != "CA" {
			continue
		}
		t := argument.Support
		if n.Type == "CA" {
			t = argument.Attack
		}
		for _, c := range out[s] {
			var targets []int
			switch {
			case isClaim(c):
				targets = []int{c}
			case isScheme(c):
				// A scheme aimed at an inference (an undercutter) bears on the premises
				// whose inference it is: argmap's relations join claims.
				for _, p := range in[c] {
					if isClaim(p) {
						targets = append(targets, p)
					}
				}
				undercuts++
			}
			for _, p := range in[s] {
				if !isClaim(p) {
					continue
				}
				for _, c := range targets {
					if p != c {
						rels = append(rels, rel{p, c, t})
					}
				}
				if len(rels) > importer.MaxRelations {
					return fail(fmt.Sprintf("/nodes/%d", s), "the scheme nodes make more than %d relations between claims, the most argmap imports: split the map", importer.MaxRelations)
				}
			}
		}
	}

	thesis := -1
	if opts.Thesis != "" {
		i, ok := at[nodeID(opts.Thesis)]
		if !ok || !isClaim(i) {
			return fail("", "--thesis %s names no I-node: give the nodeID of a claim, such as %s", strconv.Quote(opts.Thesis), doc.Nodes[claims[0]].ID)
		}
		thesis = i
		sum.Thesis = fmt.Sprintf("node %s (--thesis)", doc.Nodes[i].ID)
	} else {
		// The claim the most others reach: where the arguments end.
		into := make(map[int][]int)
		for _, r := range rels {
			into[r.to] = append(into[r.to], r.from)
		}
		// Everything that reaches a claim reaches what it supports or attacks too, so the
		// claim the most reach is one that bears on nothing (or, in a map that is all cycles,
		// any): only those are counted. A hostile map could still make that quadratic, so the
		// walk has a budget.
		starts := make(map[int]bool, len(rels))
		for _, r := range rels {
			starts[r.from] = true
		}
		candidates := make([]int, 0, len(claims))
		for _, c := range claims {
			if !starts[c] {
				candidates = append(candidates, c)
			}
		}
		if len(candidates) == 0 {
			candidates = claims
		}
		best, bestN := candidates[0], -1
		seen := make(map[int]int)
		budget := maxWalk
		for mark, c := range candidates {
			n := 0
			stack := []int{c}
			seen[c] = mark + 1
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if budget -= len(into[x]) + 1; budget < 0 {
					return fail("", "the map is too tangled to find the claim the most others reach: pick the thesis with --thesis NODEID")
				}
				for _, y := range into[x] {
					if seen[y] != mark+1 {
						seen[y] = mark + 1
						n++
						stack = append(stack, y)
					}
				}
			}
			if n > bestN {
				best, bestN = c, n
			}
		}
		thesis = best
		sum.Thesis = fmt.Sprintf("node %s, which %s of %d other claims reach (pick another with --thesis ID)", doc.Nodes[best].ID, strconv.Itoa(bestN), len(claims)-1)
	}

	b := importer.NewBuilder(opts, "aif", importer.Title(doc.Nodes[thesis].Text))
	b.SetThesis(doc.Nodes[thesis].Text, "node-"+string(doc.Nodes[thesis].ID))
	ids := map[int]string{thesis: b.Debate.Thesis.ID}
	args := map[int]*argument.Argument{}
	for _, c := range claims {
		if c == thesis {
			continue
		}
		n := doc.Nodes[c]
		a := b.Add("", n.Text, argument.Pro, "node-"+string(n.ID), fmt.Sprintf("imported from AIF node %s of %s", n.ID, opts.File))
		ids[c] = a.ID
		args[c] = a
	}
	for _, r := range rels {
		a := args[r.from]
		if a == nil { // the thesis: argmap's thesis has no relations of its own
			dropped["from-thesis"]++
			continue
		}
		if !b.Relate(a, ids[r.to], r.t) {
			dropped["repeat"]++
		}
	}
	importer.Sides(b.Debate)

	d := b.Debate
	sum.Arguments = len(d.Arguments)
	sum.Relations = importer.CountRelations(d)
	sum.Drop(dropped["L"], "locution (an L node: who said what)", "locutions (L nodes: who said what)")
	sum.Drop(dropped["YA"], "illocution (a YA node: how it was said)", "illocutions (YA nodes: how it was said)")
	sum.Drop(dropped["TA"], "transition (a TA node: the order of the dialogue)", "transitions (TA nodes: the order of the dialogue)")
	sum.Drop(dropped["MA"], "rephrase (an MA node)", "rephrases (MA nodes)")
	sum.Drop(len(doc.Locutions), "entry of the locutions list", "entries of the locutions list")
	sum.Drop(undercuts, "undercut as such (made an attack on the premises of the inference it targets)", "undercuts as such (each made an attack on the premises of the inference it targets)")
	sum.Drop(dropped["from-thesis"], "relation from the thesis (argmap's thesis supports and attacks nothing)", "relations from the thesis (argmap's thesis supports and attacks nothing)")
	sum.Drop(dropped["repeat"], "repeated relation", "repeated relations")
	var other []string
	for t, n := range dropped {
		switch t {
		case "L", "YA", "TA", "MA", "from-thesis", "repeat":
		default:
			other = append(other, fmt.Sprintf("%d %s", n, t))
		}
	}
	slices.Sort(other)
	if len(other) > 0 {
		sum.Drop(len(other), "kind of node argmap does not know ("+strings.Join(other, ", ")+")", "kinds of node argmap does not know ("+strings.Join(other, ", ")+")")
	}
	return d, sum, nil
}
