package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
)

// validateOptions are the flags of argmap validate.
type validateOptions struct {
	app     *App
	strict  bool
	format  string
	sources []string // ID=PATH
}

func newValidateCmd(app *App) *cobra.Command {
	opts := &validateOptions{app: app}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check the corpus and report every problem with its file, line and column",
		Long: `Validate checks the corpus and reports every problem at once, one per line, as
FILE:LINE:COL: error|warning: message, then a one-line summary.

Errors stop the corpus from loading: YAML syntax, unknown keys, wrong types, missing fields,
malformed or duplicate ids, references to unknown ids, categories or sources, numbers out of
range. Warnings are what the corpus may mean but probably does not: an argument with no
relation, a relation against the sides, a cycle, an argument without a quote.

With --source ID=PATH, every quote from source ID must also stand verbatim in the text at
PATH (whitespace, typographic quotes and dashes aside; ... or … joins pieces that appear in
that order).

Exit status: 0 when there are no errors (and, with --strict, no warnings); 1 otherwise; 2 when
the corpus folder cannot be read or the flags are wrong.`,
		Example: `  argmap validate
  argmap validate --corpus my-debate --strict
  argmap validate --source catoggio-2022=gimme-shelter.txt
  argmap validate --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runValidate(opts) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "count warnings as errors")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output `format`: text or json")
	cmd.Flags().StringArrayVar(&opts.sources, "source", nil, "check the quotes of source ID against the text file at PATH (`ID=PATH`; repeatable)")
	return cmd
}

// sourceText is a --source flag: a source id and the file that holds its text.
type sourceText struct{ id, path string }

func parseSources(flags []string) ([]sourceText, error) {
	var out []sourceText
	for _, f := range flags {
		id, path, ok := strings.Cut(f, "=")
		if !ok || id == "" || path == "" {
			return nil, usageErrorf("--source %s: write ID=PATH, like catoggio-2022=article.txt", safetext.Line(f))
		}
		out = append(out, sourceText{id, path})
	}
	return out, nil
}

func runValidate(opts *validateOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return usageErrorf("--format must be text or json, not %s", safetext.Line(opts.format))
	}
	sources, err := parseSources(opts.sources)
	if err != nil {
		return err
	}
	fsys, dir, err := opts.app.corpusSource()
	if err != nil {
		return err
	}
	d, problems, err := corpus.LoadNamed(fsys, dir, opts.app.corpusDisplayDir())
	var loadErr *corpus.LoadError
	if err != nil && !errors.As(err, &loadErr) {
		return err
	}
	if d != nil && opts.strict && err == nil {
		problems = append(problems, corpus.CheckBasis(d)...)
		corpus.SortProblems(problems)
	}
	if d != nil && len(sources) > 0 {
		for _, s := range sources {
			ps, err := checkSource(d, s)
			if err != nil {
				return err
			}
			problems = append(problems, ps...)
		}
		corpus.SortProblems(problems)
	}
	nerr, nwarn := corpus.Count(problems)
	failed := nerr > 0 || (opts.strict && nwarn > 0)
	narg := 0
	if d != nil {
		narg = len(d.Arguments)
	}
	if opts.format == "json" {
		err = writeValidateJSON(opts.app.IO.Out, !failed, narg, problems)
	} else {
		err = writeValidateText(opts.app.IO.Out, !failed, opts.strict, narg, problems)
	}
	if err != nil {
		return err
	}
	if failed {
		return &silentError{code: exitCheck}
	}
	return nil
}

// checkSource reads the text of a --source and checks the quotes from it.
func checkSource(d *argument.Debate, s sourceText) ([]corpus.Problem, error) {
	if _, ok := d.Source(s.id); !ok {
		ids := make([]string, len(d.Sources))
		for i, src := range d.Sources {
			ids[i] = src.ID
		}
		list := "it has none"
		if len(ids) > 0 {
			list = "its sources are " + strings.Join(ids, ", ")
		}
		return nil, usageErrorf("--source %s: the corpus has no source %s; %s", safetext.Line(s.id), safetext.Line(s.id), safetext.Line(list))
	}
	text, err := readSourceText(s.path)
	if err != nil {
		return nil, err
	}
	return corpus.CheckQuotes(d, s.id, text, s.path), nil
}

// readSourceText reads a source's text: a regular file no larger than a corpus file may be.
func readSourceText(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("cannot read the text of --source %s: %w", safetext.Line(path), unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("--source %s is not a regular file: give the path of a text file", safetext.Line(path))
	}
	if info.Size() > corpus.MaxFileSize {
		return "", fmt.Errorf("--source %s is larger than %d MiB: give the article's plain text", safetext.Line(path), corpus.MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("cannot read the text of --source %s: %w", safetext.Line(path), unwrapPath(err))
	}
	return string(data), nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func writeValidateText(w io.Writer, ok, strict bool, narg int, problems []corpus.Problem) error {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(safetext.Line(p.String()))
		b.WriteByte('\n')
	}
	nerr, nwarn := corpus.Count(problems)
	counts := fmt.Sprintf("%s, %s", plural(nerr, "error"), plural(nwarn, "warning"))
	switch {
	case ok:
		fmt.Fprintf(&b, "ok: %s, %s\n", plural(narg, "argument"), counts)
	case nerr == 0 && strict:
		fmt.Fprintf(&b, "%s (--strict counts warnings as errors)\n", counts)
	default:
		fmt.Fprintf(&b, "%s\n", counts)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// validateJSON is the --format json report. Field order is the output's key order.
type validateJSON struct {
	OK        bool          `json:"ok"`
	Problems  []problemJSON `json:"problems"`
	Arguments int           `json:"arguments"`
	Errors    int           `json:"errors"`
	Warnings  int           `json:"warnings"`
}

type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeValidateJSON(w io.Writer, ok bool, narg int, problems []corpus.Problem) error {
	nerr, nwarn := corpus.Count(problems)
	out := validateJSON{OK: ok, Problems: []problemJSON{}, Arguments: narg, Errors: nerr, Warnings: nwarn}
	for _, p := range problems {
		out.Problems = append(out.Problems, problemJSON{
			// File names come from the corpus folder and are as untrusted as its text;
			// escaped here as in the text report, JSON escapes alone leave bidi controls raw.
			File: safetext.Line(p.Pos.File), Line: p.Pos.Line, Column: p.Pos.Column,
			Severity: string(p.Severity), Message: safetext.Line(p.Message),
		})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
