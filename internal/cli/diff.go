package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/diff"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/gitfs"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/wire"
)

// diffOptions are the flags of argmap diff.
type diffOptions struct {
	app             *App
	format          formatFlag
	profiles        []string
	weights         []string
	semantics       []string
	failOnFlip      bool
	maxMarginChange float64
	hasMaxMargin    bool
	view            viewFlags
}

func newDiffCmd(app *App) *cobra.Command {
	opts := &diffOptions{app: app}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what a change does to the debate: arguments, relations and verdicts",
		Long: `Compare two versions of a debate: the arguments added, removed and changed (which fields,
old and new), the relations added and removed, the profiles changed; then the verdict and
margin before and after under every profile of either side, flips first.

Each side is a folder or a git revision (a branch, tag or commit of the repository the current
folder is in). A folder is used as it is; a revision is read with git (git ls-tree and git
cat-file), never checked out, so the work tree and the index stay untouched. --corpus names
the corpus folder inside each side (default "."), so 'argmap --corpus debate diff main .'
compares debate/ on main with debate/ in the work tree. A name that is both an existing
folder and a revision is taken as the folder.

With --fail-on-flip or --max-margin-change, diff is a check for CI: it still prints the
report, and exits 1 when a verdict flips or a margin moves more than allowed.`,
		Example: `  argmap --corpus debate diff main HEAD
  argmap --corpus debate diff HEAD~1 . --format markdown > comment.md
  argmap diff old-debate/ new-debate/ --semantics all --fail-on-flip`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErrorf("diff takes two sides, OLD and NEW (folders or git revisions); got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.hasMaxMargin = cmd.Flags().Changed("max-margin-change")
			return runDiff(opts, args[0], args[1])
		},
	}
	fl := cmd.Flags()
	opts.format.add(cmd, "text", "json", "markdown")
	fl.StringArrayVar(&opts.profiles, "profile", nil, "score under this profile `name` of either side instead of every profile (repeatable)")
	fl.StringArrayVar(&opts.weights, "weights", nil, "score under these category `weights`, e.g. moral=2,strategic=1 (repeatable)")
	fl.StringSliceVar(&opts.semantics, "semantics", nil, "semantics to score under: "+semanticsList()+", or all (default dfquad)")
	fl.BoolVar(&opts.failOnFlip, "fail-on-flip", false, "exit 1 when any verdict flips")
	fl.Float64Var(&opts.maxMarginChange, "max-margin-change", 0, "exit 1 when any margin moves by more than `X`")
	opts.view.add(cmd)
	return cmd
}

func runDiff(opts *diffOptions, oldArg, newArg string) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	if opts.hasMaxMargin && (!(opts.maxMarginChange >= 0) || math.IsInf(opts.maxMarginChange, 0)) {
		return usageErrorf("invalid --max-margin-change %v: give a number of 0 or more", opts.maxMarginChange)
	}
	sems, err := compareSemantics(opts.semantics)
	if err != nil {
		return err
	}
	app := opts.app
	old, err := loadSide(app, oldArg)
	if err != nil {
		return err
	}
	new, err := loadSide(app, newArg)
	if err != nil {
		return err
	}
	ws, err := opts.weightings(old.graph.Debate, new.graph.Debate)
	if err != nil {
		return err
	}
	d := diff.Compare(old.graph.Debate, new.graph.Debate)
	d.Verdicts, err = diff.Verdicts(old.graph, new.graph, ws, sems)
	if err != nil {
		return err
	}
	report := diff.Report{Old: old.label, New: new.label, Diff: d}
	gate := diffGates(d, opts)
	if opts.failOnFlip || opts.hasMaxMargin {
		c := wire.Check{FailOnFlip: opts.failOnFlip}
		if opts.hasMaxMargin {
			c.MaxMarginChange = &opts.maxMarginChange
		}
		report.Check = held(c, gate)
	}
	switch opts.format.value {
	case "json":
		err = writeScoreJSON(app.IO.Out, report.Document())
	case "markdown":
		err = export.DiffMarkdown(app.IO.Out, &report)
	default:
		view, verr := opts.view.options(app)
		if verr != nil {
			return verr
		}
		cats := new.graph.Debate.Categories
		err = render.Diff(app.IO.Out, &report, render.DiffOptions{Options: view, Styles: render.NewStyles(view.Color, cats)})
	}
	if err != nil {
		return err
	}
	return gate
}

