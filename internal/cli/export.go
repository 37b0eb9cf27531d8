package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// exportOptions are the flags of argmap export.
type exportOptions struct {
	app     *App
	weights weightFlags
	filters filterFlags
	contrib contributionFlag
	format  formatFlag
	output  string
	span    string
	// atlasSVG writes the brief's atlas as an SVG beside it (-o FILE.md → FILE.atlas.svg).
	atlasSVG bool
	// images writes the map (FILE.map.svg) and the atlas beside the brief.
	images bool
	group  string
}

func newExportCmd(app *App) *cobra.Command {
	opts := &exportOptions{app: app}
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = string(f)
	}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the debate as a Markdown brief or a graph other tools read",
		Long: `Export the debate.

  markdown  a brief to hand out: verdict, every profile's verdict, where the verdict flips, a
            Mermaid map, a table of the arguments, each argument with its quotes and evidence,
            the sources
  json      the whole graph: debate, arguments, relations
  yaml      one canonical corpus file that loads back to the same debate
  dot       a Graphviz digraph
  mermaid   a Mermaid flowchart
  argdown   an Argdown document
  aif       the Argument Interchange Format, as AIFdb and OVA read it
  html      one self-contained page: the brief, the map (with Graphviz), every argument
            with its answers, and live weights re-scored in the page; no network needed
  svg       the map laid out by Graphviz (apt-get install graphviz): thesis on top, pro
            green and rounded, con red with cut corners, supports solid, attacks dashed,
            each edge as wide as its argument's contribution; --group category clusters
  png       the same map as a PNG image

The filters keep only the matching arguments and the relations among them. The weights and
semantics decide the brief's verdict, scores and where the verdict flips (as argmap sensitivity
finds it, each category's weight scanned over --range), and its "What decides it" lists the
arguments that push the margin most each way by --contributions (Shapley values by default;
see argmap score --help); the widths of the map's edges in svg, png and html follow the same
weights and semantics; the other formats use none of them. The html page explains by shapley or
removal, which its script recomputes at every move of a slider (restricted and gradient are
refused); where Shapley values would be sampled it explains by removal, and says so.

Output goes to standard output, or with -o to a file, written whole or not at all (a temporary
file in the same folder, synced, then renamed; a file replaced keeps its mode). A device or
named pipe (/dev/stdout, a FIFO) is written in place, as a shell redirect would. A file inside
the corpus folder is never written.`,
		Example: `  argmap export > brief.md
  argmap export --format markdown --profile humanitarian -o brief.md
  argmap export --format svg --group category -o map.svg
  argmap export --format html -o brief.html
  argmap export --format yaml --corpus drafts/ -o merged.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runExport(opts) },
	}
	opts.weights.add(cmd)
	opts.filters.add(cmd)
	opts.contrib.add(cmd)
	opts.format.add(cmd, names...)
	fl := cmd.Flags()
	fl.StringVarP(&opts.output, "output", "o", "", "write to `file` instead of standard output")
	fl.StringVar(&opts.span, "range", "0:10", "in the brief, scan each category weight over `FROM:TO` (0 ≤ FROM < TO)")
	fl.BoolVar(&opts.atlasSVG, "atlas-svg", false, "with --format markdown and -o FILE.md, also write the atlas as FILE.atlas.svg beside it and link it")
	fl.BoolVar(&opts.images, "images", false, "with --format markdown and -o FILE.md, also write the map as FILE.map.svg (needs Graphviz) and the atlas as FILE.atlas.svg beside it and link them")
	fl.StringVar(&opts.group, "group", "", "in svg, png and html, draw each `category` as a cluster of the map")
	return cmd
}

func runExport(opts *exportOptions) error {
	if err := opts.format.check(); err != nil {
		return err
	}
	format, err := export.ParseFormat(opts.format.value)
	if err != nil {
		return err // the flag offers only export's formats: this cannot happen
	}
	from, to, err := parseRange(opts.span)
	if err != nil {
		return err
	}
	funcs, err := opts.contrib.resolve()
	if err != nil {
		return err
	}
	if opts.group != "" && opts.group != "category" {
		return usageErrorf("unknown --group %q: use --group category", opts.group)
	}
	if opts.images && (format != export.Markdown || opts.output == "") {
		return usageErrorf("--images needs --format markdown and -o FILE.md: the map is written beside the brief")
	}
	opts.atlasSVG = opts.atlasSVG || opts.images
	var layout export.Layout
	if format == export.SVG || format == export.PNG || opts.images {
		dot, err := export.FindDot()
		if err != nil {
			return fmt.Errorf("cannot export as %s: %w", format, err)
		}
		layout = dot
	}
	app := opts.app
	if opts.atlasSVG && (format != export.Markdown || opts.output == "") {
		return usageErrorf("--atlas-svg needs --format markdown and -o FILE: the SVG is written beside the brief")
	}
	var target, svgTarget, mapTarget *outputTarget
	if opts.output != "" {
		if target, err = exportTarget(app, opts.output); err != nil {
			return err
		}
		if opts.images {
			if mapTarget, err = exportTarget(app, mapSVGPath(opts.output)); err != nil {
				return err
			}
		}
		if opts.atlasSVG {
			if svgTarget, err = exportTarget(app, atlasSVGPath(opts.output)); err != nil {
				return err
			}
		}
	}
	d, err := app.Load()
	if err != nil {
		return err
	}
	w, _, sem, err := opts.weights.resolve(d)
	if err != nil {
		return err
	}
	g, err := scoreGraph(app, &opts.filters)
	if err != nil {
		return err
	}

	var brief *export.Brief
	var mapOpts export.MapOptions
	if format == export.SVG || format == export.PNG || format == export.HTML || opts.images {
		if mapOpts.Result, err = score.Evaluate(g, w, sem); err != nil {
			return err
		}
		mapOpts.GroupCategory = opts.group == "category"
	}
	var mapSVG []byte
	var omitted int
	var explain export.PageContribution
	if format == export.HTML {
		// The page explains the verdict by a function its script computes at every move.
		if explain, err = export.NewPageContribution(g, opts.contrib.fit(funcs, g, shapleyDefaultLimit)); err != nil {
			return usageErrorf("invalid --contributions %s for --format html: %v; use one of those, or --format markdown for %s", explain.Asked, err, explain.Asked)
		}
		if explain.FellBack() && opts.contrib.cmd.Flags().Changed("contributions") {
			fmt.Fprintf(app.IO.Err, "argmap: warning: the page explains the verdict by removal: the Shapley values of its %s arguments that reach the thesis would be sampled (they are exact up to %d), which the page cannot redo at every move\n", report.Thousands(explain.Players), explain.Limit)
		}
		// The page is whole without the map: Graphviz missing, or a debate too large to draw,
		// only leaves it out.
		if n := len(g.Arguments()); n > export.PageMapArguments {
			omitted = n
		} else if dot, err := export.FindDot(); err == nil {
			if mapSVG, err = export.RenderMap(context.Background(), dot, g, mapOpts, "svg"); err != nil {
				return fmt.Errorf("cannot export as html: %w", err)
			}
		}
		if brief, err = exportBrief(opts, g, w, sem, []score.ContributionFunc{explain.Func}, score.SensitivityOptions{From: from, To: to}); err != nil {
			return err
		}
	}
	if format == export.Markdown {
		side, err := oneSide(app, &opts.filters)
		if err != nil {
			return err
		}
		if side != "" {
			if brief, err = oneSideBrief(opts, side, w, sem); err != nil {
				return err
			}
		} else if brief, err = exportBrief(opts, g, w, sem, opts.contrib.fit(funcs, g, shapleyDefaultLimit), score.SensitivityOptions{From: from, To: to}); err != nil {
			return err
		}
		if svgTarget != nil && brief.Atlas != nil {
			// The picture first: a brief is never left linking to a file not written.
			doc := &export.AtlasDoc{Title: d.Title, Atlases: []*score.Atlas{brief.Atlas}, Own: brief.AtlasOwn}
			err := svgTarget.write(func(out io.Writer) error {
				return export.NewAtlasSVGEncoder(out).Encode(doc)
			})
			if err != nil {
				return err
			}
			brief.AtlasImage = filepath.Base(atlasSVGPath(opts.output))
		}
		if mapTarget != nil {
			svg, err := export.RenderMap(context.Background(), layout, g, mapOpts, "svg")
			if err != nil {
				return fmt.Errorf("cannot draw the map: %w", err)
			}
			if err := mapTarget.write(func(out io.Writer) error {
				_, err := out.Write(svg)
				return err
			}); err != nil {
				return err
			}
			brief.MapImage = filepath.Base(mapSVGPath(opts.output))
		}
	}
	// The document is streamed, not built whole (a brief of 100,000 arguments is 150 MB): each
	// encoder checks all that can fail before it writes its first byte, so an error still
	// leaves nothing on standard output, and -o writes a temporary file that replaces the
	// target only once the document is whole.
	encode := func(out io.Writer) error {
		ew := &errWriter{w: out}
		var err error
		switch format {
		case export.Markdown:
			err = export.NewMarkdownEncoder(ew).Encode(brief)
		case export.JSON:
			err = export.NewJSONEncoder(ew).Encode(g)
		case export.YAML:
			err = export.NewYAMLEncoder(ew).Encode(g)
		case export.DOT:
			err = export.NewDOTEncoder(ew).Encode(g)
		case export.Mermaid:
			err = export.NewMermaidEncoder(ew).Encode(g)
		case export.Argdown:
			err = export.NewArgdownEncoder(ew).Encode(g)
		case export.AIF:
			err = export.NewAIFEncoder(ew).Encode(g)
		case export.HTML:
			err = export.NewHTMLEncoder(ew, mapSVG).Explain(explain).OmitMap(omitted).Encode(brief)
		case export.SVG, export.PNG:
			err = export.NewPictureEncoder(ew, layout, string(format)).Encode(context.Background(), g, mapOpts)
		}
		if ew.err != nil {
			return ew.err // the output failed, not the export
		}
		if err != nil {
			return &exportError{fmt.Errorf("cannot export as %s: %w", format, err)}
		}
		return nil
	}
	if target == nil {
		err = encode(app.IO.Out)
	} else {
		err = target.write(encode)
	}
	if ee := (*exportError)(nil); errors.As(err, &ee) {
		return ee.err
	}
	return err
}

// errWriter remembers the first error of the writer it wraps, so that a failure to write is
// told apart from a failure to encode.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}

// exportError is an encoder's error, told apart from a failure to write.
type exportError struct{ err error }

func (e *exportError) Error() string { return e.err.Error() }
func (e *exportError) Unwrap() error { return e.err }

// exportBrief scores the graph under the chosen weights and under every profile, and finds where
// the verdict flips as argmap sensitivity does, for the brief.
func exportBrief(opts *exportOptions, g *argument.Graph, w score.Weights, sem score.Semantics, funcs []score.ContributionFunc, sens score.SensitivityOptions) (*export.Brief, error) {
	b, warnings, err := report.ScoreBrief(g, report.BriefOptions{
		Weights: w, Semantics: sem, Profile: strings.TrimSpace(opts.weights.profile), Sensitivity: sens,
		Contributions: funcs,
	})
	for _, warning := range warnings {
		fmt.Fprintf(opts.app.IO.Err, "argmap: warning: %s\n", warning)
	}
	return b, err
}

// exportTarget decides how -o is written, and refuses a path inside the corpus folder: an
// export must never overwrite the corpus it came from.
func exportTarget(app *App, output string) (*outputTarget, error) {
	t, err := newOutputTarget(output)
	if err != nil {
		return nil, err
	}
	dir := app.corpusDisplayDir()
	if dir == "" {
		return t, nil // the built-in corpus is embedded: there is no folder to protect
	}
	target := t.path
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved
	}
	if file := app.corpusFile(); file != "" {
		// A one-file corpus: only that file is the corpus; its folder's other files are not.
		if same, err := resolvePath(file); err == nil && same == target {
			return nil, fmt.Errorf("refusing to write %s: it is the corpus file; write the export somewhere else", t.name)
		}
		return t, nil
	}
	corpusDir, err := filepath.Abs(dir)
	if err == nil {
		if resolved, err := filepath.EvalSymlinks(corpusDir); err == nil {
			corpusDir = resolved
		}
	}
	if rel, err := filepath.Rel(corpusDir, target); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("refusing to write %s: it is inside the corpus folder %s; write the export somewhere else", t.name, safetext.Line(dir))
	}
	return t, nil
}

// resolvePath makes p absolute with every symbolic link resolved; for a file that does not exist
// yet, its folder is resolved, and a link to a file that does not exist yet resolves to where
// that file would be.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", safetext.Line(p), err)
	}
	for hops := 0; ; hops++ {
		if resolved, err := filepath.EvalSymlinks(abs); err == nil {
			if info, err := os.Stat(resolved); err == nil && info.IsDir() {
				return "", fmt.Errorf("cannot write %s: it is a folder; give -o a file name", safetext.Line(p))
			}
			return resolved, nil
		}
		info, err := os.Lstat(abs)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 || hops == 40 {
			break
		}
		// A link to a file not written yet: follow it to where the file will be.
		dest, err := os.Readlink(abs)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", safetext.Line(p), pathErrCause(err))
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(abs), dest)
		}
		abs = dest
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		if link, _ := os.Readlink(p); link != "" {
			return "", fmt.Errorf("cannot write %s: it links to %s, whose folder does not exist", safetext.Line(p), safetext.Line(link))
		}
		return "", fmt.Errorf("cannot write %s: folder %s does not exist", safetext.Line(p), safetext.Line(filepath.Dir(p)))
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// oneSide is the side the filters keep, when they keep exactly one.
func oneSide(app *App, f *filterFlags) (argument.Side, error) {
	g, err := app.Graph()
	if err != nil {
		return "", err
	}
	flt, err := f.resolve(g.Debate)
	if err != nil {
		return "", err
	}
	if len(flt.Sides) == 1 {
		return flt.Sides[0], nil
	}
	return "", nil
}

// oneSideBrief is the brief of one side of the debate: the arguments the filters keep, with
// every answer the other side makes to them, so that the clash stays on the page. It gives no
// verdict, profiles' table, flips or shares: a verdict on one side and the answers to it is not
// the debate's verdict.
func oneSideBrief(opts *exportOptions, side argument.Side, w score.Weights, sem score.Semantics) (*export.Brief, error) {
	full, err := opts.app.Graph()
	if err != nil {
		return nil, err
	}
	flt, err := opts.filters.resolve(full.Debate)
	if err != nil {
		return nil, err
	}
	kept := map[string]bool{}
	for _, a := range full.Arguments() {
		if flt.Match(a) {
			kept[a.ID] = true
		}
	}
	answers := func(a *argument.Argument) bool {
		return a.Side != side && (slices.ContainsFunc(a.Supports, func(id string) bool { return kept[id] }) ||
			slices.ContainsFunc(a.Attacks, func(id string) bool { return kept[id] }))
	}
	g := full.Subgraph(func(a *argument.Argument) bool { return kept[a.ID] || answers(a) })
	r, err := score.EvaluateWith(g, w, sem, score.Options{NoContributions: true})
	if err != nil {
		return nil, err
	}
	var profiles []*score.Result
	for range g.Debate.Profiles {
		profiles = append(profiles, r) // not shown: NoVerdict leaves the profiles' table out
	}
	b, err := export.NewBrief(g, strings.TrimSpace(opts.weights.profile), r, profiles)
	if err != nil {
		return nil, err
	}
	other := argument.Pro
	if side == argument.Pro {
		other = argument.Con
	}
	b.NoVerdict = fmt.Sprintf("This brief shows the %s arguments and every answer the %s side makes to them, not the whole debate, so it gives no verdict: weighed on this part alone, the numbers would say how the %s case fares against the answers to it, not how the debate comes out. Export without --side for the verdict.", side, other, side)
	return b, nil
}

// mapSVGPath is where --images writes the map beside a brief: brief.md → brief.map.svg.
func mapSVGPath(brief string) string {
	return strings.TrimSuffix(brief, filepath.Ext(brief)) + ".map.svg"
}
