// Package kialo reads the plain-text file Kialo's "Export discussion" writes, in either of its
// two grammars, into a debate.
//
// Older exports open with "Discussion Title: T" and hold one claim per record, "PATH LABEL:
// TEXT" ("1.10.2. Con: ..."), records ending in CRLF while line breaks inside a claim are bare
// LF. Newer ones open with "Discussion Name:" and the title on the next line, put each label
// on a line of its own ("  1.1. Con:", indented two spaces a level) with the text on the lines
// after it and a blank line between claims, and close with a "Sources:" list of "[N] URL"
// entries that the texts cite as [N].
//
// Kialo's Pro and Con are relative to the parent claim; the side of the thesis is the parity
// of the Con labels along the path.
package kialo

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/importer"
)

// claim is one record of the export.
type claim struct {
	path   string // "1.2.3."
	label  string // "Pro", "Con", "Thesis" or "" (a position of a question)
	text   []string
	line   int
	parent int // index of the parent claim, -1 for the root
}

// recordRE matches the start of a record: an optional indent, a path from the root, an
// optional label, then the text (old grammar) or nothing (new grammar).
var recordRE = regexp.MustCompile(`^( *)(1\.(?:[0-9]+\.)*)(?: +(Pro|Con|Thesis):)?(?: (.*))?$`)

// linkRE and discussionRE are the whole text of a link to a claim of the same discussion, or
// to another discussion.
var (
	linkRE       = regexp.MustCompile(`^-> See (1\.(?:[0-9]+\.)*)$`)
	discussionRE = regexp.MustCompile(`^-> See discussion #[0-9]+`)
	sourceRE     = regexp.MustCompile(`^\[([0-9]+)\] +(\S.*)$`)
	markerRE     = regexp.MustCompile(`\[([0-9]+)\]`)
	mdLinkRE     = regexp.MustCompile(`\[([^\[\]\n]*)\]\(([^)\s]*)\)`)
)

// line is one line of the file and whether it ended in CRLF.
type line struct {
	text string
	crlf bool
}

