package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/importer"
	"github.com/argmap/argmap/internal/importer/aif"
	"github.com/argmap/argmap/internal/importer/argdown"
	"github.com/argmap/argmap/internal/importer/kialo"
	"github.com/argmap/argmap/internal/safetext"
)

// importOptions are the flags and argument of argmap import.
type importOptions struct {
	app      *App
	from     string
	file     string
	output   string
	category string
	strength float64
	prefix   string
	thesis   string
	force    bool
}

// importReaders are the formats import reads, in the order help lists them.
var importReaders = []struct {
	name string
	read func([]byte, importer.Options) (*argument.Debate, importer.Summary, error)
}{
	{"kialo", kialo.Read},
	{"argdown", argdown.Read},
	{"aif", aif.Read},
}

func newImportCmd(app *App) *cobra.Command {
	opts := &importOptions{app: app}
	cmd := &cobra.Command{
		Use:   "import --from FORMAT FILE -o DIR",
		Short: "Turn a Kialo, Argdown or AIF argument map into a corpus",
		Long: `Import a debate mapped in another tool as an argmap corpus.

  kialo    the text file Kialo's "Export discussion" writes (either grammar)
  argdown  the JSON the Argdown CLI writes: argdown json map.argdown OUTDIR
  aif      AIF JSON as AIFdb and OVA write it

The corpus goes into DIR as one file, debate.yaml, written whole or not at all, and loaded
back before it is kept, so it passes argmap validate (its warnings are listed, but for the
missing quotes, which the summary counts). DIR must be empty or new unless --force. What the
source cannot say comes from the flags: one category for every argument, one base strength.
Each argument's note says where in the source it came from. One line on standard error sums
up what was imported and what was dropped, and why.

Kialo's pro and con are relative to the parent claim: the side of the thesis is worked out
along the path. A discussion with several positions at its root needs --thesis PATH (such as
1.2.); an AIF map needs --thesis NODEID when the claim the most others reach is not the
thesis; an Argdown map, --thesis TITLE when it has several central statements.`,
		Example: `  argmap import --from kialo discussion.txt -o my-debate/
  argdown json map.argdown json/ && argmap import --from argdown json/map.json -o my-debate/
  argmap import --from aif nodeset.json --thesis 378 --category moral -o my-debate/
  argmap --corpus my-debate/ show`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runImport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.from, "from", "", "source `format`: kialo, argdown, aif (required)")
	fl.StringVarP(&opts.output, "output", "o", "", "write the corpus into `DIR` (required)")
	fl.StringVar(&opts.category, "category", importer.DefaultCategory, "the `category` of every argument, and the debate's only one")
	fl.Float64Var(&opts.strength, "strength", importer.DefaultStrength, "the base strength `X` of every argument, in [0,1]")
	fl.StringVar(&opts.prefix, "id-prefix", "", "put `PREFIX` and a hyphen before every id")
	fl.StringVar(&opts.thesis, "thesis", "", "the claim to take as the `thesis`: a Kialo path, an AIF node id, an Argdown title")
	fl.BoolVar(&opts.force, "force", false, "replace what DIR holds")
	return cmd
}

func runImport(opts *importOptions) error {
	var read func([]byte, importer.Options) (*argument.Debate, importer.Summary, error)
	names := make([]string, len(importReaders))
	for i, r := range importReaders {
		names[i] = r.name
		if strings.EqualFold(strings.TrimSpace(opts.from), r.name) {
			read = r.read
		}
	}
	switch {
	case opts.from == "":
		return usageErrorf("--from is required: say which format FILE is, one of %s", strings.Join(names, ", "))
	case read == nil:
		return usageErrorf("invalid --from %s: use one of %s", strconv.Quote(safetext.Line(opts.from)), strings.Join(names, ", "))
	case opts.output == "":
		return usageErrorf("-o DIR is required: name the folder to write the corpus into")
	case !(opts.strength >= 0 && opts.strength <= 1):
		return usageErrorf("invalid --strength %s: give a number from 0 to 1", figureFloat(opts.strength))
	}
	if k := importer.Kebab(opts.category); k != opts.category || len(k) > corpus.MaxIDLength {
		return usageErrorf("invalid --category %s: use lower-case letters, digits and single hyphens, at most %d characters (such as %s)",
			strconv.Quote(safetext.Line(opts.category)), corpus.MaxIDLength, strconv.Quote(importer.Kebab(opts.category)))
	}
	if opts.prefix != "" && importer.Kebab(opts.prefix) != opts.prefix {
		return usageErrorf("invalid --id-prefix %s: use lower-case letters, digits and single hyphens", strconv.Quote(safetext.Line(opts.prefix)))
	}
	data, err := readImportFile(opts.file)
	if err != nil {
		return err
	}
	d, sum, err := read(data, importer.Options{
		File: opts.file, Category: opts.category, Strength: opts.strength, IDPrefix: opts.prefix, Thesis: opts.thesis,
	})
	if err != nil {
		return err
	}
	problems, err := writeCorpus(opts.output, d, opts.force)
	if err != nil {
		return err
	}
	return writeImportSummary(opts.app.IO.Err, sum, problems, d, opts.output)
}

func figureFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// readImportFile reads the source, refusing what is not a regular file or is larger than a
// corpus file may be, before reading it all.
func readImportFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file: give the exported file itself", name)
	}
	limit := int64(importer.MaxInputSize)
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: the file is more than the %d MiB argmap imports (a corpus file's limit): split the map into smaller ones", name, limit>>20)
	}
	return data, nil
}

// writeImportSummary lists the written corpus's warnings, then the summary line. An imported
// argument has a quote only where the source gave one, so the no-quote warnings (nearly all of
// them, on most imports) are counted in the summary rather than listed; argmap validate lists
// them.
func writeImportSummary(w io.Writer, sum importer.Summary, problems []corpus.Problem, d *argument.Debate, dir string) error {
	corpus.SortProblems(problems)
	noQuote := 0
	for _, a := range d.Arguments {
		if len(a.Quotes) == 0 {
			noQuote++
		}
	}
	_, nwarn := corpus.Count(problems)
	var listed []string
	var omitted *corpus.Problem
	for i, p := range problems {
		switch {
		case p.Omitted > 0:
			omitted = &problems[i]
		case p.Rule == argument.RuleNoQuote:
		default:
			listed = append(listed, p.String())
		}
	}
	// The problems past the loader's limit are listed by validate; say so only when some of
	// them are more than missing quotes.
	if omitted != nil && nwarn-noQuote-len(listed) > 0 {
		listed = append(listed, omitted.String())
	}
	for _, l := range listed {
		if _, err := fmt.Fprintln(w, safetext.Line(l)); err != nil {
			return err
		}
	}
	line := sum.String()
	if nwarn > 0 {
		var parts []string
		if noQuote > 0 {
			parts = append(parts, fmt.Sprintf("%s without a quote", plural(noQuote, "argument")))
		}
		if others := nwarn - noQuote; others > 0 {
			parts = append(parts, fmt.Sprintf("%d listed above", others))
		}
		line += fmt.Sprintf("; %s (%s): 'argmap --corpus %s validate' lists them", plural(nwarn, "warning"), strings.Join(parts, ", "), dir)
	}
	_, err := fmt.Fprintln(w, safetext.Line(line))
	return err
}
