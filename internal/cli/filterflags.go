package cli

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/safetext"
)

// filterFlags are the argument filters shared by show, list, score and export. Bind them with
// add, then turn them into an argument.Filter with resolve once the debate is loaded (the valid
// categories and tags come from the corpus).
type filterFlags struct {
	side        string
	categories  []string
	tags        []string
	minStrength float64
	search      string
	relations   string
}

// add registers the filter flags on cmd.
func (f *filterFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.side, "side", "", "only arguments on this `side`: pro or con")
	fl.StringSliceVar(&f.categories, "category", nil, "only arguments in these `categories` (repeatable or comma-separated)")
	fl.StringSliceVar(&f.tags, "tag", nil, "only arguments with one of these `tags` (repeatable or comma-separated)")
	fl.Var((*strengthValue)(&f.minStrength), "min-strength", "only arguments of at least this `strength` (0 to 1)")
	fl.StringVar(&f.search, "search", "", "only arguments whose title, claim, reasoning or quotes contain `text` (any case)")
	fl.StringVar(&f.relations, "relations", "all", "which `relations` to keep: all, or stated (only those the source itself makes)")
}

// resolve checks the flags against the debate and returns the filter they ask for. A value the
// debate cannot match is a usage error that lists the valid values.
func (f *filterFlags) resolve(d *argument.Debate) (argument.Filter, error) {
	flt := argument.Filter{
		Categories:  cleanList(f.categories),
		Tags:        cleanList(f.tags),
		MinStrength: f.minStrength,
		Search:      strings.TrimSpace(f.search),
	}
	if s := strings.ToLower(strings.TrimSpace(f.side)); s != "" {
		flt.Sides = []argument.Side{argument.Side(s)}
	}
	if r := strings.ToLower(strings.TrimSpace(f.relations)); r != "" && r != "all" {
		flt.Relations = argument.Basis(r)
	}
	if err := flt.Check(d); err != nil {
		return argument.Filter{}, &UsageError{Err: err}
	}
	return flt, nil
}

// describe writes the filters given, as flags, for a message: "--side con, --tag x".
func (f *filterFlags) describe() string {
	var parts []string
	if s := strings.TrimSpace(f.side); s != "" {
		parts = append(parts, "--side "+s)
	}
	if c := cleanList(f.categories); len(c) > 0 {
		parts = append(parts, "--category "+strings.Join(c, ","))
	}
	if t := cleanList(f.tags); len(t) > 0 {
		parts = append(parts, "--tag "+strings.Join(t, ","))
	}
	if f.minStrength != 0 {
		parts = append(parts, "--min-strength "+strconv.FormatFloat(f.minStrength, 'g', -1, 64))
	}
	if s := strings.TrimSpace(f.search); s != "" {
		parts = append(parts, "--search "+strconv.Quote(s))
	}
	return safetext.Line(strings.Join(parts, ", "))
}

// strengthValue is a float flag whose parse error says what to give.
type strengthValue float64

func (v *strengthValue) String() string { return strconv.FormatFloat(float64(*v), 'g', -1, 64) }
func (v *strengthValue) Type() string   { return "number" }
func (v *strengthValue) Set(s string) error {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return errors.New("give a number from 0 to 1")
	}
	*v = strengthValue(f)
	return nil
}

// cleanList trims each value and drops empty ones, so "moral, strategic" and "moral,,"
// mean what they look like.
func cleanList(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// viewFlags are the layout flags of the terminal views (show, list, get, and score's views).
type viewFlags struct {
	width int
	ascii bool
}

func (v *viewFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.IntVar(&v.width, "width", 0, "lay out for this many `columns` (default: the terminal's width, or 80)")
	fl.BoolVar(&v.ascii, "ascii", false, "draw with ASCII characters only")
}

// options decides colour and width once, from the flags, the environment and the terminal.
func (v *viewFlags) options(app *App) (render.Options, error) {
	if v.width < 0 {
		return render.Options{}, usageErrorf("invalid --width %d: give a number of columns, at least %d", v.width, render.MinWidth)
	}
	return render.Options{
		Color: app.IO.ColorEnabled(app.NoColor),
		Width: app.IO.TermWidth(v.width),
		ASCII: v.ascii,
	}, nil
}
