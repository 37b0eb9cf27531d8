// Package render draws the debate for a terminal: trees, tables, charts. It is the only package
// that imports lipgloss, and every style it uses comes from one Styles value.
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
		for _, c := range categories {
			s.Category[c] = plain
		}
		return s
	}
	s.Pro = plain.Foreground(lipgloss.Color("2")).Bold(true)
	s.Con = plain.Foreground(lipgloss.Color("1")).Bold(true)
	s.Thesis = plain.Bold(true).Underline(true)
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
	return s
}

// CategoryStyle returns the style of a category.
func (s Styles) CategoryStyle(c string) lipgloss.Style {
	if st, ok := s.Category[c]; ok {
		return st
	}
	return s.CategoryDefault
}
