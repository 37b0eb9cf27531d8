package corpus

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// loader collects what the files of one corpus hold, and every problem met on the way.
type loader struct {
	dir      string
	problems []Problem

	debate     *argument.Debate
	categoryAt map[string]argument.Pos
	args       []*argInfo
	profiles   []*argument.Profile

	suggestions int // suggestions made so far; see suggest

	// Problems past MaxProblems are counted, not kept: a file of a million broken arguments
	// must not cost a million messages. Errors that reach the limit while the files are decoded
	// stop the decoding (stopped): the corpus cannot load anyway.
	dropped, droppedErrors int
	stopped                bool

	graph *argument.Graph // the debate's, built by the checks across files

	size     int64 // bytes read so far, against maxCorpusSize
	oversize bool  // the files passed maxCorpusSize: the rest are not read
	tooMany  bool  // more than maxArguments arguments: reported once, the rest skipped

	fileKind string // what messages call a file: "a corpus file" when empty
}

// full reports whether MaxProblems have been reported.
func (l *loader) full() bool { return len(l.problems) >= MaxProblems }

// argInfo is an argument as decoded, with what the checks need to know of how it was written.
type argInfo struct {
	arg    *argument.Argument
	relErr bool // a relation list was malformed: argument's no-relation would say it twice
}

func newLoader(dir string) *loader {
	return &loader{dir: dir, categoryAt: map[string]argument.Pos{}}
}

