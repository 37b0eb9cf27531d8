// Package importer turns debates mapped in other tools into argument.Debate values. Each
// format's reader lives in its own package (kialo, argdown, aif); this package holds what they
// share: the options the source cannot supply, ids made from titles, sides worked out from the
// relations, the summary line, and the errors that point into the source. Writing the debate
// as a corpus is the command's job (internal/cli), which may reach the exporter and the loader.
package importer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
)

// Options are what a source format cannot say and the user may.
type Options struct {
	// File names the source in messages, in debate.sources and in each argument's note.
	File string
	// Category is every argument's category, and the debate's only one.
	Category string
	// Strength is every argument's base strength.
	Strength float64
	// IDPrefix is put before every id made from a title.
	IDPrefix string
	// Thesis picks the thesis where the source has several candidates (a Kialo path, an AIF
	// node id, an Argdown title).
	Thesis string
}

// DefaultCategory is the category of every imported argument unless --category names another.
const DefaultCategory = "general"

// DefaultStrength is the base strength of every imported argument unless --strength says.
const DefaultStrength = 0.5

// The corpus format's limits that an import keeps to, the same as corpus's (a test holds them
// together; importers sit beside corpus and do not import it).
const (
	// MaxInputSize bounds the source file: the same as one corpus file, since the corpus made
	// from it is about as large.
	MaxInputSize = 16 << 20
	// MaxArguments is the most arguments an import makes: a corpus's limit.
	MaxArguments = 1_000_000
	// MaxRelations bounds the relations a reader makes where a format multiplies them (an AIF
	// scheme node joins every premise to every conclusion): ten for each argument a corpus
	// may hold.
	MaxRelations   = 10 * MaxArguments
	maxIDLength    = 64
	maxTitleLength = 80
	// Version is the corpus format version an import writes.
	Version = 1
)

// MaxClaimLength is the most characters kept as an argument's claim; a longer text keeps its
// opening as the claim and goes whole into reasoning.
const MaxClaimLength = 1000

// InputError is a source that is not the named format or breaks it, placed at a line (and
// column) or, for JSON, at a JSON pointer.
type InputError struct {
	File    string
	Line    int
	Column  int
	Pointer string
	Msg     string
}

