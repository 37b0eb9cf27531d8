package corpus

import (
	"github.com/argmap/argmap/internal/safetext"

	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argument"
)

// Severity says whether a problem stops the corpus from loading.
type Severity = argument.Severity

// The two severities.
const (
	Error   = argument.Error
	Warning = argument.Warning
)

// Problem is one thing wrong with a corpus, at a place in a file. A problem of the whole corpus
// (no debate in it, say) has the corpus folder as its file and no line.
type Problem struct {
	Pos      argument.Pos
	End      argument.Pos // just past the value the problem is about, when known
	Severity Severity
	Rule     argument.Rule
	Message  string

	// Omitted is set on the one problem that stands for those not listed past MaxProblems:
	// how many it stands for, and how many of them are errors. Count counts them, not it.
	Omitted, OmittedErrors int
}

// The rules about how a corpus is written down: files, YAML, keys, types and limits. The
// rules about what it says are argument's (argument.Rules).
const (
	ruleNoFiles      argument.Rule = "no-files"
	ruleNoDebate     argument.Rule = "no-debate"
	ruleUnreadable   argument.Rule = "unreadable"
	ruleNotAFile     argument.Rule = "not-a-file"
	ruleEncoding     argument.Rule = "encoding"
	ruleYAMLSyntax   argument.Rule = "yaml-syntax"
	ruleAlias        argument.Rule = "alias"
	ruleLimit        argument.Rule = "limit"
	ruleUnknownKey   argument.Rule = "unknown-key"
	ruleDuplicateKey argument.Rule = "duplicate-key"
	ruleMissingKey   argument.Rule = "missing-key"
	ruleEmptyValue   argument.Rule = "empty-value"
	ruleWrongType    argument.Rule = "wrong-type"
	ruleBadID        argument.Rule = "bad-id"
	ruleBadSide      argument.Rule = "bad-side"
	ruleBadVersion   argument.Rule = "bad-version"
	ruleOutOfRange   argument.Rule = "out-of-range"
	ruleBadNumber    argument.Rule = "bad-number"
	ruleSecondDebate argument.Rule = "second-debate"
	// ruleDuplicateItem is a category or a tag listed twice.
	ruleDuplicateItem argument.Rule = "duplicate-item"
	// RuleQuoteNotFound is CheckQuotes': a quote that is not in its source's text.
	RuleQuoteNotFound argument.Rule = "quote-not-found"
	// The rules of a relation written as a mapping, {to, basis, quote, note}.
	ruleBadBasis            argument.Rule = "bad-basis"
	ruleStatedWithoutQuote  argument.Rule = "stated-without-quote"
	ruleInferredWithoutNote argument.Rule = "inferred-without-note"
	// RuleNoBasis is CheckBasis': relations that declare no basis (validate --strict).
	RuleNoBasis argument.Rule = "no-basis"
)