// Read reads a Kialo export into a debate.
func Read(data []byte, opts importer.Options) (*argument.Debate, importer.Summary, error) {
	sum := importer.Summary{Format: "kialo"}
	fail := func(ln int, format string, args ...any) (*argument.Debate, importer.Summary, error) {
		return nil, sum, &importer.InputError{File: opts.File, Line: ln, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > importer.MaxInputSize {
		return fail(0, "the file is %d MiB, more than the %d MiB argmap imports: split the discussion", len(data)>>20, importer.MaxInputSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		ln, col := badUTF8(data)
		return nil, sum, &importer.InputError{File: opts.File, Line: ln, Column: col, Msg: "the text is not UTF-8: save the export as UTF-8 and import it again"}
	}
	lines := splitLines(data)
	anyCRLF := bytes.Contains(data, []byte("\r\n"))

	// The header.
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i].text) == "" {
		i++
	}
	if i == len(lines) {
		return fail(1, "the file is empty: it should be a Kialo export, beginning with \"Discussion Title:\" or \"Discussion Name:\"")
	}
	var title string
	newGrammar := false
	head := strings.TrimSpace(lines[i].text)
	switch {
	case strings.HasPrefix(head, "Discussion Title:"):
		title = strings.TrimSpace(strings.TrimPrefix(head, "Discussion Title:"))
	case strings.HasPrefix(head, "Discussion Name:"):
		newGrammar = true
		title = strings.TrimSpace(strings.TrimPrefix(head, "Discussion Name:"))
		if title == "" && i+1 < len(lines) {
			i++
			title = strings.TrimSpace(lines[i].text)
		}
	default:
		return fail(i+1, "not a Kialo export: Kialo's \"Export discussion\" file begins with \"Discussion Title:\" or \"Discussion Name:\"; check --from")
	}
	i++

	// The records. A line opens one only where Kialo would start a record (after a CRLF in a
	// file that has them, after a blank line in the newer grammar) and only with a path that
	// fits the tree: its parent is the last claim or one of its ancestors, and it is new. Any
	// other line, numbered or not, belongs to the claim before it.
	var claims []claim
	byPath := map[string]int{}
	var sources []source
	inSources := false
	for ; i < len(lines); i++ {
		l := lines[i]
		ln := i + 1
		if newGrammar && strings.TrimSpace(l.text) == "Sources:" && (i == 0 || strings.TrimSpace(lines[i-1].text) == "") {
			inSources = true
			continue
		}
		if inSources {
			t := strings.TrimSpace(l.text)
			if m := sourceRE.FindStringSubmatch(t); m != nil {
				sources = append(sources, source{n: m[1], url: m[2], line: ln})
			} else if t != "" && len(sources) > 0 {
				s := &sources[len(sources)-1]
				s.excerpt = append(s.excerpt, t)
			}
			continue
		}
		if c, ok := record(l, i, lines, claims, byPath, anyCRLF, newGrammar); ok {
			c.line = ln
			if len(claims) >= importer.MaxArguments+1 {
				return fail(ln, "the discussion holds more than %d claims, the most a corpus may: split it", importer.MaxArguments)
			}
			byPath[c.path] = len(claims)
			claims = append(claims, c)
			continue
		}
		if len(claims) == 0 {
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			return fail(ln, "expected the discussion's root claim \"1. TEXT\" after the title, not %s: check the file is a whole Kialo export", strconv.Quote(cut(l.text, 40)))
		}
		last := &claims[len(claims)-1]
		last.text = append(last.text, trimIndent(l.text, depth(last.path)-1, newGrammar))
	}
	if len(claims) == 0 {
		return fail(len(lines), "the export has a title but no claims: it should go on with \"1. THESIS\"")
	}

	// The thesis: the root, unless the root is a question with several positions.
	root := 0
	var positions []int
	for k, c := range claims {
		if c.parent == 0 && (c.label == "" || c.label == "Thesis") {
			positions = append(positions, k)
		}
	}
	switch {
	case opts.Thesis != "":
		p := opts.Thesis
		if !strings.HasSuffix(p, ".") {
			p += "."
		}
		k, ok := byPath[p]
		if !ok {
			return fail(0, "--thesis %s is no claim of the discussion: give a path such as %s", strconv.Quote(opts.Thesis), positionList(claims, positions, "1."))
		}
		root = k
		sum.Thesis = fmt.Sprintf("%s (--thesis)", claims[k].path)
	case len(positions) == 1:
		root = positions[0]
		sum.Thesis = fmt.Sprintf("%s, the discussion's one position", claims[root].path)
	case len(positions) > 1:
		return fail(claims[positions[0]].line, "the discussion is a question with %d positions: pick the thesis with --thesis PATH, one of %s", len(positions), positionList(claims, positions, ""))
	}

	b := importer.NewBuilder(opts, "kialo", title)
	if q := importer.OneLine(plain(text(claims[0].text))); title == "" && q != "" {
		b.Debate.Question = q
	}
	for _, s := range sources {
		src := argument.Source{ID: "kialo-source-" + s.n, Title: importer.Title(s.url), URL: s.url}
		if !strings.Contains(s.url, "://") {
			src.URL = ""
		}
		b.Debate.Sources = append(b.Debate.Sources, src)
	}
	excerpts := map[string]string{}
	for _, s := range sources {
		if len(s.excerpt) > 0 {
			excerpts[s.n] = strings.Trim(strings.Join(s.excerpt, " "), "\"“”")
		}
	}
	rootText := plain(text(claims[root].text))
	b.SetThesis(rootText, "claim-"+kebabPath(claims[root].path))

	// Walk the claims under the thesis in file order (a parent comes before its children).
	side := make([]argument.Side, len(claims))
	ids := make([]string, len(claims))
	args := make([]*argument.Argument, len(claims))
	under := make([]bool, len(claims))
	under[root] = true
	side[root] = argument.Pro
	ids[root] = b.Debate.Thesis.ID
	type link struct {
		from      int // the link record
		target    string
		attack    bool
		parentArg int
	}
	var links []link
	discussions, outside, linkKids := 0, 0, 0
	for k := range claims {
		c := &claims[k]
		if k == root {
			continue
		}
		if c.parent < 0 || !under[c.parent] {
			if k != 0 {
				outside++
			}
			continue
		}
		if args[c.parent] == nil && c.parent != root {
			linkKids++ // under a link, which is no argument
			continue
		}
		under[k] = true
		raw := strings.TrimSpace(text(c.text))
		attack := c.label == "Con"
		if m := linkRE.FindStringSubmatch(raw); m != nil {
			links = append(links, link{k, m[1], attack, c.parent})
			continue
		}
		if discussionRE.MatchString(raw) {
			discussions++
			continue
		}
		side[k] = side[c.parent]
		if attack {
			side[k] = side[k].Opposite()
		}
		note := fmt.Sprintf("imported from Kialo claim %s (%s line %d)", c.path, opts.File, c.line)
		a := b.Add(titleText(raw), plain(raw), side[k], "Claim "+c.path, note)
		for _, m := range markerRE.FindAllStringSubmatch(raw, -1) {
			if ex, ok := excerpts[m[1]]; ok && !hasQuote(a, "kialo-source-"+m[1]) {
				a.Quotes = append(a.Quotes, argument.Passage{Source: "kialo-source-" + m[1], Text: ex})
			}
		}
		relate(b, a, ids[c.parent], attack)
		ids[k] = a.ID
		args[k] = a
	}
	links2, selfLinks, thesisLinks, missing := 0, 0, 0, 0
	for _, l := range links {
		t, ok := byPath[l.target]
		switch {
		case !ok || !under[t] || (args[t] == nil && t != root):
			missing++
		case t == root:
			thesisLinks++
		case t == l.parentArg:
			selfLinks++
		default:
			if b.Relate(args[t], ids[l.parentArg], relType(l.attack)) {
				links2++
			} else {
				selfLinks++
			}
		}
	}
	d := b.Debate
	sum.Arguments = len(d.Arguments)
	sum.Relations = importer.CountRelations(d)
	sum.Drop(len(links), fmt.Sprintf("link claim (\"-> See PATH\"; %d made a relation from its target)", links2), fmt.Sprintf("link claims (\"-> See PATH\"; %d made relations from their targets)", links2))
	sum.Drop(discussions, "link to another discussion (\"-> See discussion #N\")", "links to other discussions (\"-> See discussion #N\")")
	sum.Drop(missing, "link to a claim not imported", "links to claims not imported")
	sum.Drop(thesisLinks, "link to the thesis (the thesis supports and attacks nothing)", "links to the thesis (the thesis supports and attacks nothing)")
	sum.Drop(selfLinks, "link that repeats a relation or joins a claim to itself", "links that repeat a relation or join a claim to itself")
	sum.Drop(linkKids, "claim under a link claim", "claims under a link claim")
	sum.Drop(outside, "claim outside the thesis's subtree", "claims outside the thesis's subtree")
	return d, sum, nil
}

type source struct {
	n, url  string
	excerpt []string
	line    int
}

func relType(attack bool) argument.RelationType {
	if attack {
		return argument.Attack
	}
	return argument.Support
}

func relate(b *importer.Builder, a *argument.Argument, target string, attack bool) {
	b.Relate(a, target, relType(attack))
}

func hasQuote(a *argument.Argument, src string) bool {
	return slices.ContainsFunc(a.Quotes, func(p argument.Passage) bool { return p.Source == src })
}

// record reports whether line i opens a record, and the record it opens.
func record(l line, i int, lines []line, claims []claim, byPath map[string]int, anyCRLF, newGrammar bool) (claim, bool) {
	if i > 0 {
		prev := lines[i-1]
		if anyCRLF && !prev.crlf {
			return claim{}, false // a bare LF: inside a claim
		}
		if newGrammar && len(claims) > 0 && strings.TrimSpace(prev.text) != "" {
			return claim{}, false
		}
	}
	m := recordRE.FindStringSubmatch(l.text)
	if m == nil {
		return claim{}, false
	}
	path, label, rest := m[2], m[3], m[4]
	if _, dup := byPath[path]; dup {
		return claim{}, false
	}
	c := claim{path: path, label: label, parent: -1}
	if rest != "" {
		c.text = []string{rest}
	}
	if len(claims) == 0 {
		return c, path == "1."
	}
	if path == "1." {
		return claim{}, false
	}
	parentPath := path[:strings.LastIndexByte(path[:len(path)-1], '.')+1]
	// The parent must be the last claim or one of its ancestors: Kialo writes the tree depth
	// first. Paths name their ancestors, so that is a prefix (looked at as bytes, so that a
	// deep hostile tree costs no walk up it for every line).
	k, ok := byPath[parentPath]
	if !ok || !strings.HasPrefix(claims[len(claims)-1].path, parentPath) {
		return claim{}, false
	}
	c.parent = k
	if label == "" && c.parent != 0 {
		return claim{}, false // below the root every claim is Pro or Con
	}
	return c, true
}

func splitLines(data []byte) []line {
	var out []line
	for len(data) > 0 {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			out = append(out, line{text: strings.TrimSuffix(string(data), "\r")})
			break
		}
		t := data[:j]
		crlf := len(t) > 0 && t[len(t)-1] == '\r'
		if crlf {
			t = t[:len(t)-1]
		}
		out = append(out, line{text: string(t), crlf: crlf})
		data = data[j+1:]
	}
	return out
}