// diffGates applies --fail-on-flip and --max-margin-change.
func diffGates(d *diff.Diff, opts *diffOptions) error {
	var flips []string
	worst, worstLabel := 0.0, ""
	for _, v := range d.Verdicts {
		if v.Flipped() {
			flips = append(flips, fmt.Sprintf("%s/%s %s→%s", v.Label, v.Semantics, v.Old.Verdict, v.New.Verdict))
		}
		if m := math.Abs(v.MarginChange()); m > worst {
			worst, worstLabel = m, v.Label+"/"+string(v.Semantics)
		}
	}
	if opts.failOnFlip && len(flips) > 0 {
		what := "1 verdict flipped"
		if len(flips) > 1 {
			what = fmt.Sprintf("%d verdicts flipped", len(flips))
		}
		return &CheckError{Msg: what + ": " + safetext.Line(strings.Join(flips, ", "))}
	}
	if opts.hasMaxMargin && worst > opts.maxMarginChange+score.Tolerance {
		return &CheckError{Msg: fmt.Sprintf("margin under %s moved by %.3f, more than --max-margin-change %g", safetext.Line(worstLabel), worst, opts.maxMarginChange)}
	}
	return nil
}

// weightings lists what both sides are scored under: the --profile and --weights given, in
// that order, or every profile of either side.
func (opts *diffOptions) weightings(old, new *argument.Debate) ([]diff.Weighting, error) {
	all := diff.Weightings(old, new)
	if len(opts.profiles) == 0 && len(opts.weights) == 0 {
		return all, nil
	}
	var ws []diff.Weighting
	for _, name := range opts.profiles {
		found := false
		for _, w := range all {
			if w.Label == name {
				ws, found = append(ws, w), true
				break
			}
		}
		if !found {
			names := append(old.ProfileNames(), new.ProfileNames()...)
			return nil, usageErrorf("unknown profile %q: neither side has it; use one of %s", name, strings.Join(dedupe(names), ", "))
		}
	}
	for _, spec := range opts.weights {
		w, err := score.ParseWeights(spec)
		if err != nil {
			return nil, usageErrorf("invalid --weights: %w", err)
		}
		ws = append(ws, diff.Weighting{Label: spec, Old: w, New: w})
	}
	return ws, nil
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// side is one loaded side of a diff.
type side struct {
	label string // how messages and the report name it
	graph *argument.Graph
}

// loadSide loads a side: a folder as it is, else a git revision of the repository the current
// folder is in. Either way the corpus is --corpus (or ARGMAP_CORPUS) inside it, "." by default,
// and it goes through the same loader, with the same limits, as any corpus.
func loadSide(app *App, arg string) (*side, error) {
	sub := app.corpusDisplayDir()
	if sub == "" {
		sub = "."
	}
	if info, err := os.Stat(arg); err == nil && info.IsDir() {
		dir := filepath.Join(arg, sub)
		if filepath.IsAbs(sub) {
			dir = sub
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("corpus folder %s does not exist: give --corpus the corpus folder inside %s", safetext.Line(dir), safetext.Line(arg))
			}
			return nil, fmt.Errorf("cannot read corpus folder %s: %w", safetext.Line(dir), err)
		}
		g, _, err := corpus.LoadGraph(root.FS(), ".", dir)
		if err != nil {
			return nil, err
		}
		return &side{label: dir, graph: g}, nil
	}
	if filepath.IsAbs(sub) {
		return nil, usageErrorf("--corpus %s is an absolute path: for a git revision give the corpus folder relative to the current folder", safetext.Line(sub))
	}
	rev, err := gitfs.Resolve(".", arg)
	if errors.Is(err, gitfs.ErrNotRepository) {
		return nil, fmt.Errorf("%s is neither a folder nor a git revision: the current folder is not in a git repository", safetext.Line(arg))
	}
	if err != nil {
		return nil, fmt.Errorf("%s is not a folder, and %s", safetext.Line(arg), safetext.Line(err.Error()))
	}
	defer rev.Close()
	fsys, err := rev.FS(filepath.ToSlash(sub))
	if err != nil {
		return nil, err
	}
	name := arg + ":" + filepath.ToSlash(sub)
	g, _, err := corpus.LoadGraph(fsys, ".", name)
	if err != nil {
		if _, statErr := fs.Stat(fsys, "."); statErr != nil {
			return nil, fmt.Errorf("revision %s has no folder %s: give --corpus the corpus folder inside the repository", safetext.Line(arg), safetext.Line(sub))
		}
		return nil, err
	}
	return &side{label: name, graph: g}, nil
}
