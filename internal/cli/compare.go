package cli

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/score"
)

// compareOptions are the flags of argmap compare.
type compareOptions struct {
	app         *App
	profiles    []string
	allProfiles bool
	weights     []string
	files       []string
	semantics   []string
	details     bool
	format      formatFlag
	filters     filterFlags
	view        viewFlags
}

func newCompareCmd(app *App) *cobra.Command {
	opts := &compareOptions{app: app}
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Set verdicts side by side across weightings and semantics",
		Long: `Score the debate under several weightings and semantics and show the verdicts side by side:
one row per weighting and semantics, with the thesis's score, the margin and the verdict.

Weightings come from --profile (repeatable), --all-profiles, --weights (repeatable) and
--weights-file (repeatable), in that order; semantics from --semantics (repeatable,
comma-separated, or all). With no weighting, every profile of the corpus is used; with no
semantics, the default (dfquad).

On a terminal the rows form a table; piped, they are tab-separated with a header line.`,
		Example: `  argmap compare
  argmap compare --semantics all --profile humanitarian --profile war-strategist
  argmap compare --weights moral=1 --weights moral=3 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCompare(opts) },
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.profiles, "profile", nil, "compare under the corpus profile `name` (repeatable)")
	fl.BoolVar(&opts.allProfiles, "all-profiles", false, "compare under every profile of the corpus")
	fl.StringArrayVar(&opts.weights, "weights", nil, "compare under these category `weights`, e.g. moral=2,strategic=1 (repeatable)")
	fl.StringArrayVar(&opts.files, "weights-file", nil, "compare under the weights in this YAML or JSON `file` (repeatable)")
	fl.StringSliceVar(&opts.semantics, "semantics", nil, "semantics to compare: "+semanticsList()+", or all (repeatable or comma-separated; default dfquad)")
	fl.BoolVar(&opts.details, "details", false, "with --format json, include every argument's row in each result")
	opts.format.add(cmd, textOrJSON...)
	opts.filters.add(cmd)
	opts.view.add(cmd)
	return cmd
}

// weighting is one named set of weights to compare under.
type weighting struct {
	label   string
	weights score.Weights
}

func runCompare(opts *compareOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	sems, err := compareSemantics(opts.semantics)
	if err != nil {
		return err
	}
	app := opts.app
	d, err := app.Load()
	if err != nil {
		return err
	}
	ws, err := opts.weightings(d)
	if err != nil {
		return err
	}
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}
	var rows []render.CompareRow
	for _, w := range ws {
		for _, sem := range sems {
			r, err := score.EvaluateWith(g, w.weights, sem, score.Options{NoContributions: !opts.details})
			if err != nil {
				return err
			}
			for _, warning := range r.Warnings {
				app.IO.Err.Write([]byte("argmap: warning: " + w.label + ", " + string(sem) + ": " + warning + "\n"))
			}
			rows = append(rows, render.CompareRow{Label: w.label, Result: r})
		}
	}
	if opts.format.is("json") {
		docs := make([]any, len(rows))
		for i, row := range rows {
			docs[i] = row.Result.Document(row.Label, opts.details)
		}
		return writeScoreJSON(app.IO.Out, docs)
	}
	view, err := opts.view.options(app)
	if err != nil {
		return err
	}
	return render.Compare(app.IO.Out, rows, render.CompareOptions{
		Options: view,
		Styles:  render.NewStyles(view.Color, d.Categories),
		Table:   app.IO.OutTTY,
	})
}

// weightings lists the weightings the flags ask for, in flag order: profiles, weights, files.
// With none, every profile (or, in a corpus without profiles, the default weights).
func (opts *compareOptions) weightings(d *argument.Debate) ([]weighting, error) {
	names := opts.profiles
	if opts.allProfiles || len(opts.profiles)+len(opts.weights)+len(opts.files) == 0 {
		names = append(names, d.ProfileNames()...)
	}
	var ws []weighting
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		w, err := profileWeights(d, n)
		if err != nil {
			return nil, err
		}
		ws = append(ws, weighting{label: n, weights: w})
	}
	for _, spec := range opts.weights {
		w, err := parseWeightsFlag(d, spec)
		if err != nil {
			return nil, err
		}
		ws = append(ws, weighting{label: spec, weights: w})
	}
	for _, f := range opts.files {
		w, err := readWeightsFile(d, f)
		if err != nil {
			return nil, err
		}
		ws = append(ws, weighting{label: filepath.Base(f), weights: w})
	}
	if len(ws) == 0 {
		ws = append(ws, weighting{label: "default", weights: score.Weights{}})
	}
	return ws, nil
}

// compareSemantics reads the --semantics values: names, comma lists, or all.
func compareSemantics(vals []string) ([]score.Semantics, error) {
	var sems []score.Semantics
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if strings.EqualFold(v, "all") {
			sems = append(sems, score.AllSemantics...)
			continue
		}
		s, err := parseSemantics(v)
		if err != nil {
			return nil, err
		}
		sems = append(sems, s)
	}
	if len(sems) == 0 {
		return []score.Semantics{score.DefaultSemantics}, nil
	}
	// Each semantics once, in the order first asked for.
	out := sems[:0:0]
	for _, s := range sems {
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out, nil
}
