package cli

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
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
	expect      string
	// minMargin is --min-margin; hasMinMargin says it was given.
	minMargin    float64
	hasMinMargin bool
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
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.hasMinMargin = cmd.Flags().Changed("min-margin")
			return runCompare(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.profiles, "profile", nil, "compare under the corpus profile `name` (repeatable)")
	fl.BoolVar(&opts.allProfiles, "all-profiles", false, "compare under every profile of the corpus")
	fl.StringArrayVar(&opts.weights, "weights", nil, "compare under these category `weights`, e.g. moral=2,strategic=1 (repeatable)")
	fl.StringArrayVar(&opts.files, "weights-file", nil, "compare under the weights in this YAML or JSON `file` (repeatable)")
	fl.StringSliceVar(&opts.semantics, "semantics", nil, "semantics to compare: "+semanticsList()+", or all (repeatable or comma-separated; default dfquad)")
	fl.BoolVar(&opts.details, "details", false, "with --format json, include every argument's row in each result")
	opts.format.add(cmd, textOrJSON...)
	fl.StringVar(&opts.expect, "expect", "", "exit 1 unless every row's verdict is this `verdict`: pro, con or tie")
	fl.Float64Var(&opts.minMargin, "min-margin", 0, "exit 1 unless every row's absolute margin is at least `X`")
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
	expect, err := parseExpect(opts.expect)
	if err != nil {
		return err
	}
	if opts.hasMinMargin && !(opts.minMargin >= 0) || math.IsInf(opts.minMargin, 0) {
		return usageErrorf("invalid --min-margin %v: give a number of 0 or more", opts.minMargin)
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
		err = writeScoreJSON(app.IO.Out, docs)
	} else {
		view, verr := opts.view.options(app)
		if verr != nil {
			return verr
		}
		err = render.Compare(app.IO.Out, rows, render.CompareOptions{
			Options: view,
			Styles:  render.NewStyles(view.Color, d.Categories),
			Table:   app.IO.OutTTY,
		})
	}
	if err != nil {
		return err
	}
	return compareGates(rows, expect, opts.hasMinMargin, opts.minMargin)
}

// compareGates applies --expect and --min-margin to every row: they hold only when every row
// meets them, and the message names the rows that do not (the first few, and how many).
func compareGates(rows []render.CompareRow, expect score.Verdict, hasMin bool, minMargin float64) error {
	var failed []string
	for _, row := range rows {
		if checkGates(row.Result, expect, hasMin, minMargin) != nil {
			failed = append(failed, fmt.Sprintf("%s/%s %s %s", row.Label, row.Result.Semantics, row.Result.Verdict, report.Margin(row.Result.Margin)))
		}
	}
	if len(failed) == 0 {
		return nil
	}
	var want []string
	if expect != "" {
		want = append(want, "verdict "+string(expect))
	}
	if hasMin {
		want = append(want, fmt.Sprintf("margin at least %g", minMargin))
	}
	const shown = 5
	list := strings.Join(failed[:min(len(failed), shown)], ", ")
	if len(failed) > shown {
		list += fmt.Sprintf(" and %d more", len(failed)-shown)
	}
	return &CheckError{Msg: fmt.Sprintf("%d of %d rows do not have %s: %s", len(failed), len(rows), strings.Join(want, " and "), safetext.Line(list))}
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