func depth(path string) int { return strings.Count(path, ".") }

// trimIndent takes off a newer export's indent of two spaces a level.
func trimIndent(s string, level int, newGrammar bool) string {
	if !newGrammar {
		return s
	}
	for n := 0; n < 2*level && strings.HasPrefix(s, " "); n++ {
		s = s[1:]
	}
	return s
}

func text(lines []string) string {
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// plain is a claim's text as argmap keeps it: Kialo's backslash escapes undone and Markdown
// links written as their text and address.
func plain(s string) string {
	s = mdLinkRE.ReplaceAllString(s, "$1 ($2)")
	return unescape(s)
}

// titleText is the text a title is made of: links reduced to their text, reference markers
// dropped.
func titleText(s string) string {
	s = mdLinkRE.ReplaceAllString(s, "$1")
	s = markerRE.ReplaceAllString(s, "")
	return unescape(s)
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>~\"'", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func kebabPath(p string) string { return strings.ReplaceAll(strings.TrimSuffix(p, "."), ".", "-") }

func positionList(claims []claim, positions []int, fallback string) string {
	if len(positions) == 0 {
		return fallback
	}
	var parts []string
	for i, k := range positions {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(positions)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", claims[k].path, importer.Title(cut(titleText(text(claims[k].text)), 40))))
	}
	return strings.Join(parts, ", ")
}

func cut(s string, n int) string {
	s = importer.OneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func badUTF8(data []byte) (int, int) {
	ln, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return ln, col
		}
		if r == '\n' {
			ln, col = ln+1, 1
		} else {
			col++
		}
		i += size
	}
	return ln, col
}