// add reports a problem of rule, with the rule's severity.
func (l *loader) add(at argument.Span, rule argument.Rule, format string, args ...any) {
	l.addProblem(Problem{Pos: at.Pos, End: at.End(), Severity: severities[rule], Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// addProblem keeps p, or counts it past MaxProblems.
func (l *loader) addProblem(p Problem) {
	if len(l.problems) >= MaxProblems {
		l.dropped++
		if p.Severity == Error {
			l.droppedErrors++
		}
		return
	}
	l.problems = append(l.problems, p)
}

// addDropped reports, as one problem at the corpus folder, that the load stopped at
// MaxProblems, or how many problems past it were not kept.
func (l *loader) addDropped() {
	at := argument.Pos{File: l.dir}
	switch {
	case l.stopped:
		l.problems = append(l.problems, Problem{Pos: at, Severity: Error, Rule: ruleLimit,
			Message: fmt.Sprintf("stopped after %d problems: fix these and run 'argmap validate' again", MaxProblems)})
	case l.dropped > 0:
		sev := Warning
		if l.droppedErrors > 0 {
			sev = Error
		}
		l.problems = append(l.problems, Problem{Pos: at, Severity: sev, Rule: ruleLimit,
			Message: fmt.Sprintf("%s not shown (%s): fix the ones above and run 'argmap validate' again", plural(l.dropped, "more problem"), plural(l.droppedErrors, "error")),
			Omitted: l.dropped, OmittedErrors: l.droppedErrors})
	}
}

func pos(file string, n *yaml.Node) argument.Pos {
	return argument.Pos{File: file, Line: n.Line, Column: n.Column}
}

// at is the span of n. Its end is known for a plain scalar without spaces (ids and most
// keys), which cannot have been folded from more than one line.
func at(file string, n *yaml.Node) argument.Span {
	s := argument.Span{Pos: pos(file, n)}
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Value != "" && !strings.ContainsAny(n.Value, " \t\n\r") {
		s.EndColumn = n.Column + utf8.RuneCountInString(n.Value)
	}
	return s
}

// point is the span of a position whose end is not known.
func point(p argument.Pos) argument.Span { return argument.Span{Pos: p} }

// q quotes corpus text for a message: controls and invisible characters escaped visibly, and
// long text cut short.
func q(s string) string { return safetext.Quote(s) }

// file is one file being decoded.
type file struct {
	*loader
	name string
}

// decodeFile decodes the tree of a file. more, when not nil, decodes the arguments that the
// tree lacks because yamlfast handed them over as it read them (see yamlfast.ParseEach): it is
// called where the tree's own arguments are decoded, so that everything happens in the order
// decoding the whole tree would take.
func (l *loader) decodeFile(name string, root *yaml.Node, more func(file)) {
	f := file{l, name}
	if f.aliases(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return // a file of comments and an empty document
		}
		f.add(f.at(root), ruleWrongType, "a corpus file must be a mapping with the keys %s; this one is %s", strings.Join(fileShape.keys, ", "), describe(root))
		return
	}
	m := f.fields(root, fileShape)
	if v := m.val("argmap"); v != nil {
		f.version(v)
	}
	if v := m.val("debate"); v != nil {
		if m.val("argmap") == nil {
			f.add(f.at(m.key("debate")), ruleMissingKey, "the file with the debate must say argmap: %d (the format version): add it above debate", Version)
		}
		f.debate(m.key("debate"), v)
	}
	if v := m.val("profiles"); v != nil {
		f.profiles(v)
	}
	if v := m.val("arguments"); v != nil {
		if items, ok := f.list(v, "arguments", "a list of arguments"); ok {
			for _, item := range items {
				f.listedArgument(item)
			}
			if more != nil {
				more(f)
			}
		}
	}
}

// listedArgument decodes one item of the list under arguments, in the list's order, unless
// the problems have reached MaxProblems: the decoding then stops, and the rest of the list is
// passed over.
func (f file) listedArgument(n *yaml.Node) {
	if f.loader.stopped {
		return
	}
	if f.full() {
		f.loader.stopped = true
		return
	}
	f.argument(n)
}

func (f file) pos(n *yaml.Node) argument.Pos { return pos(f.name, n) }

func (f file) at(n *yaml.Node) argument.Span { return at(f.name, n) }

// aliases reports the aliases in the tree, the first by place and the count of the rest: the
// format needs none, and refusing them is the whole defence against alias bombs. It walks
// without recursion and never follows an alias.
func (f file) aliases(root *yaml.Node) bool {
	var first *yaml.Node
	count := 0
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			if first == nil {
				first = n
			}
			count++
			continue
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	if first == nil {
		return false
	}
	more := ""
	if count > 1 {
		more = fmt.Sprintf(" (and the %d other aliases in the file)", count-1)
	}
	f.add(f.at(first), ruleAlias, "aliases are not allowed in a corpus: write the value out in full instead of *%s%s", safetext.Line(first.Value), more)
	return true
}

// mapping is a decoded mapping: the key and value nodes of each known key, in the order of
// its shape's keys. Arrays, not maps: a corpus may hold a great many small mappings.
type mapping struct {
	shape *shape
	keys  [maxKeys]*yaml.Node
	vals  [maxKeys]*yaml.Node
}

const maxKeys = 16 // the most keys a shape has, with room

func (m *mapping) index(name string) int {
	for i, k := range m.shape.keys {
		if k == name {
			return i
		}
	}
	return -1
}

// val returns the value of a key, or nil.
func (m *mapping) val(name string) *yaml.Node {
	if i := m.index(name); i >= 0 {
		return m.vals[i]
	}
	return nil
}

// key returns the key node of a key, or nil.
func (m *mapping) key(name string) *yaml.Node {
	if i := m.index(name); i >= 0 {
		return m.keys[i]
	}
	return nil
}

// fields checks a mapping against its shape: unknown keys (with the nearest known one),
// duplicate keys and missing required keys are reported; the known keys are returned.
func (f file) fields(n *yaml.Node, s *shape) mapping {
	m := mapping{shape: s}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			f.add(f.at(k), ruleWrongType, "a key in %s must be text, not %s: use one of %s", s.what, describe(k), strings.Join(s.keys, ", "))
			continue
		}
		j := m.index(k.Value)
		if j < 0 {
			f.add(f.at(k), ruleUnknownKey, "unknown key %s in %s: %s", q(k.Value), s.what, f.suggestKey(k.Value, s.keys))
			continue
		}
		if first := m.keys[j]; first != nil {
			f.add(f.at(k), ruleDuplicateKey, "duplicate key %s (first at %s): remove one of them", q(k.Value), where(f.pos(first), f.pos(k)))
			continue
		}
		m.keys[j], m.vals[j] = k, v
	}
	for _, r := range s.required {
		if m.key(r) == nil {
			f.add(f.at(n), ruleMissingKey, "%s has no %s: %s", s.what, r, hints[r])
		}
	}
	return m
}

