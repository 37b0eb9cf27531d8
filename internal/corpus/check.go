package corpus

import (
	"github.com/argmap/argmap/internal/argument"
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
