package argument

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/internal/safetext"
)

// Severity says whether a problem stops a debate from being used.
type Severity string

// The two severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Rule names one kind of problem. Rule ids are stable: scripts and CI configurations name
// them (argmap validate --allow and --deny, the rule field of its JSON).
type Rule string

// The rules Check applies. Those about how a debate is written down (YAML syntax, keys,
// types) belong to the reader that reads it.
const (
	RuleDuplicateID       Rule = "duplicate-id"
	RuleDuplicateSource   Rule = "duplicate-source"
	RuleDuplicateProfile  Rule = "duplicate-profile"
	RuleUnknownCategory   Rule = "unknown-category"
	RuleNoPositiveWeight  Rule = "no-positive-weight"
	RuleDanglingRef       Rule = "dangling-ref"
	RuleSelfRelation      Rule = "self-relation"
	RuleDuplicateRelation Rule = "duplicate-relation"
	RuleSupportAndAttack  Rule = "support-and-attack"
	RuleUnknownSource     Rule = "unknown-source"
	RuleNoRelation        Rule = "no-relation"
	RuleSideContradiction Rule = "side-contradiction"
	RuleCycle             Rule = "cycle"
	RuleNoQuote           Rule = "no-quote"
	RuleMixedScriptID     Rule = "mixed-script-id"
)

// RuleInfo describes a rule: its id, the severity of its problems and what it finds.
type RuleInfo struct {
	ID       Rule
	Severity Severity
	Meaning  string
}

// Rules lists the rules Check applies, in the order the README lists them.
func Rules() []RuleInfo {
	return []RuleInfo{
		{RuleDuplicateID, Error, "two arguments, or an argument and the thesis, have the same id"},
		{RuleDuplicateSource, Error, "two sources have the same id"},
		{RuleDuplicateProfile, Error, "two profiles have the same name"},
		{RuleUnknownCategory, Error, "an argument or a profile's weights name a category the debate does not list"},
		{RuleNoPositiveWeight, Error, "a profile gives no category a weight above 0"},
		{RuleDanglingRef, Error, "supports or attacks names an id no argument or thesis has"},
		{RuleSelfRelation, Error, "an argument supports or attacks itself"},
		{RuleDuplicateRelation, Error, "an argument names the same target twice in supports, or twice in attacks"},
		{RuleSupportAndAttack, Error, "an argument both supports and attacks the same target"},
		{RuleUnknownSource, Error, "a quote or piece of evidence names a source the debate does not list"},
		{RuleNoRelation, Warning, "an argument supports and attacks nothing, so it counts for nothing"},
		{RuleSideContradiction, Warning, "a relation runs against the sides: a pro argument attacks the thesis or a pro argument, or supports a con one (and the same for con)"},
		{RuleCycle, Warning, "arguments form a cycle of relations"},
		{RuleNoQuote, Warning, "an argument has no quote"},
		{RuleMixedScriptID, Warning, "an id mixes scripts (a Cyrillic а among Latin letters), so it can pass for another id"},
	}
}

// Problem is one thing wrong with a debate, at the place of the value it is about. End is
// just past that value when known, else zero.
type Problem struct {
	Rule     Rule
	Severity Severity
	Pos      Pos
	End      Pos
	Message  string
}

// Check finds what is wrong with a debate beyond how it was written down: duplicate ids,
// references to unknown arguments, categories and sources, relations an argument cannot have,
// profiles, and the warnings (loose arguments, relations against the sides, cycles, arguments
// without a quote). It is for a debate from any reader: a value left empty (an argument with
// no id, a profile with nil weights) is taken as already reported by the reader, and raises
// no second problem.
//
// Problems come in the order of the debate, not sorted by position.
func Check(d *Debate) []Problem {
	ps, _ := CheckGraph(d)
	return ps
}

// CheckGraph is Check that also returns the debate's graph, as NewGraph builds it: the checks
// build it to look for cycles, and a caller that needs it need not build it again.
func CheckGraph(d *Debate) ([]Problem, *Graph) {
	c := checker{d: d}
	c.ids()
	c.sourcesAndProfiles()
	c.references()
	g := c.warnings()
	return c.problems, g
}