// hints say what to write for each required key.
var hints = map[string]string{
	"id":       "give it a unique lower-case id, like drain-manpower",
	"title":    "give it a short title",
	"question": "add the question the debate answers",
	"thesis":   "add the thesis with its id and claim",
	"claim":    "add one sentence that states it",
	"side":     "add side: pro or side: con",
	"category": "add the category it belongs to, one of the debate's categories",
	"strength": "add its base strength, a number from 0 to 1",
	"weights":  "add the weight of each category, like {moral: 1, strategic: 1, political: 1}",
	"source":   "add the id of the source it comes from",
	"text":     "add the passage itself",
	"to":       "add the id of the argument or thesis it supports or attacks",
}

// hint says how to fill an empty value of key.
func hint(key string) string {
	if h, ok := hints[key]; ok {
		return h
	}
	return "write a value, or remove it"
}

// suggestKey says which known key a typo probably meant, or lists them all.
func (f file) suggestKey(got string, keys []string) string {
	if s := f.suggest(got, keys); s != "" {
		return fmt.Sprintf("did you mean %s?", s)
	}
	return "the keys are " + strings.Join(keys, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// describe names what kind of YAML value n is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "the number " + safetext.Line(n.Value)
		case "!!bool":
			return "true or false (" + safetext.Line(n.Value) + ")"
		case "!!str", "!!timestamp":
			return "the text " + q(n.Value)
		}
		return "a value tagged " + q(n.Tag)
	}
	return "a document"
}

// text returns the text of a scalar. Plain scalars that YAML reads as numbers or true/false are
// refused, as the JSON Schema refuses them; dates (2022-09-27) are text.
func (f file) text(n *yaml.Node, key string, required bool) (string, bool) {
	if n.Kind == yaml.AliasNode {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		f.add(f.at(n), ruleWrongType, "%s must be text, not %s", key, describe(n))
		return "", false
	}
	switch n.Tag {
	case "!!str", "!!timestamp":
	case "!!null":
		if required {
			f.add(f.at(n), ruleEmptyValue, "%s is empty: %s", key, hint(key))
		} else {
			f.add(f.at(n), ruleEmptyValue, "%s has no value: write one or remove the key", key)
		}
		return "", false
	case "!!int", "!!float", "!!bool":
		f.add(f.at(n), ruleWrongType, "%s must be text, not %s: put it in quotes", key, describe(n))
		return "", false
	default:
		f.add(f.at(n), ruleWrongType, "%s must be text, not %s: remove the tag", key, describe(n))
		return "", false
	}
	v := n.Value
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		v = strings.TrimRight(v, "\n")
	}
	if required && strings.TrimSpace(v) == "" {
		f.add(f.at(n), ruleEmptyValue, "%s is empty: %s", key, hint(key))
		return "", false
	}
	return v, true
}

// id returns an id: lower-case kebab, at most MaxIDLength characters.
func (f file) id(n *yaml.Node, key, example string) (string, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" && n.Value != "" && !validID(n.Value) {
		var holds string
		if odd := safetext.MixedScript(n.Value); odd != nil {
			holds = "it holds " + safetext.RuneNames(odd) + "; "
		}
		f.add(f.at(n), ruleBadID, "%s %s is not a valid id: %suse lower-case letters, digits and single hyphens, like %s (at most %d characters)", key, q(n.Value), holds, example, MaxIDLength)
		return "", false
	}
	return f.text(n, key, true)
}

// list returns the items of a sequence. what is the message's name for the expected list.
func (f file) list(n *yaml.Node, key, what string) ([]*yaml.Node, bool) {
	switch {
	case n.Kind == yaml.AliasNode:
		return nil, false
	case n.Kind == yaml.SequenceNode:
		return n.Content, true
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		f.add(f.at(n), ruleEmptyValue, "%s has no value: write [] or remove the key", key)
	case n.Kind == yaml.ScalarNode:
		f.add(f.at(n), ruleWrongType, "%s must be %s, not %s: write [%s]", key, what, describe(n), safetext.Line(n.Value))
	default:
		f.add(f.at(n), ruleWrongType, "%s must be %s, not %s", key, what, describe(n))
	}
	return nil, false
}