var corpusRules = []argument.RuleInfo{
	{ID: ruleNoFiles, Severity: Error, Meaning: "the corpus folder has no .yaml or .yml file"},
	{ID: ruleNoDebate, Severity: Error, Meaning: "no file of the corpus has the top-level debate"},
	{ID: ruleUnreadable, Severity: Error, Meaning: "a file cannot be read"},
	{ID: ruleNotAFile, Severity: Error, Meaning: "a .yaml name is a folder, pipe, device or socket, not a plain file"},
	{ID: ruleEncoding, Severity: Error, Meaning: "a file is not UTF-8, or holds a control character YAML does not allow"},
	{ID: ruleYAMLSyntax, Severity: Error, Meaning: "a file is not one valid YAML document"},
	{ID: ruleAlias, Severity: Error, Meaning: "a file uses a YAML alias, which the format does not allow"},
	{ID: ruleLimit, Severity: Error, Meaning: "a file, the corpus, a title or the nesting is larger than argmap reads, or there are too many problems to list"},
	{ID: ruleUnknownKey, Severity: Error, Meaning: "a mapping has a key the format does not know"},
	{ID: ruleDuplicateKey, Severity: Error, Meaning: "a mapping has the same key twice"},
	{ID: ruleMissingKey, Severity: Error, Meaning: "a mapping lacks a key the format requires"},
	{ID: ruleEmptyValue, Severity: Error, Meaning: "a key has no value, or an empty one"},
	{ID: ruleWrongType, Severity: Error, Meaning: "a value is of the wrong kind: a number where text belongs, a list where a mapping does"},
	{ID: ruleBadID, Severity: Error, Meaning: "an id, category, tag or profile name is not lower-case kebab of at most 64 characters"},
	{ID: ruleBadSide, Severity: Error, Meaning: "a side is neither pro nor con"},
	{ID: ruleBadVersion, Severity: Error, Meaning: "argmap: names a format version this argmap does not read"},
	{ID: ruleOutOfRange, Severity: Error, Meaning: "a strength or base outside 0 to 1, or a weight that is negative or not finite"},
	{ID: ruleBadNumber, Severity: Error, Meaning: "a weight not written as a plain decimal number: underscores (1_000), hexadecimal, octal or binary (0x10, 0o17), a leading zero (017)"},
	{ID: ruleSecondDebate, Severity: Error, Meaning: "a second debate: a corpus holds exactly one"},
	{ID: ruleDuplicateItem, Severity: Error, Meaning: "a category or tag is listed twice"},
	{ID: RuleQuoteNotFound, Severity: Error, Meaning: "with validate --source, a quote (of an argument, a relation or the verdict) does not stand verbatim in its source's text"},
	{ID: ruleBadBasis, Severity: Error, Meaning: "a relation's basis is neither stated nor inferred"},
	{ID: ruleStatedWithoutQuote, Severity: Error, Meaning: "a relation is stated but gives no quote of the source that makes the link"},
	{ID: ruleInferredWithoutNote, Severity: Error, Meaning: "a relation is inferred but gives no note saying why"},
	{ID: RuleNoBasis, Severity: Warning, Meaning: "with validate --strict, relations that declare no basis (they count as stated)"},
}

// Rules lists every rule a load and validate apply: those about the YAML, then argument's.
func Rules() []argument.RuleInfo {
	return append(slices.Clip(corpusRules), argument.Rules()...)
}

// severity of each rule, for the problems the loader raises.
var severities = func() map[argument.Rule]Severity {
	m := map[argument.Rule]Severity{}
	for _, r := range Rules() {
		m[r.ID] = r.Severity
	}
	return m
}()

// String formats the problem as FILE:LINE:COL: severity: message, or FILE: severity: message
// when it has no line.
func (p Problem) String() string {
	// A file name is the user's, or the corpus's: a newline in it must not start a line of
	// its own in a CI log.
	file := safetext.Line(p.Pos.File)
	switch {
	case p.Pos.File == "":
		return fmt.Sprintf("%s: %s", p.Severity, p.Message)
	case p.Pos.Line == 0:
		return fmt.Sprintf("%s: %s: %s", file, p.Severity, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", file, p.Pos.Line, p.Pos.Column, p.Severity, p.Message)
}

// SortProblems orders problems by file, line and column, keeping the order of problems at the
// same place.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
		)
	})
}

// Count returns the number of errors and of warnings in ps.
func Count(ps []Problem) (errors, warnings int) {
	for _, p := range ps {
		if p.Omitted > 0 {
			errors += p.OmittedErrors
			warnings += p.Omitted - p.OmittedErrors
			continue
		}
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// LoadError is returned when a corpus has errors; it holds every problem found, warnings too,
// sorted by file and line.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	var b strings.Builder
	n, _ := Count(e.Problems)
	them := "them"
	if n == 1 {
		them = "it"
	}
	fmt.Fprintf(&b, "the corpus has %s; fix %s and run 'argmap validate' again", plural(n, "error"), them)
	for _, p := range e.Problems {
		if p.Severity == Error {
			b.WriteString("\n")
			b.WriteString(p.String())
		}
	}
	return b.String()
}

// plural writes n and the noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
