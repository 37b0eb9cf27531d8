package tui

import (
	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
)

// forest is report's argument tree (the thesis's, then the trees of the arguments with no path
// to it) with what the explorer needs to move in it: where each node is in full, each row's
// parent, and which rows are roots of an unconnected tree.
type forest struct {
	t      *report.Tree
	full   map[int]*report.Row
	parent map[*report.Row]*report.Row
	loose  map[*report.Row]bool
}

// buildForest grows the tree under the view filter: the matches and their ancestors (what they
// support or attack, transitively), the ancestors that do not match kept as context.
func buildForest(g *argument.Graph, flt argument.Filter) *forest {
	// From the thesis, BuildTree fails only for an unknown root, and there is none.
	t, _ := report.BuildTree(g, report.TreeOptions{Filter: flt})
	f := &forest{t: t, full: map[int]*report.Row{}, parent: map[*report.Row]*report.Row{}, loose: map[*report.Row]bool{}}
	for _, r := range t.Unconnected {
		f.loose[r] = true
	}
	t.Walk(func(r *report.Row) bool {
		if r.Kind == report.RowFull {
			f.full[r.Node] = r
		}
		for _, k := range r.Children {
			f.parent[k] = r
		}
		return true
	})
	return f
}

// row is one visible line of the tree pane.
type row struct {
	*report.Row
	prefix string // the connectors before it
}

// flatten lists the rows the folds leave open, with their connectors.
func (f *forest) flatten(folded map[int]bool, gl render.Glyphs) []row {
	var rows []row
	var walk func(r *report.Row, prefix, lead string)
	walk = func(r *report.Row, prefix, lead string) {
		rows = append(rows, row{Row: r, prefix: prefix + lead})
		if r.Kind != report.RowFull || folded[r.Node] {
			return
		}
		next := prefix
		if r.Depth > 0 {
			if lead == gl.LastBranch {
				next += gl.Gap
			} else {
				next += gl.Pipe
			}
		}
		for i, k := range r.Children {
			l := gl.Branch
			if i == len(r.Children)-1 {
				l = gl.LastBranch
			}
			walk(k, next, l)
		}
	}
	walk(f.t.Root, "", "")
	for _, r := range f.t.Unconnected {
		walk(r, "", "")
	}
	return rows
}

// unfoldTo opens every fold above the place where x is in full.
func (f *forest) unfoldTo(x int, folded map[int]bool) {
	for r := f.parent[f.full[x]]; r != nil; r = f.parent[r] {
		delete(folded, r.Node)
	}
}