// number reads a scalar YAML takes for a number. ok is false (and nothing reported) for
// anything else.
func number(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	v := strings.ReplaceAll(n.Value, "_", "")
	switch n.Tag {
	case "!!int":
		if i, err := strconv.ParseInt(v, 0, 64); err == nil {
			return float64(i), true
		}
		if strings.HasPrefix(v, "0o") || strings.HasPrefix(v, "0O") {
			if i, err := strconv.ParseInt(v[2:], 8, 64); err == nil {
				return float64(i), true
			}
		}
		if fl, err := strconv.ParseFloat(v, 64); err == nil { // too large for int64
			return fl, true
		}
	case "!!float":
		switch strings.ToLower(strings.TrimLeft(v, "+")) {
		case ".nan":
			return math.NaN(), true
		case ".inf":
			return math.Inf(1), true
		case "-.inf":
			return math.Inf(-1), true
		}
		if fl, err := strconv.ParseFloat(v, 64); err == nil || isRange(err) {
			return fl, true
		}
	case "!!str":
		// A plain number too large for a float64 (1e400) resolves as text; it is a number
		// out of range, and is reported as one.
		if n.Style == 0 {
			if fl, err := strconv.ParseFloat(v, 64); isRange(err) {
				return fl, true
			}
		}
	}
	return 0, false
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// unit reads a number in [0,1]: a strength or a base.
func (f file) unit(n *yaml.Node, key string) (float64, bool) {
	if n.Kind == yaml.AliasNode {
		return 0, false
	}
	x, ok := number(n)
	if !ok {
		f.add(f.at(n), ruleWrongType, "%s must be a number from 0 to 1, not %s", key, describe(n))
		return 0, false
	}
	if math.IsNaN(x) || x < 0 || x > 1 {
		f.add(f.at(n), ruleOutOfRange, "%s must be a number from 0 to 1, not %s", key, safetext.Line(n.Value))
		return 0, false
	}
	return x, true
}

func (f file) version(n *yaml.Node) {
	if n.Kind == yaml.AliasNode {
		return
	}
	x, ok := number(n)
	if !ok || n.Tag != "!!int" {
		f.add(f.at(n), ruleWrongType, "argmap must be the format version %d, not %s", Version, describe(n))
		return
	}
	if x != Version {
		f.add(f.at(n), ruleBadVersion, "argmap %s is a format version this argmap does not read: it reads version %d", safetext.Line(n.Value), Version)
	}
}

func (f file) debate(key, n *yaml.Node) {
	if f.loader.debate != nil {
		f.add(f.at(key), ruleSecondDebate, "a second debate (the first is at %s): a corpus holds exactly one; remove one of them", where(f.loader.debate.Pos, f.pos(key)))
		return
	}
	d := &argument.Debate{
		Version:    Version,
		Categories: argument.DefaultCategories,
		Thesis:     argument.Thesis{Base: argument.DefaultBase},
		Pos:        f.pos(key),
	}
	f.loader.debate = d
	if !f.isMapping(n, "debate") {
		return
	}
	m := f.fields(n, debateShape)
	if v := m.val("id"); v != nil {
		d.ID, _ = f.id(v, "id", "russian-draft-evaders")
	}
	if v := m.val("title"); v != nil {
		d.Title, _ = f.text(v, "title", true)
	}
	if v := m.val("question"); v != nil {
		d.Question, _ = f.text(v, "question", true)
	}
	if v := m.val("thesis"); v != nil {
		f.thesis(d, v)
	}
	if v := m.val("categories"); v == nil || !f.categories(d, v) {
		d.Categories = argument.DefaultCategories
		for _, c := range d.Categories {
			f.categoryAt[c] = d.Pos
		}
	}
	if v := m.val("sources"); v != nil {
		if items, ok := f.list(v, "sources", "a list of sources"); ok {
			for _, item := range items {
				f.source(d, item)
			}
		}
	}
	if v := m.val("verdict"); v != nil && f.isMapping(v, "the verdict") {
		vm := f.fields(v, verdictShape)
		d.Verdict.Pos = f.pos(v)
		if s := vm.val("source"); s != nil {
			if id, ok := f.id(s, "source", "catoggio-2022"); ok {
				d.Verdict.Source, d.Verdict.SourceAt = id, f.at(s)
			}
		}
		if t := vm.val("text"); t != nil {
			d.Verdict.Text, _ = f.text(t, "text", true)
		}
	}
}

// isMapping reports whether n is a mapping, and says so when it is not.
func (f file) isMapping(n *yaml.Node, what string) bool {
	switch n.Kind {
	case yaml.MappingNode:
		return true
	case yaml.AliasNode:
		return false
	}
	f.add(f.at(n), ruleWrongType, "%s must be a mapping of keys to values, not %s", what, describe(n))
	return false
}

func (f file) thesis(d *argument.Debate, n *yaml.Node) {
	if !f.isMapping(n, "thesis") {
		return
	}
	d.Thesis.Pos = f.pos(n)
	m := f.fields(n, thesisShape)
	if v := m.val("id"); v != nil {
		if id, ok := f.id(v, "id", "grant-asylum"); ok {
			d.Thesis.ID, d.Thesis.IDAt = id, f.at(v)
		}
	}
	if v := m.val("claim"); v != nil {
		d.Thesis.Claim, _ = f.text(v, "claim", true)
	}
	if v := m.val("base"); v != nil {
		if x, ok := f.unit(v, "base"); ok {
			d.Thesis.Base = x
		}
	}
}

// categories reads the debate's own categories. It returns false when there is no list to
// use, and the defaults stand in so that the arguments' categories are not reported too.
func (f file) categories(d *argument.Debate, n *yaml.Node) bool {
	items, ok := f.list(n, "categories", "a list of category names")
	if !ok {
		return false
	}
	if len(items) == 0 {
		f.add(f.at(n), ruleEmptyValue, "categories is empty: list at least one, or remove the key for the default %s", strings.Join(argument.DefaultCategories, ", "))
		return false
	}
	d.Categories = nil
	for _, item := range items {
		c, ok := f.id(item, "category", "moral")
		if !ok {
			continue
		}
		if first, dup := f.categoryAt[c]; dup {
			f.add(f.at(item), ruleDuplicateItem, "category %s is listed twice (first at %s): remove one", q(c), where(first, f.pos(item)))
			continue
		}
		f.categoryAt[c] = f.pos(item)
		d.Categories = append(d.Categories, c)
	}
	return true
}

func (f file) source(d *argument.Debate, n *yaml.Node) {
	if !f.isMapping(n, "a source") {
		return
	}
	s := argument.Source{Pos: f.pos(n)}
	m := f.fields(n, sourceShape)
	if v := m.val("id"); v != nil {
		if id, ok := f.id(v, "id", "catoggio-2022"); ok {
			s.ID, s.IDAt = id, f.at(v)
		}
	}
	for _, k := range []struct {
		key string
		dst *string
	}{{"title", &s.Title}, {"subtitle", &s.Subtitle}, {"author", &s.Author}, {"publication", &s.Publication}, {"date", &s.Date}, {"url", &s.URL}} {
		if v := m.val(k.key); v != nil {
			*k.dst, _ = f.text(v, k.key, k.key == "title")
		}
	}
	d.Sources = append(d.Sources, s)
}

func (f file) profiles(n *yaml.Node) {
	if !f.isMapping(n, "profiles") {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			f.add(f.at(k), ruleWrongType, "a profile name must be text, not %s", describe(k))
			continue
		}
		name, ok := f.id(k, "profile name", "even")
		if !ok {
			continue
		}
		p := &argument.Profile{Name: name, Pos: f.pos(k)}
		f.loader.profiles = append(f.loader.profiles, p)
		if !f.isMapping(v, "profile "+name) {
			continue
		}
		m := f.fields(v, profileShape)
		if d := m.val("description"); d != nil {
			p.Description, _ = f.text(d, "description", false)
		}
		if w := m.val("weights"); w != nil {
			f.weights(p, w)
		}
	}
}

