package corpus

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// finish runs the checks that span files (ids, references, categories, sources, profiles) and
// the warnings, and returns the debate with its arguments and profiles in corpus order.
func (l *loader) finish(files int) *argument.Debate {
	at := argument.Pos{File: l.dir}
	switch {
	case files == 0:
		l.add(at, Error, "the corpus folder has no .yaml or .yml files: add one with a debate (run 'argmap schema' for the format)")
		return nil
	case l.debate == nil && len(l.errorFiles()) == 0:
		l.add(at, Error, "the corpus has no debate: add a top-level debate: with id, title, question and thesis to one of its files")
		return nil
	case l.debate == nil:
		return nil
	}
	if l.stopped {
		return l.debate // the checks across files would only add to a list already too long
	}
	d := l.debate
	for _, a := range l.args {
		d.Arguments = append(d.Arguments, a.arg)
	}
	for _, p := range l.profiles {
		d.Profiles = append(d.Profiles, p.profile)
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
	c := checker{loader: l, d: d}
	c.ids()
	c.sourcesAndProfiles()
	c.references()
	c.warnings()
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

type checker struct {
	*loader
	d     *argument.Debate
	byID  map[string]node // the thesis and the arguments by id, at their first definition
	srcAt map[string]argument.Pos
}

// node is what the checks across files need of an id: where it is defined, and the side of
// what has it ("" when that side is missing or malformed).
type node struct {
	at   argument.Pos
	side argument.Side
}

func (c *checker) ids() {
	c.byID = make(map[string]node, len(c.args)+1)
	if !c.thesisIDAt.IsZero() {
		c.byID[c.d.Thesis.ID] = node{c.thesisIDAt, argument.Pro}
	}
	for _, a := range c.args {
		if a.idAt.IsZero() {
			continue
		}
		id := a.arg.ID
		if n, dup := c.byID[id]; dup {
			first := n.at
			what := "an argument"
			if first == c.thesisIDAt {
				what = "the thesis"
			}
			c.add(a.idAt, Error, "duplicate id %s: %s at %s has it already; give each argument its own id", q(id), what, where(first, a.idAt))
			continue
		}
		n := node{at: a.idAt}
		if a.sideOK {
			n.side = a.arg.Side
		}
		c.byID[id] = n
	}
}

func (c *checker) sourcesAndProfiles() {
	c.srcAt = map[string]argument.Pos{}
	for _, s := range c.sources {
		if s.idAt.IsZero() {
			continue
		}
		if first, dup := c.srcAt[s.id]; dup {
			c.add(s.idAt, Error, "duplicate source id %s (first at %s): give each source its own id", q(s.id), where(first, s.idAt))
			continue
		}
		c.srcAt[s.id] = s.idAt
	}
	seen := map[string]argument.Pos{}
	for _, p := range c.profiles {
		name := p.profile.Name
		if first, dup := seen[name]; dup {
			c.add(p.nameAt, Error, "duplicate profile %s (first at %s): rename one of them", q(name), where(first, p.nameAt))
		} else {
			seen[name] = p.nameAt
		}
		if !p.weightsOK {
			continue
		}
		positive := false
		for cat, w := range p.profile.Weights {
			if w > 0 {
				positive = true
			}
			if _, ok := c.categoryAt[cat]; !ok {
				at := p.weightAt[cat]
				c.add(at, Error, "unknown category %s in the weights of profile %s: %s", q(cat), safetext.Line(name), c.categoryHint(cat))
			}
		}
		if !positive {
			c.add(p.nameAt, Error, "profile %s gives no category a weight above 0: give at least one a positive weight", safetext.Line(name))
		}
	}
}

func (c *checker) categoryHint(got string) string {
	if s := c.suggest(got, c.d.Categories); s != "" {
		return fmt.Sprintf("did you mean %s? (the categories are %s)", s, strings.Join(c.d.Categories, ", "))
	}
	return "use one of " + strings.Join(c.d.Categories, ", ") + ", or add it to debate.categories"
}

func (c *checker) references() {
	sourceIDs := make([]string, 0, len(c.srcAt))
	for _, s := range c.d.Sources {
		if _, ok := c.srcAt[s.ID]; ok && s.ID != "" {
			sourceIDs = append(sourceIDs, s.ID)
		}
	}
	var ids []string // every id a relation may name, for suggestions: made at the first
	idList := func() []string {
		if ids == nil {
			if !c.thesisIDAt.IsZero() {
				ids = append(ids, c.d.Thesis.ID)
			}
			for _, a := range c.args {
				if !a.idAt.IsZero() {
					ids = append(ids, a.arg.ID)
				}
			}
		}
		return ids
	}
	c.passageSources(sourceIDs, []passageInfo{c.verdictSource})
	for _, a := range c.args {
		arg := a.arg
		if !a.categoryAt.IsZero() {
			if _, ok := c.categoryAt[arg.Category]; !ok {
				c.add(a.categoryAt, Error, "unknown category %s: %s", q(arg.Category), c.categoryHint(arg.Category))
			}
		}
		// Most arguments name a few targets, which a look along a.valid finds sooner than a
		// map; a long list gets one, so a hostile file cannot make this quadratic.
		var seen map[string]relationInfo
		if len(a.relations) > 16 {
			seen = make(map[string]relationInfo, len(a.relations))
		}
		for _, r := range a.relations {
			target, ok := c.byID[r.target]
			if !ok {
				hint := "check the spelling, or add the argument"
				if s := c.suggest(r.target, idList()); s != "" {
					hint = fmt.Sprintf("did you mean %s?", s)
				}
				c.add(r.at, Error, "unknown id %s in %s: no argument or thesis has it; %s", q(r.target), relKey(r.typ), hint)
				continue
			}
			if r.target == arg.ID && !a.idAt.IsZero() {
				c.add(r.at, Error, "argument %s %s itself: remove %s from %s", safetext.Line(arg.ID), relKey(r.typ), safetext.Line(r.target), relKey(r.typ))
				continue
			}
			if first, dup := a.validTo(r.target, seen); dup {
				if first.typ == r.typ {
					c.add(r.at, Error, "argument %s %s %s twice (first at %s): remove one", safetext.Line(arg.ID), relKey(r.typ), safetext.Line(r.target), where(first.at, r.at))
				} else {
					c.add(r.at, Error, "argument %s both supports and attacks %s: keep the one that is meant", safetext.Line(arg.ID), safetext.Line(r.target))
				}
				continue
			}
			r.side = target.side
			a.valid = append(a.valid, r)
			if seen != nil {
				seen[r.target] = r
			}
		}
		c.passageSources(sourceIDs, a.passages)
	}
}

// passageSources reports the passages whose source is not in debate.sources.
func (c *checker) passageSources(sourceIDs []string, ps []passageInfo) {
	for _, p := range ps {
		if p.sourceAt.IsZero() {
			continue
		}
		if _, ok := c.srcAt[p.source]; !ok {
			hint := "add it to debate.sources"
			if s := c.suggest(p.source, sourceIDs); s != "" {
				hint = fmt.Sprintf("did you mean %s?", s)
			} else if len(sourceIDs) > 0 {
				hint = fmt.Sprintf("use one of %s, or add it to debate.sources", strings.Join(sourceIDs, ", "))
			}
			c.add(p.sourceAt, Error, "unknown source %s in %s: %s", q(p.source), p.kind, hint)
		}
	}
}

func relKey(t argument.RelationType) string {
	if t == argument.Support {
		return "supports"
	}
	return "attacks"
}

// warnings are what the corpus may mean but probably does not: loose arguments, relations
// against the sides, cycles, arguments with no quote.
// validTo finds the relation to target among those a has passed so far, in seen when there is
// a map of them.
func (a *argInfo) validTo(target string, seen map[string]relationInfo) (relationInfo, bool) {
	if seen != nil {
		r, ok := seen[target]
		return r, ok
	}
	for _, r := range a.valid {
		if r.target == target {
			return r, true
		}
	}
	return relationInfo{}, false
}

func (c *checker) warnings() {
	for _, a := range c.args {
		arg := a.arg
		if a.idAt.IsZero() {
			continue
		}
		if len(a.relations) == 0 && !a.relErr {
			c.add(arg.Pos, Warning, "argument %s supports and attacks nothing, so it counts for nothing: add supports: [...] or attacks: [...]", safetext.Line(arg.ID))
		}
		if a.sideOK {
			for _, r := range a.valid {
				if msg := c.sideClash(arg, r); msg != "" {
					c.add(r.at, Warning, "%s", msg)
				}
			}
		}
		if len(arg.Quotes) == 0 {
			c.add(arg.Pos, Warning, "argument %s has no quote: add a verbatim passage from a source under quotes", safetext.Line(arg.ID))
		}
	}
	g := argument.NewGraph(c.d)
	c.graph = g
	for _, comp := range g.Cycles() {
		if len(comp) < 2 {
			continue
		}
		first := g.Argument(comp[0])
		if first == nil { // the thesis is in the cycle; place it at the first argument
			first = g.Argument(comp[1])
		}
		names := make([]string, 0, len(comp))
		for i, n := range comp {
			if i == 6 {
				names = append(names, fmt.Sprintf("%d more", len(comp)-i))
				break
			}
			names = append(names, safetext.Line(g.ID(n)))
		}
		c.add(first.Pos, Warning, "%s form a cycle of relations: scoring handles it, but check each relation is meant", joinAnd(names))
	}
}

// sideClash says how a relation runs against the sides: a pro argument attacking the thesis or
// another pro argument, or supporting a con one, and the same for con.
func (c *checker) sideClash(a *argument.Argument, r relationInfo) string {
	target := r.side
	if target == "" || r.target == a.ID {
		return ""
	}
	same := target == a.Side
	if r.typ == argument.Attack && !same || r.typ == argument.Support && same {
		return "" // checked for every relation: most are fine, and cost nothing more
	}
	what := fmt.Sprintf("the %s argument %s", target, safetext.Line(r.target))
	if r.target == c.d.Thesis.ID {
		what = "the thesis"
	}
	if r.typ == argument.Attack {
		return fmt.Sprintf("%s argument %s attacks %s, which is on its side: make it %s, or make the relation supports", a.Side, safetext.Line(a.ID), what, a.Side.Opposite())
	}
	return fmt.Sprintf("%s argument %s supports %s, which is on the other side: make it %s, or make the relation attacks", a.Side, safetext.Line(a.ID), what, a.Side.Opposite())
}

func joinAnd(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// suggest returns the candidate nearest to got by edit distance, quoted, or "" when none is
// near. Suggestions are few per corpus so that a corpus of many bad references stays fast.
func (l *loader) suggest(got string, candidates []string) string {
	const maxSuggestions = 200
	if len(got) > 2*MaxIDLength || l.suggestions >= maxSuggestions {
		return ""
	}
	l.suggestions++
	best, bestD := "", 0
	limit := min(3, len([]rune(got))/3) // no guesses at ids of one or two letters
	if limit == 0 {
		return ""
	}
	for _, c := range candidates {
		if len(c) > 2*MaxIDLength {
			continue
		}
		if d := argument.Distance(got, c); d <= limit && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return q(best)
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
	verb := "relations have"
	if bare == 1 {
		verb = "relation has"
	}
	return []Problem{{Pos: first.Pos, Severity: Warning, Message: fmt.Sprintf(
		"%d %s no basis, so they count as stated (the first is %s %s %s): write {to: ID, basis: stated, quote: \"...\"} with the source's sentence that makes the link, or {to: ID, basis: inferred, note: \"...\"} saying why",
		bare, verb, safetext.Line(first.From), relKey(first.Type), safetext.Line(first.To))}}
}