func (e *InputError) Error() string {
	switch {
	case e.Pointer != "":
		return fmt.Sprintf("%s: %s: %s", e.File, e.Pointer, e.Msg)
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Summary is what an import did, for the one line on standard error.
type Summary struct {
	Format    string
	Arguments int
	Relations int
	// Thesis says which claim became the thesis when the reader had to choose.
	Thesis  string
	Dropped []Dropped
}

// Dropped counts one kind of thing the source held that the corpus does not.
type Dropped struct {
	Count int
	What  string // a noun phrase with the reason, e.g. "locutions (L nodes: who said what)"
}

// Drop adds n things of a kind to the summary, named by one (for one of them) or many; zero
// adds nothing.
func (s *Summary) Drop(n int, one, many string) {
	switch {
	case n == 1:
		s.Dropped = append(s.Dropped, Dropped{n, one})
	case n > 1:
		s.Dropped = append(s.Dropped, Dropped{n, many})
	}
}

// String is the summary line: counts, the thesis chosen, and what was dropped and why.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %s and %s from %s", plural(s.Arguments, "argument"), plural(s.Relations, "relation"), s.Format)
	if s.Thesis != "" {
		fmt.Fprintf(&b, "; thesis %s", s.Thesis)
	}
	if len(s.Dropped) == 0 {
		b.WriteString("; nothing dropped")
	}
	for i, d := range s.Dropped {
		if i == 0 {
			b.WriteString("; dropped ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d %s", d.Count, d.What)
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Builder assembles a debate: it makes ids unique and fills in what the options supply.
type Builder struct {
	Opts   Options
	Debate *argument.Debate
	used   map[string]bool
	// related holds every relation made through Relate, as {from, to}.
	related map[[2]string]bool
}

// SourceID is the id of the debate.sources entry that records the imported file.
const SourceID = "import"

// NewBuilder starts a debate titled title, its question and thesis claim the same until the
// reader sets them, with one category and the source file as its first source.
func NewBuilder(opts Options, format, title string) *Builder {
	if opts.Category == "" {
		opts.Category = DefaultCategory
	}
	title = OneLine(title)
	if title == "" {
		title = "Imported debate"
	}
	b := &Builder{Opts: opts, used: map[string]bool{}}
	b.Debate = &argument.Debate{
		Version:    Version,
		Title:      Title(title),
		Question:   title,
		Categories: []string{opts.Category},
		Sources: []argument.Source{{
			ID:          SourceID,
			Title:       Title(baseName(opts.File)),
			Publication: "imported from " + format + " by argmap import",
		}},
	}
	// The debate's id is of another kind than the arguments': it may equal the thesis's.
	b.Debate.ID = b.rawID(title, "debate")
	delete(b.used, b.Debate.ID)
	b.Debate.Thesis.Base = argument.DefaultBase
	return b
}

// SetThesis makes the thesis of claim text, with an id from its title (or fallback).
func (b *Builder) SetThesis(text, fallback string) {
	b.Debate.Thesis.Claim = ClaimText(text)
	if b.Debate.Thesis.Claim == "" {
		b.Debate.Thesis.Claim = fallback
	}
	b.Debate.Thesis.ID = b.ID(Title(text), fallback)
}

// Add appends an argument made of text (its claim the text or its opening, its reasoning the
// whole when the claim is cut) with the given side and provenance note, and returns it. Its
// title and id are made of title, or of the text's first words when title is empty.
func (b *Builder) Add(title, text string, side argument.Side, fallback, note string) *argument.Argument {
	if title == "" {
		title = text
	}
	title = Title(title)
	if title == "" {
		title = fallback
	}
	a := &argument.Argument{
		ID:       b.ID(title, fallback),
		Side:     side,
		Category: b.Opts.Category,
		Title:    title,
		Claim:    ClaimText(text),
		Strength: b.Opts.Strength,
		Note:     note,
	}
	if a.Claim == "" {
		a.Claim = title
	}
	if c := strings.TrimSpace(text); utf8.RuneCountInString(c) > MaxClaimLength {
		a.Reasoning = c
	}
	b.Debate.Arguments = append(b.Debate.Arguments, a)
	return a
}

// ID makes a unique id from title (or from fallback, when the title has no Latin letter or
// digit), with the prefix, kebab-cased and at most 64 characters.
func (b *Builder) ID(title, fallback string) string {
	base := Kebab(title)
	if base == "" {
		base = Kebab(fallback)
	}
	if base == "" {
		base = "claim"
	}
	return b.rawID(base, "claim")
}

func (b *Builder) rawID(s, fallback string) string {
	prefix := Kebab(b.Opts.IDPrefix)
	base := Kebab(s)
	if base == "" {
		base = fallback
	}
	if prefix != "" {
		base = prefix + "-" + base
	}
	base = cutID(base, maxIDLength)
	id := base
	for k := 2; b.used[id]; k++ {
		suffix := "-" + strconv.Itoa(k)
		id = cutID(base, maxIDLength-len(suffix)) + suffix
	}
	b.used[id] = true
	return id
}

// cutID shortens a kebab id to at most n bytes, at a hyphen where one is near.
func cutID(id string, n int) string {
	if len(id) <= n {
		return id
	}
	id = id[:n]
	if i := strings.LastIndexByte(id, '-'); i > n/2 {
		id = id[:i]
	}
	return strings.TrimRight(id, "-")
}

// Kebab is s in lower-case kebab: Latin letters without their accents and digits, every run of
// anything else one hyphen.
func Kebab(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		r = fold(r)
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Putin's" is one word
		default:
			hyphen = true
		}
	}
	return b.String()
}

// fold lower-cases r and takes the accent off the Latin letters most texts use.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xc0 {
		return r
	}
	for _, f := range accentFolds {
		if strings.ContainsRune(f.from, r) {
			return f.to
		}
	}
	return r
}