// weights reads a profile's weights. They stay nil unless every one is well-formed, so that
// argument's checks of them say nothing more about a mapping already reported.
func (f file) weights(p *argument.Profile, n *yaml.Node) {
	if !f.isMapping(n, "weights") {
		return
	}
	weights := map[string]float64{}
	p.WeightAt = map[string]argument.Span{}
	wellFormed := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			f.add(f.at(k), ruleWrongType, "a category in weights must be text, not %s", describe(k))
			wellFormed = false
			continue
		}
		c := k.Value
		if first, dup := p.WeightAt[c]; dup {
			f.add(f.at(k), ruleDuplicateKey, "duplicate key %s (first at %s): remove one of them", q(c), where(first.Pos, f.pos(k)))
			wellFormed = false
			continue
		}
		p.WeightAt[c] = f.at(k)
		if v.Kind == yaml.AliasNode {
			wellFormed = false
			continue
		}
		x, ok := f.weight(c, v)
		if !ok {
			wellFormed = false
			continue
		}
		weights[c] = x
	}
	if wellFormed {
		p.Weights = weights
	}
}

// weight reads the weight of category c: what YAML reads as a number, written as a plain
// decimal (argument.ParseWeight, as --weights and --weights-file take it too), finite and
// not negative.
func (f file) weight(c string, v *yaml.Node) (float64, bool) {
	x, ok := number(v)
	if ok && (math.IsNaN(x) || math.IsInf(x, 0) || x < 0) {
		f.add(f.at(v), ruleOutOfRange, "the weight of %s must be a finite number of 0 or more, not %s", safetext.Line(c), safetext.Line(v.Value))
		return 0, false
	}
	plain := v.Kind == yaml.ScalarNode && v.Style == 0
	if plain && (ok || v.Tag == "!!str") {
		// A number YAML reads another way than a person or another reader would (1_000,
		// 0x10, 017), or one it reads as text that Go would take for a number (0x1p3).
		_, err := argument.ParseWeight(v.Value)
		var ne *argument.NumberError
		if errors.As(err, &ne) && (ok || ne.Instead != "") {
			f.add(f.at(v), ruleBadNumber, "the weight of %s must be a plain decimal number, not %s (%s): write %s", safetext.Line(c), safetext.Line(v.Value), ne.Reason, cmp.Or(ne.Instead, "a number like 2 or 0.5"))
			return 0, false
		}
	}
	if !ok {
		f.add(f.at(v), ruleWrongType, "the weight of %s must be a number of 0 or more, not %s", safetext.Line(c), describe(v))
		return 0, false
	}
	return x, true
}

