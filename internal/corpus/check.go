package corpus

import (
	"fmt"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// finish puts the debate together, with its arguments and profiles in corpus order, and runs
// argument's checks on it (ids, references, categories, sources, profiles, the warnings).
func (l *loader) finish(files int) *argument.Debate {
	at := point(argument.Pos{File: l.dir})
	switch {
	case files == 0:
		l.add(at, ruleNoFiles, "the corpus folder has no .yaml or .yml files: add one with a debate (run 'argmap schema' for the format)")
		return nil
	case l.debate == nil && len(l.errorFiles()) == 0:
		l.add(at, ruleNoDebate, "the corpus has no debate: add a top-level debate: with id, title, question and thesis to one of its files")
		return nil
	case l.debate == nil:
		return nil
	}
	if l.stopped {
		return l.debate // the checks would only add to a list already too long
	}
	d := l.debate
	var relErr map[argument.Pos]bool // the arguments whose relation lists were malformed
	for _, a := range l.args {
		d.Arguments = append(d.Arguments, a.arg)
		if a.relErr {
			if relErr == nil {
				relErr = map[argument.Pos]bool{}
			}
			relErr[a.arg.Pos] = true
		}
	}
	for _, p := range l.profiles {
		d.Profiles = append(d.Profiles, *p)
	}
	// A relation's quote without a source comes from the work the corpus maps, its first source.
	if len(d.Sources) > 0 && d.Sources[0].ID != "" {
		for _, a := range d.Arguments {
			for i := range a.Relations {
				if r := &a.Relations[i]; r.Quote != "" && r.Source == "" {
					r.Source = d.Sources[0].ID
				}
			}
		}
	}
	problems, g := argument.CheckGraph(d)
	l.graph = g
	for _, p := range problems {
		if p.Rule == argument.RuleNoRelation && relErr[p.Pos] {
			continue // the malformed list is reported already
		}
		l.addProblem(Problem{Pos: p.Pos, End: p.End, Severity: p.Severity, Rule: p.Rule, Message: p.Message})
	}
	return d
}

// errorFiles lists the files with errors so far.
func (l *loader) errorFiles() map[string]bool {
	files := map[string]bool{}
	for _, p := range l.problems {
		if p.Severity == Error {
			files[p.Pos.File] = true
		}
	}
	return files
}

// suggest returns the candidate nearest to got by edit distance, quoted, or "" when none is
// near. Suggestions are few per corpus so that a corpus of many bad keys stays fast.
func (l *loader) suggest(got string, candidates []string) string {
	const maxSuggestions = 200
	if len(got) > 2*MaxIDLength || l.suggestions >= maxSuggestions {
		return ""
	}
	l.suggestions++
	if s, ok := argument.Nearest(got, candidates); ok {
		return q(s)
	}
	return ""
}

// CheckBasis warns about the relations that declare no basis (validate --strict runs it). They
// count as stated, as every relation did before relations had a basis, so a corpus of bare ids
// loads as it did; the one warning, placed at the first, says how to give them one.
func CheckBasis(d *argument.Debate) []Problem {
	var first argument.Relation
	bare := 0
	for _, a := range d.Arguments {
		for _, r := range a.Relations {
			if r.Basis == "" {
				if bare == 0 {
					first = r
				}
				bare++
			}
		}
	}
	if bare == 0 {
		return nil
	}
	verb, count := "relations have", "they count"
	if bare == 1 {
		verb, count = "relation has", "it counts"
	}
	rel := "supports"
	if first.Type == argument.Attack {
		rel = "attacks"
	}
	return []Problem{{Pos: first.Pos, Severity: Warning, Rule: RuleNoBasis, Message: fmt.Sprintf(
		"%d %s no basis, so %s as stated (the first is %s %s %s): write {to: ID, basis: stated, quote: \"...\"} with the source's sentence that makes the link, or {to: ID, basis: inferred, note: \"...\"} saying why",
		bare, verb, count, safetext.Line(first.From), rel, safetext.Line(first.To))}}
}
