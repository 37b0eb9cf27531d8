package render

import (
	"fmt"
	"io"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/wire"
)

// ArgumentJSON is one argument as argmap list --format json prints it: wire's one shape of an
// argument, with what it supports and attacks.
type ArgumentJSON = wire.Listed

// PassageJSON is a quote or a piece of evidence.
type PassageJSON = wire.Passage

// DetailJSON is one node as argmap get --format json prints it: the argument's own keys (for
// the thesis, id and claim), then what bears on it and where it is defined.
type DetailJSON struct {
	ArgumentJSON
	SupportedBy []string      `json:"supported_by"`
	AttackedBy  []string      `json:"attacked_by"`
	DefinedAt   *PositionJSON `json:"defined_at"`
	Argmap      int           `json:"argmap"`
}

// thesisJSON is the thesis as argmap get --format json prints it.
type thesisJSON struct {
	ID          string        `json:"id"`
	Thesis      bool          `json:"thesis"`
	Claim       string        `json:"claim"`
	Base        float64       `json:"base"`
	SupportedBy []string      `json:"supported_by"`
	AttackedBy  []string      `json:"attacked_by"`
	DefinedAt   *PositionJSON `json:"defined_at"`
	Argmap      int           `json:"argmap"`
}

// PositionJSON is where a node is defined; null when the loader did not say.
type PositionJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// NewArgumentJSON converts an argument to its JSON shape.
func NewArgumentJSON(a *argument.Argument) ArgumentJSON { return wire.NewListed(a) }

// ListJSON writes the arguments as a JSON array. Every number is checked first, so that an
// error writes nothing; the items are then written as they are made, by hand (wire holds the
// bytes to encoding/json's): an indenting encoder holds the whole document, and re-indents
// it, which on 100,000 arguments cost seconds and a gigabyte.
func ListJSON(w io.Writer, args []*argument.Argument) error {
	for _, a := range args {
		if !wire.IsFinite(a.Strength) {
			return wire.NotFinite(a.Strength, fmt.Sprintf("argument %q has strength", a.ID))
		}
	}
	if len(args) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	s := wire.NewStream(w, wire.Prose)
	s.Raw("[\n")
	var item []byte
	for i, a := range args {
		item = append(item[:0], "  "...)
		item = wire.Prose.AppendArgument(item, a, "  ", wire.WithRelations)
		if i < len(args)-1 {
			item = append(item, ',')
		}
		s.Bytes(append(item, '\n'))
	}
	s.Raw("]\n")
	return s.Flush()
}

// NodeJSON writes node i of g (an argument, or the thesis) with what supports and attacks it
// and where it is defined.
func NodeJSON(w io.Writer, g *argument.Graph, i int) error {
	var sup, att []string
	for _, e := range g.In(i) {
		if e.Type == argument.Support {
			sup = append(sup, g.ID(e.Node))
		} else {
			att = append(att, g.ID(e.Node))
		}
	}
	a := g.Argument(i)
	if a == nil {
		t := g.Debate.Thesis
		if err := wire.Finite(t.Base, "the thesis's base is"); err != nil {
			return err
		}
		return wire.Prose.Write(w, thesisJSON{Argmap: wire.Version,
			ID: t.ID, Thesis: true, Claim: t.Claim, Base: t.Base,
			SupportedBy: nonNil(sup), AttackedBy: nonNil(att), DefinedAt: position(t.Pos),
		})
	}
	if !wire.IsFinite(a.Strength) {
		return wire.NotFinite(a.Strength, fmt.Sprintf("argument %q has strength", a.ID))
	}
	return wire.Prose.Write(w, DetailJSON{Argmap: wire.Version,
		ArgumentJSON: NewArgumentJSON(a),
		SupportedBy:  nonNil(sup),
		AttackedBy:   nonNil(att),
		DefinedAt:    position(a.Pos),
	})
}

func position(p argument.Pos) *PositionJSON {
	if p.IsZero() {
		return nil
	}
	return &PositionJSON{File: p.File, Line: p.Line, Column: p.Column}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