func (f file) argument(n *yaml.Node) {
	if !f.isMapping(n, "an argument") {
		return
	}
	if len(f.args) >= maxArguments {
		if !f.loader.tooMany {
			f.loader.tooMany = true
			f.add(f.at(n), ruleLimit, "the corpus holds more than %d arguments, the most argmap loads: split the debate into smaller ones", maxArguments)
		}
		return
	}
	a := &argument.Argument{Pos: f.pos(n)}
	info := &argInfo{arg: a}
	f.args = append(f.args, info)
	m := f.fields(n, argumentShape)
	if v := m.val("id"); v != nil {
		if id, ok := f.id(v, "id", "drain-manpower"); ok {
			a.ID, a.At.ID = id, f.at(v)
		}
	}
	if v := m.val("side"); v != nil {
		if s, ok := f.text(v, "side", true); ok {
			if contains(sides, s) {
				a.Side = argument.Side(s)
			} else {
				f.add(f.at(v), ruleBadSide, "side must be pro or con, not %s", q(s))
			}
		}
	}
	if v := m.val("category"); v != nil {
		if c, ok := f.text(v, "category", true); ok {
			a.Category, a.At.Category = c, f.at(v)
		}
	}
	if v := m.val("title"); v != nil {
		if t, ok := f.text(v, "title", true); ok {
			if n := utf8.RuneCountInString(t); n > MaxTitleLength {
				f.add(f.at(v), ruleLimit, "title is %d characters long: keep it to %d and put the rest in claim or reasoning", n, MaxTitleLength)
			}
			a.Title = t
		}
	}
	if v := m.val("claim"); v != nil {
		a.Claim, _ = f.text(v, "claim", true)
	}
	if v := m.val("reasoning"); v != nil {
		a.Reasoning, _ = f.text(v, "reasoning", false)
	}
	if v := m.val("note"); v != nil {
		a.Note, _ = f.text(v, "note", false)
	}
	if v := m.val("strength"); v != nil {
		a.Strength, _ = f.unit(v, "strength")
	}
	if v := m.val("supports"); v != nil {
		a.Supports = f.relations(info, v, "supports", argument.Support)
	}
	if v := m.val("attacks"); v != nil {
		a.Attacks = f.relations(info, v, "attacks", argument.Attack)
	}
	if v := m.val("quotes"); v != nil {
		a.Quotes = f.passages(v, "quotes", quoteShape)
	}
	if v := m.val("evidence"); v != nil {
		a.Evidence = f.passages(v, "evidence", evidenceShape)
	}
	if v := m.val("tags"); v != nil {
		a.Tags = f.tags(v)
	}
}

