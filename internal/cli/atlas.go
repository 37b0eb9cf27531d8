package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

// atlasOptions are the flags of argmap atlas.
type atlasOptions struct {
	app        *App
	weights    weightFlags
	filters    filterFlags
	view       viewFlags
	format     formatFlag
	output     string
	resolution int
	axes       []string
}

func newAtlasCmd(app *App) *cobra.Command {
	opts := &atlasOptions{app: app}
	cmd := &cobra.Command{
		Use:   "atlas",
		Short: "Map the verdict over every weighting of the categories",
		Long: `Draw where the verdict stands over every way of weighing the categories. Weights are
relative, so every weighting is a point of the simplex of weights that are 0 or more and add up
to 1: with three categories a triangle, each corner giving one category all the weight and the
side facing it none; with two a strip. argmap scores the debate at every point of a lattice
--resolution steps an edge ((N+1)(N+2)/2 weightings) and colours each by its verdict, shaded by
the size of the margin, with the boundary where the verdict flips and every profile of the
corpus marked; --weights, --profile or --weights-file marks your own point too.

Under the picture, the headline: the share of the simplex under which the thesis wins, loses
and ties, per semantics (--semantics all draws one small map each). With four or more
categories, --axes names the three on the corners; the others keep their weights (1, or as
given), and the three share the total weight they have in your weighting.

Piped or without colour the cells are letters (P, C, =) with a legend, so a log still reads.
--format json writes the lattice (every cell's weights, margin and verdict), the shares, the
boundary and the marks; --format svg a self-contained picture. -o writes a file, whole or not
at all.`,
		Example: `  argmap atlas
  argmap atlas --profile author --semantics all
  argmap atlas --semantics sum --format svg -o atlas.svg
  argmap atlas --resolution 60 --format json | jq '.atlases[0].shares'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runAtlas(opts) },
	}
	opts.weights.add(cmd)
	opts.filters.add(cmd)
	opts.view.add(cmd)
	fl := cmd.Flags()
	fl.Lookup("semantics").Usage += ", or all (comma-separated: one map each)"
	opts.format.add(cmd, "text", "json", "svg")
	fl.StringVarP(&opts.output, "output", "o", "", "write to `file` instead of standard output")
	fl.IntVar(&opts.resolution, "resolution", score.DefaultAtlasResolution, "score `N` steps along each edge of the simplex")
	fl.StringSliceVar(&opts.axes, "axes", nil, "the three `categories` on the corners, with four or more (default: the first three)")
	return cmd
}

func runAtlas(opts *atlasOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if opts.resolution < 1 || opts.resolution > score.MaxAtlasResolution {
		return usageErrorf("invalid --resolution %d: give 1 to %d steps an edge", opts.resolution, score.MaxAtlasResolution)
	}
	sems, err := compareSemantics(strings.Split(opts.weights.semantics, ","))
	if err != nil {
		return err
	}
	app := opts.app
	view, err := opts.view.options(app)
	if err != nil {
		return err
	}
	var target *outputTarget
	if opts.output != "" {
		if target, err = exportTarget(app, opts.output); err != nil {
			return err
		}
		view.Color = false // a file is no terminal
	}
	d, err := app.Load()
	if err != nil {
		return err
	}
	wf := opts.weights
	wf.semantics = string(score.DefaultSemantics) // checked above, one or many
	w, label, _, err := wf.resolve(d)
	if err != nil {
		return err
	}
	axes := cleanList(opts.axes)
	if _, err := score.ResolveAxes(d.Categories, axes); err != nil {
		if len(axes) == 0 {
			return &UsageError{Err: err}
		}
		return &UsageError{Err: fmt.Errorf("invalid --axes: %w", err)}
	}
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}
	own := label != "default"
	atlases, err := atlasesOf(g, w, sems, opts.resolution, axes, report.AtlasMarks(d, w, label, own))
	if err != nil {
		return err
	}
	for _, a := range atlases {
		if !a.Converged {
			fmt.Fprintf(app.IO.Err, "argmap: warning: %s: some cycles did not settle; treat the cells near the boundary with care\n", a.Semantics)
		}
	}
	doc := &export.AtlasDoc{Title: d.Title, Atlases: atlases, Own: own}
	write := func(out io.Writer) error {
		ew := &errWriter{w: out}
		var err error
		switch opts.format.value {
		case "json":
			err = export.NewAtlasJSONEncoder(ew).Encode(doc)
		case "svg":
			err = export.NewAtlasSVGEncoder(ew).Encode(doc)
		default:
			err = render.Atlas(ew, atlases, render.AtlasOptions{
				Options: view, Styles: render.NewStyles(view.Color, d.Categories), Own: own, Label: label,
			})
		}
		if ew.err != nil {
			return ew.err
		}
		if err != nil {
			return &exportError{fmt.Errorf("cannot write the atlas: %w", err)}
		}
		return nil
	}
	if target == nil {
		return write(app.IO.Out)
	}
	err = target.write(write)
	if ee := (*exportError)(nil); errors.As(err, &ee) {
		return ee.err
	}
	return err
}

// atlasesOf scores one atlas per semantics.
func atlasesOf(g *argument.Graph, w score.Weights, sems []score.Semantics, resolution int, axes []string, marks []score.AtlasMark) ([]*score.Atlas, error) {
	var atlases []*score.Atlas
	for _, sem := range sems {
		a, err := score.NewAtlas(g, w, sem, score.AtlasOptions{Resolution: resolution, Axes: axes, Marks: marks})
		if err != nil {
			return nil, err
		}
		atlases = append(atlases, a)
	}
	return atlases, nil
}

// atlasSVGPath is where --atlas-svg writes: beside the brief, its extension replaced.
func atlasSVGPath(brief string) string {
	return strings.TrimSuffix(brief, filepath.Ext(brief)) + ".atlas.svg"
}
