package cli

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/safetext"
)

// checkID returns a usage error naming the nearest ids when id names no node of g.
func checkID(g *argument.Graph, id string) error {
	if _, ok := g.Index(id); ok {
		return nil
	}
	ids := make([]string, g.Len())
	for i := range ids {
		ids[i] = g.ID(i)
	}
	msg := "no argument with id " + safetext.Quote(id)
	if odd := safetext.MixedScript(id); odd != nil {
		msg += " (it holds " + safetext.RuneNames(odd) + ")"
	}
	if near := nearest(id, ids, 3); len(near) > 0 {
		for i, n := range near {
			near[i] = safetext.Line(n)
		}
		msg += ": did you mean " + strings.Join(near, ", ") + "?"
	}
	return usageErrorf("%s (argmap list shows every id)", msg)
}

// nearest returns up to n ids close to q: those q is a prefix of first, then those within an
// edit distance of a third of q's length, closest first, ties in the ids' order.
func nearest(q string, ids []string, n int) []string {
	type cand struct {
		id   string
		dist int
		ord  int
	}
	lq := strings.ToLower(q)
	var cands []cand
	for i, id := range ids {
		lid := strings.ToLower(id)
		switch d := argument.Distance(lq, lid); {
		case q != "" && strings.HasPrefix(lid, lq):
			cands = append(cands, cand{id, -1, i})
		case d <= max(2, len([]rune(q))/3):
			cands = append(cands, cand{id, d, i})
		case len(lq) >= 4 && strings.Contains(lid, lq):
			cands = append(cands, cand{id, len(lid), i})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.dist - b.dist })
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.id)
	}
	return out
}

// getOptions are the flags of argmap get.
type getOptions struct {
	app    *App
	view   viewFlags
	id     string
	format formatFlag
}

func newGetCmd(app *App) *cobra.Command {
	opts := &getOptions{app: app}
	cmd := &cobra.Command{
		Use:   "get ID",
		Short: "Show everything about one argument (or the thesis)",
		Long: `Show everything about one argument: title, side, category and strength, claim, reasoning,
quotes and evidence with their sources, what it supports and attacks, what supports and attacks
it, tags, note, and the file and line where it is defined. Give the thesis id for the thesis.`,
		Example: `  argmap get drain-manpower
  argmap get drain-manpower --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			return runGet(opts)
		},
	}
	opts.format.add(cmd, textOrJSON...)
	opts.view.add(cmd)
	return cmd
}

func runGet(opts *getOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	view, err := opts.view.options(opts.app)
	if err != nil {
		return err
	}
	g, err := opts.app.Graph()
	if err != nil {
		return err
	}
	if err := checkID(g, opts.id); err != nil {
		return err
	}
	i, _ := g.Index(opts.id)
	if opts.format.is("json") {
		return render.NodeJSON(opts.app.IO.Out, g, i)
	}
	pos := g.Debate.Thesis.Pos
	if a := g.Argument(i); a != nil {
		pos = a.Pos
	}
	return render.Detail(opts.app.IO.Out, g, i, render.DetailOptions{Options: view, Location: location(opts.app, pos)})
}

// location says where pos is, as a reader can find it. The loader already names files by the
// corpus folder as given; the built-in debate's files are in the source tree's arguments folder.
func location(app *App, pos argument.Pos) string {
	if pos.IsZero() {
		return ""
	}
	if app.corpusDisplayDir() == "" {
		return fmt.Sprintf("%s:%d (built in)", path.Join("arguments", pos.File), pos.Line)
	}
	return fmt.Sprintf("%s:%d", pos.File, pos.Line)
}