type checker struct {
	d        *Debate
	problems []Problem
	byID     map[string]node // the thesis and the arguments by id, at their first definition
	srcAt    map[string]Pos
	valid    [][]relation // per argument, the relations that passed the checks
	// suggestions made so far: few per debate, so that one of many bad references stays fast
	suggestions int
}

// node is what the checks need of an id: where it is defined, and the side of what has it.
type node struct {
	at   Pos
	side Side
}

type relation struct {
	typ    RelationType
	target string
	at     Span
	side   Side // the target's side ("" when it has none)
}

func (c *checker) add(at Span, rule Rule, sev Severity, format string, args ...any) {
	c.problems = append(c.problems, Problem{Rule: rule, Severity: sev, Pos: at.Pos, End: at.End(), Message: fmt.Sprintf(format, args...)})
}

func (c *checker) ids() {
	d := c.d
	c.byID = make(map[string]node, len(d.Arguments)+1)
	if d.Thesis.ID != "" {
		c.byID[d.Thesis.ID] = node{d.Thesis.IDAt.Pos, Pro}
	}
	for _, a := range d.Arguments {
		if a.ID == "" {
			continue
		}
		if n, dup := c.byID[a.ID]; dup {
			what := "an argument"
			if a.ID == d.Thesis.ID {
				what = "the thesis"
			}
			c.add(a.At.ID, RuleDuplicateID, Error, "duplicate id %s: %s at %s has it already; give each argument its own id", safetext.Quote(a.ID), what, n.at.RelativeTo(a.At.ID.Pos))
			continue
		}
		c.byID[a.ID] = node{at: a.At.ID.Pos, side: a.Side}
	}
	c.mixedScripts(d.Thesis.ID, d.Thesis.IDAt)
	for _, a := range d.Arguments {
		c.mixedScripts(a.ID, a.At.ID)
	}
}

// mixedScripts warns of an id whose letters are not all of one script: "pаy" with a Cyrillic
// а reads as "pay" and is another id, so a relation to it may not go where a reader thinks.
func (c *checker) mixedScripts(id string, at Span) {
	if odd := safetext.MixedScript(id); odd != nil {
		c.add(at, RuleMixedScriptID, Warning, "id %s mixes scripts: %s; it can pass for another id: spell it in one script",
			`"`+safetext.ID(id)+`"`, safetext.RuneNames(odd))
	}
}

func (c *checker) sourcesAndProfiles() {
	c.srcAt = map[string]Pos{}
	for _, s := range c.d.Sources {
		if s.ID == "" {
			continue
		}
		if first, dup := c.srcAt[s.ID]; dup {
			c.add(s.IDAt, RuleDuplicateSource, Error, "duplicate source id %s (first at %s): give each source its own id", safetext.Quote(s.ID), first.RelativeTo(s.IDAt.Pos))
			continue
		}
		c.srcAt[s.ID] = s.IDAt.Pos
	}
	seen := map[string]Pos{}
	for _, p := range c.d.Profiles {
		name := p.Name
		if first, dup := seen[name]; dup {
			c.add(Span{Pos: p.Pos}, RuleDuplicateProfile, Error, "duplicate profile %s (first at %s): rename one of them", safetext.Quote(name), first.RelativeTo(p.Pos))
		} else {
			seen[name] = p.Pos
		}
		if p.Weights == nil {
			continue
		}
		positive := false
		for cat, w := range p.Weights {
			if w > 0 {
				positive = true
			}
			if !c.d.HasCategory(cat) {
				c.add(p.WeightAt[cat], RuleUnknownCategory, Error, "unknown category %s in the weights of profile %s: %s", safetext.Quote(cat), safetext.Line(name), c.categoryHint(cat))
			}
		}
		if !positive {
			c.add(Span{Pos: p.Pos}, RuleNoPositiveWeight, Error, "profile %s gives no category a weight above 0: give at least one a positive weight", safetext.Line(name))
		}
	}
}

