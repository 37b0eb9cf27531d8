package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/wire"
)

// sensitivityOptions are the flags of argmap sensitivity.
type sensitivityOptions struct {
	app     *App
	weights weightFlags
	filters filterFlags
	span    string
	format  formatFlag
	top     int
	view    viewFlags
	// expectStable is --expect-stable; hasExpectStable says it was given.
	expectStable    float64
	hasExpectStable bool
}

func newSensitivityCmd(app *App) *cobra.Command {
	opts := &sensitivityOptions{app: app}
	cmd := &cobra.Command{
		Use:   "sensitivity",
		Short: "Show how far your weights and the arguments' strengths can move before the verdict flips",
		Long: `Find where the verdict flips. For each category, with the others held at their weights, every
weight in --range at which the verdict changes, and the interval around the current weight in
which it holds; the most critical category is the one whose weight needs the smallest relative
change to flip it. For each argument, the strengths from 0 to 1 at which it flips, the others
held.

Weights are relative (each is divided by the largest among the categories that hold arguments
of the whole debate), so raising one category's weight past the others' also shrinks theirs;
under a filter even a category whose arguments are all filtered out can flip the verdict that
way. A category can flip the verdict more than once.

Flips are found by scanning 256 steps of the range (32 of an argument's strength) and
bisecting to 1e-6; two flips closer together than a step can be missed. Under sum they come
from the exact closed form. A margin within 1e-9 of 0 is a tie: passing through it from pro to
con is one flip; touching it and going back is none. The range is widened to take in a weight
that lies outside it.`,
		Example: `  argmap sensitivity
  argmap sensitivity --profile author --range 0:5
  argmap sensitivity --weights moral=2 --semantics sum --format json
  argmap sensitivity --profile author --expect-stable 0.5`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.hasExpectStable = cmd.Flags().Changed("expect-stable")
			return runSensitivity(opts)
		},
	}
	opts.weights.add(cmd)
	opts.filters.add(cmd)
	fl := cmd.Flags()
	fl.StringVar(&opts.span, "range", "0:10", "scan each category weight over `FROM:TO` (0 ≤ FROM < TO)")
	opts.format.add(cmd, textOrJSON...)
	fl.IntVar(&opts.top, "top", 10, "list the `N` arguments nearest to flipping the verdict (text only)")
	fl.Float64Var(&opts.expectStable, "expect-stable", 0, "exit 1 when moving any one category weight by a factor within `X` flips the verdict (0.5: halved or raised by half)")
	opts.view.add(cmd)
	return cmd
}

func runSensitivity(opts *sensitivityOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	from, to, err := parseRange(opts.span)
	if err != nil {
		return err
	}
	if opts.top < 0 {
		return usageErrorf("invalid --top %d: give 0 or more", opts.top)
	}
	if opts.hasExpectStable && (!(opts.expectStable > 0) || math.IsInf(opts.expectStable, 0)) {
		return usageErrorf("invalid --expect-stable %v: give a relative change above 0, e.g. 0.5", opts.expectStable)
	}
	app := opts.app
	view, err := opts.view.options(app)
	if err != nil {
		return err
	}
	d, err := app.Load()
	if err != nil {
		return err
	}
	w, label, sem, err := opts.weights.resolve(d)
	if err != nil {
		return err
	}
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}
	if opts.hasExpectStable {
		// The gate looks up to (1+X) times each weight: the scan must reach that far.
		for _, c := range d.Categories {
			to = max(to, weightOf(w, c)*(1+opts.expectStable))
		}
	}
	s, err := score.AnalyzeSensitivity(g, w, sem, score.SensitivityOptions{From: from, To: to})
	if err != nil {
		return err
	}
	for _, warning := range s.Warnings {
		fmt.Fprintf(app.IO.Err, "argmap: warning: %s\n", warning)
	}
	var gate error
	if opts.hasExpectStable {
		gate = checkStable(s, opts.expectStable)
		s.Check = held(wire.Check{ExpectStable: &opts.expectStable}, gate)
	}
	if opts.format.is("json") {
		err = writeScoreJSON(app.IO.Out, s)
	} else {
		err = render.Sensitivity(app.IO.Out, s, render.SensitivityOptions{
			Options: view,
			Styles:  render.NewStyles(view.Color, d.Categories),
			Label:   label,
			Top:     opts.top,
			Debate:  d,
		})
	}
	if err != nil {
		return err
	}
	return gate
}

// weightOf is a category's weight as given, 1 when left out.
func weightOf(w score.Weights, c string) float64 {
	if v, ok := w[c]; ok {
		return v
	}
	return 1
}

// checkStable applies --expect-stable: no category's weight may flip the verdict within a
// relative change of x, down (to (1−x) times it) or up (to (1+x) times it). A weight of 0
// cannot move by a factor, so it is not checked.
func checkStable(s *score.Sensitivity, x float64) error {
	for _, c := range s.ByCategory {
		if c.Weight == 0 {
			continue
		}
		for _, f := range c.Flips {
			if rel := math.Abs(f.At-c.Weight) / c.Weight; rel <= x+score.FlipTolerance {
				return &CheckError{Msg: fmt.Sprintf("%s: moving its weight by %s (%s → %s) turns the verdict %s, within --expect-stable %g",
					safetext.Line(c.Category), report.Percent(rel), report.FlipFigure(c.Weight), report.FlipFigure(f.At), f.Beyond(c.Weight), x)}
			}
		}
	}
	return nil
}

// parseRange reads a --range value, FROM:TO.
func parseRange(spec string) (from, to float64, err error) {
	bad := func(why string) error {
		return usageErrorf("invalid --range %q: %s; give FROM:TO with 0 ≤ FROM < TO, e.g. 0:10", spec, why)
	}
	a, b, ok := strings.Cut(spec, ":")
	if !ok {
		return 0, 0, bad("no colon between the two ends")
	}
	num := func(s, end string) (float64, error) {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, bad(fmt.Sprintf("the %s %q is not a finite number", end, strings.TrimSpace(s)))
		}
		return x, nil
	}
	if from, err = num(a, "start"); err != nil {
		return 0, 0, err
	}
	if to, err = num(b, "end"); err != nil {
		return 0, 0, err
	}
	if err := score.CheckRange(from, to); err != nil {
		return 0, 0, bad(err.Error())
	}
	return from, to, nil
}
