package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/export"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/wire"
)

// validateOptions are the flags of argmap validate.
type validateOptions struct {
	app     *App
	strict  bool
	format  formatFlag
	sources []string // ID=PATH
	allow   []string // rule ids whose warnings are dropped
	deny    []string // rule ids whose warnings count as errors
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

Every problem has a rule id (the JSON's rule field; the README lists them all). --allow RULE
drops the warnings of a rule, so that --strict does not count them; --deny RULE makes the
warnings of a rule errors, with or without --strict. Both take several ids, repeated or
comma-separated. The warnings' rules are ` + warningRules() + `.

--format github writes GitHub Actions workflow commands (::error file=...,line=...::message),
so that a workflow step shows each problem on its line of the pull request; --format sarif
writes a SARIF 2.1.0 log for code scanning. Both name files relative to the root of the git
repository the current folder is in.

Exit status: 0 when there are no errors (and, with --strict, no warnings); 1 otherwise; 2 when
the corpus folder cannot be read or the flags are wrong.`,
		Example: `  argmap validate
  argmap validate --corpus my-debate --strict
  argmap validate --source catoggio-2022=gimme-shelter.txt
  argmap validate --strict --allow no-quote
  argmap validate --deny cycle,side-contradiction
  argmap validate --format json
  argmap validate --corpus debate --strict --format github`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runValidate(opts) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "count warnings as errors")
	opts.format.add(cmd, "text", "json", "github", "sarif")
	cmd.Flags().StringArrayVar(&opts.sources, "source", nil, "check the quotes of source ID against the text file at PATH (`ID=PATH`; repeatable)")
	cmd.Flags().StringSliceVar(&opts.allow, "allow", nil, "drop the warnings of `RULE`, so --strict does not count them (repeatable or comma-separated)")
	cmd.Flags().StringSliceVar(&opts.deny, "deny", nil, "count the warnings of `RULE` as errors, even without --strict (repeatable or comma-separated)")
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
	if err := opts.format.check(); err != nil {
		return err
	}
	sources, err := parseSources(opts.sources)
	if err != nil {
		return err
	}
	tune, err := parseRuleFlags(opts.allow, opts.deny)
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
	problems = tune.apply(problems)
	nerr, nwarn := corpus.Count(problems)
	failed := nerr > 0 || (opts.strict && nwarn > 0)
	narg := 0
	if d != nil {
		narg = len(d.Arguments)
	}
	switch {
	case opts.format.is("json"):
		err = writeValidateJSON(opts.app.IO.Out, !failed, narg, problems)
	case opts.format.is("github"):
		err = export.GitHubAnnotations(opts.app.IO.Out, problems, repoPath(opts.app))
	case opts.format.is("sarif"):
		err = export.SARIF(opts.app.IO.Out, problems, corpus.Rules(), versionString(), repoPath(opts.app))
	default:
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
	if err := plainText(data); err != nil {
		return "", fmt.Errorf("--source %s is not text: %w", safetext.Line(path), err)
	}
	return string(data), nil
}

// plainText says why data is not UTF-8 text, so that a PDF or a UTF-16 file is named for what
// it is rather than every quote from it reported missing.
func plainText(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return errors.New("it is UTF-16; convert it with iconv -f UTF-16 -t UTF-8")
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return errors.New("it is a PDF; give the article's plain text, as pdftotext makes it")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("it holds a NUL byte at offset %d, as binary files do; give the article's plain text", i)
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("byte %#x at offset %d is not UTF-8; convert the file with iconv -t UTF-8", data[i], i)
		}
		i += n
	}
	return nil
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
	Argmap    int           `json:"argmap"`
	OK        bool          `json:"ok"`
	Problems  []problemJSON `json:"problems"`
	Arguments int           `json:"arguments"`
	Errors    int           `json:"errors"`
	Warnings  int           `json:"warnings"`
}

type problemJSON struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Severity  string `json:"severity"`
	Rule      string `json:"rule"`
	Message   string `json:"message"`
}

func writeValidateJSON(w io.Writer, ok bool, narg int, problems []corpus.Problem) error {
	nerr, nwarn := corpus.Count(problems)
	out := validateJSON{Argmap: wire.Version, OK: ok, Problems: []problemJSON{}, Arguments: narg, Errors: nerr, Warnings: nwarn}
	for _, p := range problems {
		out.Problems = append(out.Problems, problemJSON{
			// File names come from the corpus folder and are as untrusted as its text;
			// escaped here as in the text report, JSON escapes alone leave bidi controls raw.
			File: safetext.Line(p.Pos.File), Line: p.Pos.Line, Column: p.Pos.Column,
			EndLine: p.End.Line, EndColumn: p.End.Column,
			Severity: string(p.Severity), Rule: string(p.Rule), Message: safetext.Line(p.Message),
		})
	}
	return wire.Data.Write(w, out)
}

// ruleTuning is what --allow and --deny ask of the warnings.
type ruleTuning struct{ allow, deny map[argument.Rule]bool }

// parseRuleFlags checks the rule ids of --allow and --deny. Only warnings can be tuned: an
// error stops the corpus from loading whatever the flags say.
func parseRuleFlags(allow, deny []string) (ruleTuning, error) {
	rules := map[argument.Rule]argument.RuleInfo{}
	for _, r := range corpus.Rules() {
		rules[r.ID] = r
	}
	t := ruleTuning{allow: map[argument.Rule]bool{}, deny: map[argument.Rule]bool{}}
	for _, f := range []struct {
		name string
		ids  []string
		set  map[argument.Rule]bool
	}{{"--allow", allow, t.allow}, {"--deny", deny, t.deny}} {
		for _, id := range f.ids {
			id = strings.TrimSpace(id)
			r, ok := rules[argument.Rule(id)]
			switch {
			case !ok:
				return t, usageErrorf("%s %s: no rule has that id; did you mean %s? (the README lists the rules)", f.name, safetext.Quote(id), nearestRule(id))
			case f.name == "--allow" && r.Severity == argument.Error:
				return t, usageErrorf("--allow %s: the rule reports errors, which cannot be allowed: fix them; --allow takes the rules of warnings, %s", id, warningRules())
			}
			f.set[r.ID] = true
		}
	}
	for r := range t.allow {
		if t.deny[r] {
			return t, usageErrorf("--allow and --deny both name %s: keep the one that is meant", r)
		}
	}
	return t, nil
}

// apply drops the allowed warnings and makes the denied ones errors.
func (t ruleTuning) apply(problems []corpus.Problem) []corpus.Problem {
	if len(t.allow) == 0 && len(t.deny) == 0 {
		return problems
	}
	kept := problems[:0:0]
	for _, p := range problems {
		if p.Severity == argument.Warning && p.Omitted == 0 {
			if t.allow[p.Rule] {
				continue
			}
			if t.deny[p.Rule] {
				p.Severity = argument.Error
			}
		}
		kept = append(kept, p)
	}
	return kept
}

// nearestRule is the rule id nearest to got, however far: a rule id is short enough that the
// nearest is worth showing.
func nearestRule(got string) string {
	best, bestD := "", 0
	for _, r := range corpus.Rules() {
		if d := argument.Distance(got, string(r.ID)); best == "" || d < bestD {
			best, bestD = string(r.ID), d
		}
	}
	return best
}

// warningRules lists the rules of warnings, the ones --allow and --deny tune.
func warningRules() string {
	var ids []string
	for _, r := range corpus.Rules() {
		if r.Severity == argument.Warning {
			ids = append(ids, string(r.ID))
		}
	}
	return strings.Join(ids, ", ")
}

// repoPath maps a problem's file, as the loader names it (relative to the current folder, or
// as --corpus gave it), to its path from the root of the git repository the current folder is
// in, with forward slashes, as GitHub and code scanning name files. Outside a repository, or
// for the built-in debate, the name is kept.
func repoPath(app *App) func(string) string {
	if app.corpusDisplayDir() == "" {
		return func(name string) string { return name }
	}
	top := ""
	if out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output(); err == nil {
		top = strings.TrimSpace(string(out))
	}
	return func(name string) string {
		if top == "" {
			return filepath.ToSlash(filepath.Clean(name))
		}
		abs, err := filepath.Abs(name)
		if err != nil {
			return filepath.ToSlash(name)
		}
		// The repository root as git prints it has its links resolved; so must the file's
		// folder, or /tmp → /private/tmp style links make every path climb out with "..".
		if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			abs = filepath.Join(dir, filepath.Base(abs))
		}
		rel, err := filepath.Rel(top, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(filepath.Clean(name))
		}
		return filepath.ToSlash(rel)
	}
}