func (c *checker) categoryHint(got string) string {
	cats := c.d.Categories
	if s := c.suggest(got, cats); s != "" {
		return fmt.Sprintf("did you mean %s? (the categories are %s)", s, strings.Join(cats, ", "))
	}
	return "use one of " + strings.Join(cats, ", ") + ", or add it to debate.categories"
}

func (c *checker) references() {
	d := c.d
	sourceIDs := make([]string, 0, len(c.srcAt))
	for _, s := range d.Sources {
		if _, ok := c.srcAt[s.ID]; ok && s.ID != "" {
			sourceIDs = append(sourceIDs, s.ID)
		}
	}
	var ids []string // every id a relation may name, for suggestions: made at the first
	idList := func() []string {
		if ids == nil {
			if d.Thesis.ID != "" {
				ids = append(ids, d.Thesis.ID)
			}
			for _, a := range d.Arguments {
				if a.ID != "" {
					ids = append(ids, a.ID)
				}
			}
		}
		return ids
	}
	c.valid = make([][]relation, len(d.Arguments))
	for i, a := range d.Arguments {
		if a.Category != "" && !d.HasCategory(a.Category) {
			c.add(a.At.Category, RuleUnknownCategory, Error, "unknown category %s: %s", safetext.Quote(a.Category), c.categoryHint(a.Category))
		}
		// Most arguments name a few targets, which a look along the valid ones finds sooner
		// than a map; a long list gets one, so a hostile debate cannot make this quadratic.
		var seen map[string]relation
		if len(a.Supports)+len(a.Attacks) > 16 {
			seen = make(map[string]relation, len(a.Supports)+len(a.Attacks))
		}
		var valid []relation
		for j := range len(a.Supports) + len(a.Attacks) {
			r := relation{typ: Support, at: a.relationSpan(j)}
			if j < len(a.Supports) {
				r.target = a.Supports[j]
			} else {
				r.typ, r.target = Attack, a.Attacks[j-len(a.Supports)]
			}
			target, ok := c.byID[r.target]
			if !ok {
				hint := "check the spelling, or add the argument"
				if s := c.suggest(r.target, idList()); s != "" {
					hint = fmt.Sprintf("did you mean %s?", s)
				}
				c.add(r.at, RuleDanglingRef, Error, "unknown id %s in %s: no argument or thesis has it; %s", safetext.Quote(r.target), relKey(r.typ), hint)
				continue
			}
			if r.target == a.ID {
				c.add(r.at, RuleSelfRelation, Error, "argument %s %s itself: remove %s from %s", safetext.Line(a.ID), relKey(r.typ), safetext.Line(r.target), relKey(r.typ))
				continue
			}
			if first, dup := validTo(valid, r.target, seen); dup {
				if first.typ == r.typ {
					c.add(r.at, RuleDuplicateRelation, Error, "argument %s %s %s twice (first at %s): remove one", safetext.Line(a.ID), relKey(r.typ), safetext.Line(r.target), first.at.RelativeTo(r.at.Pos))
				} else {
					c.add(r.at, RuleSupportAndAttack, Error, "argument %s both supports and attacks %s: keep the one that is meant", safetext.Line(a.ID), safetext.Line(r.target))
				}
				continue
			}
			r.side = target.side
			valid = append(valid, r)
			if seen != nil {
				seen[r.target] = r
			}
		}
		c.valid[i] = valid
		c.passages(a.Quotes, "quotes", sourceIDs)
		c.passages(a.Evidence, "evidence", sourceIDs)
		for _, r := range a.Relations {
			if r.Source != "" && r.SourceAt != (Span{}) {
				c.passages([]Passage{{Source: r.Source, SourceAt: r.SourceAt}}, "the quote of a relation", sourceIDs)
			}
		}
	}
	if d.Verdict.Source != "" {
		c.passages([]Passage{d.Verdict}, "the verdict", sourceIDs)
	}
}