func (f file) relations(info *argInfo, n *yaml.Node, key string, t argument.RelationType) []string {
	items, ok := f.list(n, key, "a list of ids")
	if !ok {
		info.relErr = true
		return nil
	}
	var ids []string
	for _, item := range items {
		r := argument.Relation{From: info.arg.ID, Type: t, Pos: f.pos(item)}
		at := f.at(item)
		if item.Kind == yaml.MappingNode {
			var ok bool
			if r, at, ok = f.relation(item, key, r); !ok {
				info.relErr = true
				continue
			}
		} else {
			id, ok := f.id(item, "the id", "grant-asylum")
			if !ok {
				info.relErr = true
				continue
			}
			r.To = id
		}
		ids = append(ids, r.To)
		info.arg.Relations = append(info.arg.Relations, r)
		info.arg.At.Relations = append(info.arg.At.Relations, at)
	}
	return ids
}

// relation decodes a relation written as a mapping. A stated relation needs the quote that
// states it and an inferred one the note that says why; at is where the target id stands.
func (f file) relation(n *yaml.Node, key string, r argument.Relation) (argument.Relation, argument.Span, bool) {
	m := f.fields(n, relationShape)
	at := f.at(n)
	ok := m.key("to") != nil
	if v := m.val("to"); v != nil {
		var idOK bool
		if r.To, idOK = f.id(v, "to", "grant-asylum"); idOK {
			at = f.at(v)
		}
		ok = ok && idOK
	}
	basisAt := f.at(n)
	if v := m.val("basis"); v != nil {
		b, bOK := f.text(v, "basis", true)
		basisAt = f.at(v)
		switch {
		case !bOK:
			ok = false
		case !contains(bases, b):
			f.add(f.at(v), ruleBadBasis, "unknown basis %s in %s: use stated (the source makes the link; give its quote) or inferred (the curators' reading; say why in note)", q(b), key)
			ok = false
		default:
			r.Basis = argument.Basis(b)
		}
	}
	if v := m.val("quote"); v != nil {
		r.Quote, _ = f.text(v, "quote", true)
	}
	if v := m.val("source"); v != nil {
		if id, sOK := f.id(v, "source", "catoggio-2022"); sOK {
			r.Source, r.SourceAt = id, f.at(v)
		}
	}
	if v := m.val("note"); v != nil {
		r.Note, _ = f.text(v, "note", false)
	}
	switch {
	case r.Basis == argument.Stated && r.Quote == "" && m.key("quote") == nil:
		f.add(basisAt, ruleStatedWithoutQuote, "relation to %s is stated but has no quote: add quote: with the source's sentence that makes the link, or make it basis: inferred with a note", safetext.Line(r.To))
		ok = false
	case r.Basis == argument.Inferred && strings.TrimSpace(r.Note) == "" && m.key("note") == nil:
		f.add(basisAt, ruleInferredWithoutNote, "relation to %s is inferred but has no note: say in note: why the link is read into the source", safetext.Line(r.To))
		ok = false
	}
	return r, at, ok
}

func (f file) passages(n *yaml.Node, key string, s *shape) []argument.Passage {
	items, ok := f.list(n, key, "a list of {source, text} passages")
	if !ok {
		return nil
	}
	var ps []argument.Passage
	for _, item := range items {
		if !f.isMapping(item, s.what) {
			continue
		}
		p := argument.Passage{Pos: f.pos(item)}
		m := f.fields(item, s)
		if v := m.val("source"); v != nil {
			if id, ok := f.id(v, "source", "catoggio-2022"); ok {
				p.Source, p.SourceAt = id, f.at(v)
			}
		}
		if v := m.val("text"); v != nil {
			p.Text, _ = f.text(v, "text", true)
		}
		ps = append(ps, p)
	}
	return ps
}

func (f file) tags(n *yaml.Node) []string {
	items, ok := f.list(n, "tags", "a list of tags")
	if !ok {
		return nil
	}
	var tags []string
	seen := map[string]argument.Pos{}
	for _, item := range items {
		t, ok := f.id(item, "tag", "manpower")
		if !ok {
			continue
		}
		if first, dup := seen[t]; dup {
			f.add(f.at(item), ruleDuplicateItem, "tag %s is listed twice (first at %s): remove one", q(t), where(first, f.pos(item)))
			continue
		}
		seen[t] = f.pos(item)
		tags = append(tags, t)
	}
	return tags
}

// where names position p for a message placed at here: a column on the same line, a line in
// the same file, or the whole position.
func where(p, here argument.Pos) string { return p.RelativeTo(here) }
