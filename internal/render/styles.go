// Package render draws the debate for a terminal: trees, tables, charts. It is the only package
// that imports lipgloss, and every style it uses comes from one Styles value.
//
// Views write plain strings to the io.Writer they are given. Colour is decided once, by the
// caller, and passed in Options.Color: with it off every style is empty and lipgloss emits no
// escape sequence at all; with it on, styles use only the 16 basic ANSI colours and text
// attributes, which every colour terminal understands, so no colour-profile detection or
// downsampling is needed (and CLICOLOR_FORCE works into a pipe).
package render

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Options are what a view needs to know about the terminal it draws for.
type Options struct {
	Color bool // colour and text attributes allowed
	Width int  // columns to lay out for
	ASCII bool // draw with ASCII only
}

// MinWidth is the narrowest layout a view draws for; a smaller Width is raised to it.
const MinWidth = 40

func (o Options) width() int {
	if o.Width < MinWidth {
		return max(o.Width, MinWidth)
	}
	return o.Width
}

// Styles is every style argmap uses. Built once by NewStyles; with colour off every style is
// empty, so no escape sequence is ever emitted.
type Styles struct {
	Pro, Con, Thesis lipgloss.Style
	Category         map[string]lipgloss.Style // per category; CategoryDefault for others
	CategoryDefault  lipgloss.Style
	Title            lipgloss.Style // argument titles
	Heading          lipgloss.Style // section headings
	Dim              lipgloss.Style // context kept for shape (ancestors of a match, references)
	Muted            lipgloss.Style // secondary text: ids, legends, counts
	Bar              lipgloss.Style // strength bars
	Good, Bad        lipgloss.Style // checks that held / did not
	Warn             lipgloss.Style

	Rel    lipgloss.Style // the + / − that says how a node bears on its parent
	Branch lipgloss.Style // tree connectors and table rules
	Track  lipgloss.Style // the empty part of a bar
	Quote  lipgloss.Style // quoted source text
}

var categoryColors = []color.Color{
	lipgloss.Color("5"), // magenta
	lipgloss.Color("6"), // cyan
	lipgloss.Color("3"), // yellow
	lipgloss.Color("4"), // blue
	lipgloss.Color("13"),
	lipgloss.Color("14"),
}

// NewStyles builds the styles for the given categories (in debate order, which fixes their
// colours).
func NewStyles(colorOn bool, categories []string) Styles {
	plain := lipgloss.NewStyle()
	s := Styles{Category: map[string]lipgloss.Style{}}
	if !colorOn {
		s.Pro, s.Con, s.Thesis, s.CategoryDefault = plain, plain, plain, plain
		s.Title, s.Heading, s.Dim, s.Muted, s.Bar, s.Good, s.Bad, s.Warn = plain, plain, plain, plain, plain, plain, plain, plain
		s.Rel, s.Branch, s.Track, s.Quote = plain, plain, plain, plain
		for _, c := range categories {
			s.Category[c] = plain
		}
		return s
	}
	s.Pro = plain.Foreground(lipgloss.Color("2")).Bold(true)
	s.Con = plain.Foreground(lipgloss.Color("1")).Bold(true)
	s.Thesis = plain.Bold(true)
	s.CategoryDefault = plain.Foreground(lipgloss.Color("7"))
	for i, c := range categories {
		s.Category[c] = plain.Foreground(categoryColors[i%len(categoryColors)])
	}
	s.Title = plain.Bold(true)
	s.Heading = plain.Bold(true)
	s.Dim = plain.Faint(true)
	s.Muted = plain.Foreground(lipgloss.Color("8"))
	s.Bar = plain.Foreground(lipgloss.Color("4"))
	s.Good = plain.Foreground(lipgloss.Color("2"))
	s.Bad = plain.Foreground(lipgloss.Color("1"))
	s.Warn = plain.Foreground(lipgloss.Color("3"))
	s.Rel = plain.Bold(true)
	s.Branch = plain.Foreground(lipgloss.Color("8"))
	s.Track = plain.Foreground(lipgloss.Color("8"))
	s.Quote = plain.Italic(true)
	return s
}

// CategoryStyle returns the style of a category.
func (s Styles) CategoryStyle(c string) lipgloss.Style {
	if st, ok := s.Category[c]; ok {
		return st
	}
	return s.CategoryDefault
}

// SideStyle returns the style of a side.
func (s Styles) SideStyle(side string) lipgloss.Style {
	if side == "con" {
		return s.Con
	}
	return s.Pro
}

// Glyphs are the characters views draw with: Unicode by default, ASCII with --ascii.
type Glyphs struct {
	Branch, LastBranch, Pipe, Gap string // tree connectors, each 4 columns wide
	Support, Attack               string // how a node bears on its parent
	Inferred                      string // after Support or Attack: the relation is inferred
	See, SeeBelow                 string // a node shown in full above, below
	Full, Half, Empty             string // bar cells
	Ellipsis, Dot, Dash           string
	OpenQuote, CloseQuote         string
	Thesis                        string // the mark before the thesis
}

// NewGlyphs returns the glyph set for ASCII or Unicode output.
func NewGlyphs(ascii bool) Glyphs {
	if ascii {
		return Glyphs{
			Branch: "|-- ", LastBranch: "`-- ", Pipe: "|   ", Gap: "    ",
			Support: "+", Attack: "-", Inferred: "~", See: "^", SeeBelow: "v",
			Full: "#", Half: "=", Empty: ".",
			Ellipsis: "...", Dot: "|", Dash: "--",
			OpenQuote: `"`, CloseQuote: `"`,
			Thesis: "*",
		}
	}
	return Glyphs{
		Branch: "├── ", LastBranch: "└── ", Pipe: "│   ", Gap: "    ",
		Support: "+", Attack: "−", Inferred: "~", See: "↑", SeeBelow: "↓",
		Full: "█", Half: "▌", Empty: "░",
		Ellipsis: "…", Dot: "·", Dash: "—",
		OpenQuote: "“", CloseQuote: "”",
		Thesis: "◆",
	}
}