func (c *checker) passages(ps []Passage, kind string, sourceIDs []string) {
	for _, p := range ps {
		if p.Source == "" {
			continue
		}
		if _, ok := c.srcAt[p.Source]; ok {
			continue
		}
		hint := "add it to debate.sources"
		if s := c.suggest(p.Source, sourceIDs); s != "" {
			hint = fmt.Sprintf("did you mean %s?", s)
		} else if len(sourceIDs) > 0 {
			hint = fmt.Sprintf("use one of %s, or add it to debate.sources", strings.Join(sourceIDs, ", "))
		}
		c.add(p.SourceAt, RuleUnknownSource, Error, "unknown source %s in %s: %s", safetext.Quote(p.Source), kind, hint)
	}
}

func relKey(t RelationType) string {
	if t == Support {
		return "supports"
	}
	return "attacks"
}

// validTo finds the relation to target among those that passed so far, in seen when there is
// a map of them.
func validTo(valid []relation, target string, seen map[string]relation) (relation, bool) {
	if seen != nil {
		r, ok := seen[target]
		return r, ok
	}
	for _, r := range valid {
		if r.target == target {
			return r, true
		}
	}
	return relation{}, false
}

// warnings are what the debate may mean but probably does not: loose arguments, relations
// against the sides, cycles, arguments with no quote.
func (c *checker) warnings() *Graph {
	for i, a := range c.d.Arguments {
		if a.ID == "" {
			continue
		}
		if len(a.Supports)+len(a.Attacks) == 0 {
			c.add(Span{Pos: a.Pos}, RuleNoRelation, Warning, "argument %s supports and attacks nothing, so it counts for nothing: add supports: [...] or attacks: [...]", safetext.Line(a.ID))
		}
		if a.Side != "" {
			for _, r := range c.valid[i] {
				if msg := c.sideClash(a, r); msg != "" {
					c.add(r.at, RuleSideContradiction, Warning, "%s", msg)
				}
			}
		}
		if len(a.Quotes) == 0 {
			c.add(Span{Pos: a.Pos}, RuleNoQuote, Warning, "argument %s has no quote: add a verbatim passage from a source under quotes", safetext.Line(a.ID))
		}
	}
	g := NewGraph(c.d)
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
		c.add(Span{Pos: first.Pos}, RuleCycle, Warning, "%s form a cycle of relations: scoring handles it, but check each relation is meant", joinAnd(names))
	}
	return g
}

// sideClash says how a relation runs against the sides: a pro argument attacking the thesis or
// another pro argument, or supporting a con one, and the same for con.
func (c *checker) sideClash(a *Argument, r relation) string {
	target := r.side
	if target == "" || r.target == a.ID {
		return ""
	}
	same := target == a.Side
	if r.typ == Attack && !same || r.typ == Support && same {
		return "" // checked for every relation: most are fine, and cost nothing more
	}
	what := fmt.Sprintf("the %s argument %s", target, safetext.Line(r.target))
	if r.target == c.d.Thesis.ID {
		what = "the thesis"
	}
	if r.typ == Attack {
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

// maxSuggestLength bounds the text a suggestion is looked for: an edit distance costs the
// product of the lengths.
const maxSuggestLength = 128

// suggest returns the candidate nearest to got by edit distance, quoted, or "" when none is
// near. Suggestions are few per debate so that a debate of many bad references stays fast.
func (c *checker) suggest(got string, candidates []string) string {
	const maxSuggestions = 200
	if len(got) > maxSuggestLength || c.suggestions >= maxSuggestions {
		return ""
	}
	c.suggestions++
	if s, ok := Nearest(got, candidates); ok {
		return safetext.Quote(s)
	}
	return ""
}

// Nearest returns the candidate nearest to got by edit distance, when one is near: within a
// third of got's length and at most 3 edits. Ids of one or two letters get no guess, and
// texts too long to compare cheaply none either.
func Nearest(got string, candidates []string) (string, bool) {
	if len(got) > maxSuggestLength {
		return "", false
	}
	best, bestD := "", 0
	limit := min(3, len([]rune(got))/3)
	if limit == 0 {
		return "", false
	}
	for _, c := range candidates {
		if len(c) > maxSuggestLength {
			continue
		}
		if d := Distance(got, c); d <= limit && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best, best != ""
}