var accentFolds = []struct {
	from string
	to   rune
}{
	{"àáâãäåāăą", 'a'}, {"çćĉċč", 'c'}, {"ďđ", 'd'}, {"èéêëēĕėęě", 'e'}, {"ĝğġģ", 'g'},
	{"ĥħ", 'h'}, {"ìíîïĩīĭįı", 'i'}, {"ĵ", 'j'}, {"ķ", 'k'}, {"ĺļľŀł", 'l'}, {"ñńņňŉ", 'n'},
	{"òóôõöøōŏő", 'o'}, {"ŕŗř", 'r'}, {"śŝşšß", 's'}, {"ţťŧ", 't'}, {"ùúûüũūŭůűų", 'u'},
	{"ŵ", 'w'}, {"ýÿŷ", 'y'}, {"źżž", 'z'},
}

// OneLine is s with every run of white space one space.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Title is the title made of a text: its first line's words, cut at a word to at most 80
// characters.
func Title(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	t := OneLine(text)
	if utf8.RuneCountInString(t) <= maxTitleLength {
		return t
	}
	return cutWords(t, maxTitleLength-1) + "…"
}

// ClaimText is the claim made of a text: the text trimmed, cut at a word to MaxClaimLength
// characters.
func ClaimText(text string) string {
	t := strings.TrimSpace(text)
	if utf8.RuneCountInString(t) <= MaxClaimLength {
		return t
	}
	return cutWords(t, MaxClaimLength-1) + "…"
}

// cutWords cuts s to at most n runes, at the last space when there is one in the second half.
func cutWords(s string, n int) string {
	i, count := 0, 0
	for i < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	cut := s[:i]
	if j := strings.LastIndexAny(cut, " \n\t"); j > len(cut)/2 {
		cut = cut[:j]
	}
	return strings.TrimRight(cut, " \n\t")
}

func baseName(file string) string {
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		file = file[i+1:]
	}
	if file == "" {
		return "imported file"
	}
	return file
}

// Sides sets each argument's side from the relations, walking back from the thesis: what
// supports a claim is on that claim's side, what attacks it on the other. An argument the walk
// never reaches keeps the side it has (pro when it has none).
func Sides(d *argument.Debate) {
	index := make(map[string]int, len(d.Arguments)+1)
	index[d.Thesis.ID] = 0
	for i, a := range d.Arguments {
		index[a.ID] = i + 1
	}
	type edge struct {
		from   int
		attack bool
	}
	in := make([][]edge, len(d.Arguments)+1)
	for i, a := range d.Arguments {
		for _, t := range a.Supports {
			if j, ok := index[t]; ok {
				in[j] = append(in[j], edge{i + 1, false})
			}
		}
		for _, t := range a.Attacks {
			if j, ok := index[t]; ok {
				in[j] = append(in[j], edge{i + 1, true})
			}
		}
	}
	side := make([]argument.Side, len(d.Arguments)+1)
	side[0] = argument.Pro
	queue := []int{0}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range in[n] {
			if side[e.from] != "" {
				continue
			}
			s := side[n]
			if e.attack {
				s = s.Opposite()
			}
			side[e.from] = s
			queue = append(queue, e.from)
		}
	}
	for i, a := range d.Arguments {
		switch {
		case side[i+1] != "":
			a.Side = side[i+1]
		case a.Side == "":
			a.Side = argument.Pro
		}
	}
}

// CountRelations counts the supports and attacks of the debate's arguments.
func CountRelations(d *argument.Debate) int {
	n := 0
	for _, a := range d.Arguments {
		n += len(a.Supports) + len(a.Attacks)
	}
	return n
}

// Relate adds a relation from a to target unless it would name a itself or repeat a relation
// a already has (either kind): the format forbids both, and a source that says a thing twice
// means it once. It reports whether the relation was added. The relations are remembered in
// a set, so that an argument with many of them costs no scan of its lists for each.
func (b *Builder) Relate(a *argument.Argument, target string, t argument.RelationType) bool {
	if target == a.ID {
		return false
	}
	if b.related == nil {
		b.related = map[[2]string]bool{}
	}
	k := [2]string{a.ID, target}
	if b.related[k] {
		return false
	}
	b.related[k] = true
	if t == argument.Attack {
		a.Attacks = append(a.Attacks, target)
	} else {
		a.Supports = append(a.Supports, target)
	}
	return true
}

// Take claims id as it is, reporting false when it is already taken.
func (b *Builder) Take(id string) bool {
	if b.used[id] {
		return false
	}
	b.used[id] = true
	return true
}
