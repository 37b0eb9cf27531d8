// Package yamlfast is argmap's one home for YAML's rules beside go.yaml.in/yaml/v4: a fast
// reader, the scalar resolver and the emitter's choice and spelling of styles.
//
// The reader parses the everyday subset of YAML that corpus files are written in (block
// mappings and lists, flow lists and mappings (nested too), plain, quoted and block text with
// tabs inside it, plain and quoted keys, comments, and so JSON too) straight into yaml.Node
// trees, several times faster than yaml/v4 builds them. The trees are the ones yaml/v4 builds
// for the same input: same kinds, tags, styles, values, lines and columns (comments are not
// kept). ParseEach hands the items of a long list over one by one as it reads them, so that a
// big file's tree is never in memory whole.
//
// It declines whatever lies outside that subset or whatever it is not sure of — anchors,
// aliases, tags, explicit keys, directives, document markers (but for a --- line that opens
// the file), tabs that are not inside text, byte-order marks (but for one at the start),
// collections as keys, deep nesting, and every syntax error — by returning ok false.
// The caller then parses the file with yaml/v4, which gives the same tree or the error
// message, so the subset decides only how fast a file loads, never what it means. A panic
// is never taken for a refusal: it is a bug, and the fuzz targets are there to find it.
//
// Resolve tags plain scalars as yaml/v4 does; StringStyle, WriteDouble and WriteLiteral write
// strings as yaml/v4's emitter does, for the writers that do not build nodes for it.
package yamlfast

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v4"
)

// MaxDepth is how deeply collections may nest before Parse refuses the file. Corpus files nest
// five deep; anything deeper is left to yaml/v4 and its limits.
const MaxDepth = 10

// The tags yaml/v4 resolves, as it writes them in yaml.Node.Tag.
const (
	strTag       = "!!str"
	nullTag      = "!!null"
	boolTag      = "!!bool"
	intTag       = "!!int"
	floatTag     = "!!float"
	timestampTag = "!!timestamp"
	seqTag       = "!!seq"
	mapTag       = "!!map"
	// MergeTag is what Resolve gives the merge key <<.
	MergeTag = "!!merge"
)

// Parse parses the one document of src and returns its top node, or nil when the document is
// empty (blank, or comments only). ok is false when src is outside the subset this package
// reads: the caller must then parse it with yaml/v4.
func Parse(src []byte) (root *yaml.Node, ok bool) {
	return new(Parser).Parse(src)
}

// A Parser parses one document after another and reuses its memory for their trees: the tree
// a call to Parse returns is good until the next call on the same Parser. The scalar values
// stay good for ever (they are strings). Not for use by several goroutines at once.
type Parser struct {
	nodes     [][]yaml.Node // chunks of nodes, reused from the first for each document
	nodeChunk int           // the chunk being filled, and how much of it is
	nodeUsed  int

	ptrs     [][]*yaml.Node // chunks that Content slices are carved from, reused the same way
	ptrChunk int
	ptrUsed  int

	stack []*yaml.Node // the children of the collections being read

	// The scalar values of a document are written one after another to out, then copied to
	// one string that every value is a slice of: one allocation a file, and no more memory
	// kept than the values take. spans says which node gets which slice.
	out   []byte
	spans []span
}

type span struct {
	n        *yaml.Node
	from, to int
}

// Parse parses the one document of src, as the package's Parse does.
func (pp *Parser) Parse(src []byte) (root *yaml.Node, ok bool) {
	return pp.ParseEach(src, "", nil)
}

// ParseEach is Parse for a document whose top is a mapping with a long list under key (a
// corpus file's arguments): it hands each item of that list to each as soon as the item is
// read, and reads the next item into the same memory, so that the tree never holds more than
// one item. Only the list of the first key named key in the top mapping is handed over, be it
// a block or a flow list; the tree ParseEach returns holds that list empty. each must keep
// nothing of the node it is given but its strings.
//
// When ok is false, each may have been given some items already (ParseEach can refuse at the
// last byte): the caller must drop what it made of them. Parsing the same src again gives the
// same items and the same answer.
func (pp *Parser) ParseEach(src []byte, key string, each func(item *yaml.Node)) (root *yaml.Node, ok bool) {
	// Windows editors write a byte-order mark and CR LF line ends. yaml/v4 counts the mark
	// for no column and takes CR LF (or CR) for one line break, in values too; so does a copy
	// of src without them.
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, '\r') >= 0 {
		src = lineFeeds(src)
	}
	start := startMarker(src)
	if !inSubset(src, start) {
		return nil, false
	}
	pp.nodeChunk, pp.nodeUsed, pp.ptrChunk, pp.ptrUsed = 0, 0, 0, 0
	pp.stack, pp.out, pp.spans = pp.stack[:0], pp.out[:0], pp.spans[:0]
	// The parser reads src through a string that shares its memory, and copies every value
	// it keeps (to the arena): nothing refers to src once Parse returns.
	p := &parser{Parser: pp, s: unsafe.String(unsafe.SliceData(src), len(src)), line: 1, colAt: -1, start: start, each: each, eachKey: key}
	defer recoverRefusal(&ok)
	root = p.document()
	arena := string(pp.out)
	for _, s := range pp.spans {
		s.n.Value = arena[s.from:s.to]
	}
	return root, true
}

var bom = []byte("\ufeff")

// lineFeeds copies src with its line ends made LF: CR LF as Windows writes them, and a CR on
// its own as old Macs did, which yaml/v4 reads as a line break too.
func lineFeeds(src []byte) []byte {
	lf := make([]byte, 0, len(src))
	for {
		i := bytes.IndexByte(src, '\r')
		if i < 0 {
			return append(lf, src...)
		}
		lf = append(append(lf, src[:i]...), '\n')
		src = src[i+1:]
		if len(src) > 0 && src[0] == '\n' {
			src = src[1:]
		}
	}
}

// refusal is what the parser panics with to give up on a file; Parse recovers it. Parsing is
// recursive and can give up at any byte, so unwinding beats threading a flag through every call.
type refusal struct{}

func refuse() { panic(refusal{}) }

// recoverRefusal, deferred, sets *ok false when the parser refused. Only a refusal is
// recovered: it is how the parser declines a file, which yaml/v4 then reads. Any other panic
// is a bug, and goes on up for the tests and fuzzing to find, rather than be hidden behind
// the slower reader.
func recoverRefusal(ok *bool) {
	if r := recover(); r != nil {
		if _, refused := r.(refusal); !refused {
			panic(r)
		}
		*ok = false
	}
}

// inSubset makes one pass over src for what the parser never reads: bytes that are not UTF-8,
// characters YAML forbids or treats as line breaks (libyaml takes NEL, LS and PS as breaks),
// byte-order marks, and lines that open with a document marker (but for the --- at start) or a
// directive. Tabs pass: the parser reads them inside text (see tabInText) and refuses them
// anywhere else.
func inSubset(src []byte, start int) bool {
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if lineStart && i != start && (c == '%' || (c == '-' || c == '.') && marker(src[i:])) {
				return false
			}
			lineStart = c == '\n'
			if c < ' ' && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		lineStart = false
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return false
		case r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += n
	}
	return true
}

// startMarker returns the offset of the --- line that opens src's one document, when one does
// before any content and holds nothing but spaces and a comment after the marker, and -1
// otherwise. Hand-written YAML often starts with one; it changes nothing in the tree.
func startMarker(src []byte) int {
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && src[j] == ' ' {
			j++
		}
		end := bytes.IndexByte(src[j:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += j
		}
		switch {
		case j == end, src[j] == '#':
			i = end + 1
			continue
		case j > i || src[j] != '-' || !marker(src[j:]):
			return -1
		}
		rest := bytes.TrimLeft(src[j+3:end], " ")
		if len(rest) > 0 && (rest[0] != '#' || len(rest) == len(src[j+3:end])) {
			return -1 // content after the marker, or a comment not set off by a space
		}
		return j
	}
	return -1
}

// marker reports whether b opens with a document marker, --- or ..., which ends a document
// whatever surrounds it. A space, a tab or the end of the line closes the marker.
func marker(b []byte) bool {
	if len(b) < 3 || b[1] != b[0] || b[2] != b[0] {
		return false
	}
	return len(b) == 3 || b[3] == ' ' || b[3] == '\t' || b[3] == '\n'
}

// parser reads one document. Between nodes it stands at the start of a line (or at the end of
// the input); s[ls:] is the current line, and line its number.
type parser struct {
	*Parser
	s     string
	i     int // the offset being read
	ls    int // the offset where the current line starts
	line  int
	depth int
	start int // the offset of the --- line that opens the document, or -1

	colAt, colN int // the last offset col counted to, and its column

	each       func(*yaml.Node) // given the items of the list under eachKey; see ParseEach
	eachKey    string
	eachSeen   bool // the top mapping's first eachKey is read: a second is read whole
	streamNext bool // the value being read is under the first eachKey
}

// streams reports whether the list about to be read is the one whose items go to each, and
// takes its turn: no list inside it or after it is handed over.
func (p *parser) streams() bool {
	s := p.streamNext && p.depth == 1
	p.streamNext = false
	return s
}

// itemMark is where a handed-over item's memory starts: the node and pointer chunks, the
// arena and the spans. handOver rewinds to it once the item is given away.
type itemMark struct {
	nodeChunk, nodeUsed, ptrChunk, ptrUsed, out, spans int
}

func (p *parser) markItem() itemMark {
	return itemMark{p.nodeChunk, p.nodeUsed, p.ptrChunk, p.ptrUsed, len(p.out), len(p.spans)}
}

// handOver gives the item read since m to each, its values in a string of their own (the
// ones that outlive the item), and takes its memory back for the next item.
func (p *parser) handOver(item *yaml.Node, m itemMark) {
	arena := string(p.out[m.out:])
	for _, s := range p.spans[m.spans:] {
		s.n.Value = arena[s.from-m.out : s.to-m.out]
	}
	p.each(item)
	p.release(m)
}

// release takes back the memory of what was read since m.
func (p *parser) release(m itemMark) {
	clear(p.spans[m.spans:])
	p.out, p.spans = p.out[:m.out], p.spans[:m.spans]
	p.nodeChunk, p.nodeUsed, p.ptrChunk, p.ptrUsed = m.nodeChunk, m.nodeUsed, m.ptrChunk, m.ptrUsed
}

// The sizes of the chunks a Parser allocates: a corpus file of 500 arguments takes about 13
// node chunks and 12 pointer chunks.
const (
	nodeChunkSize = 1024
	ptrChunkSize  = 1024
)

func (p *parser) document() *yaml.Node {
	ind := p.nextLine()
	if ind == 0 && p.i == p.start {
		// The --- that opens the document, which startMarker has read.
		p.toLineEnd()
		if ind = p.nextLine(); ind < 0 {
			refuse() // yaml/v4 reads a --- with nothing after it as a null
		}
	}
	if ind < 0 {
		return nil
	}
	n := p.block(-1, ind)
	if p.nextLine() >= 0 {
		refuse() // more after the top node: an error, or something this parser does not read
	}
	return n
}

// col is the column of offset i on the current line, counted in characters from 1 as yaml/v4
// counts it.
func (p *parser) col(i int) int {
	// Count on from the last column asked for when it is on this line and not past i: a line
	// of a million flow entries costs one pass, not a million.
	from, n := p.ls, 1
	if p.colAt >= p.ls && p.colAt <= i {
		from, n = p.colAt, p.colN
	}
	seg := p.s[from:i]
	width := len(seg)
	for j := 0; j < len(seg); j++ {
		if seg[j] >= utf8.RuneSelf {
			width = utf8.RuneCountInString(seg)
			break
		}
	}
	p.colAt, p.colN = i, n+width
	return p.colN
}

func (p *parser) at(i int) byte {
	if i < len(p.s) {
		return p.s[i]
	}
	return 0
}

// blankAt reports whether offset i holds a space, a line break or the end of the input.
func (p *parser) blankAt(i int) bool {
	return i >= len(p.s) || p.s[i] == ' ' || p.s[i] == '\n'
}

// newline moves past the line break at p.i to the start of the next line.
func (p *parser) newline() {
	p.i++
	p.ls = p.i
	p.line++
}

// nextLine moves from the start of a line past blank and comment-only lines, to the first
// character of the next line with content, and returns that line's indentation; -1 at the end.
func (p *parser) nextLine() int {
	for p.i < len(p.s) {
		j := p.i
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		switch {
		case j == len(p.s):
			p.i = j
			return -1
		case p.s[j] == '\n':
			p.i = j
			p.newline()
		case p.s[j] == '#':
			p.i = j
			p.toLineEnd()
		default:
			p.i = j
			return j - p.ls
		}
	}
	return -1
}

// toLineEnd skips the rest of the line (a comment) and its line break.
func (p *parser) toLineEnd() {
	if k := strings.IndexByte(p.s[p.i:], '\n'); k >= 0 {
		p.i += k
		p.newline()
		return
	}
	p.i = len(p.s)
}

// endLine finishes a line after a value: spaces, then a comment or nothing.
func (p *parser) endLine() {
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	switch {
	case j == len(p.s):
		p.i = j
	case p.s[j] == '\n':
		p.i = j
		p.newline()
	case p.s[j] == '#' && j > p.i:
		p.i = j
		p.toLineEnd()
	default:
		refuse()
	}
}

func (p *parser) node(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if p.nodeChunk == len(p.nodes) {
		p.nodes = append(p.nodes, make([]yaml.Node, nodeChunkSize))
	}
	n := &p.nodes[p.nodeChunk][p.nodeUsed]
	*n = yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: line, Column: col}
	if p.nodeUsed++; p.nodeUsed == nodeChunkSize {
		p.nodeChunk, p.nodeUsed = p.nodeChunk+1, 0
	}
	return n
}

// scalar makes a scalar node whose value is s, copied to the document's arena.
func (p *parser) scalar(style yaml.Style, tag, s string, line, col int) *yaml.Node {
	from := len(p.out)
	p.out = append(p.out, s...)
	return p.built(style, tag, from, line, col)
}

// built makes a scalar node whose value is what the arena took from offset from on. The node
// gets its value when the document is read: the arena is still growing.
func (p *parser) built(style yaml.Style, tag string, from, line, col int) *yaml.Node {
	n := p.node(yaml.ScalarNode, style, tag, "", line, col)
	p.spans = append(p.spans, span{n, from, len(p.out)})
	return n
}

// resolveBuilt resolves the plain scalar the arena took from offset from on. It reads the
// arena in place: resolve keeps nothing of what it is given.
func (p *parser) resolveBuilt(from int) string {
	v := p.out[from:]
	if len(v) == 0 {
		return nullTag
	}
	return resolve(unsafe.String(&v[0], len(v)))
}

// appendFold appends what a folded line break stands for: a space when no blank line follows
// it, else a line break for each blank line.
func appendFold(b []byte, blanks int) []byte {
	if blanks == 0 {
		return append(b, ' ')
	}
	for range blanks {
		b = append(b, '\n')
	}
	return b
}

// enter and leave bracket a collection: they count the depth and keep its children on the
// stack until leave gives them to the collection in a slice of their own.
func (p *parser) enter() int {
	p.depth++
	if p.depth > MaxDepth {
		refuse()
	}
	return len(p.stack)
}

func (p *parser) leave(n *yaml.Node, mark int) {
	p.depth--
	k := len(p.stack) - mark
	if k == 0 {
		p.stack = p.stack[:mark]
		return
	}
	n.Content = p.content(k)
	copy(n.Content, p.stack[mark:])
	clear(p.stack[mark:])
	p.stack = p.stack[:mark]
}

// content returns room for k children, carved from the pointer chunks; a long list gets a
// slice of its own.
func (p *parser) content(k int) []*yaml.Node {
	if k > ptrChunkSize/4 {
		return make([]*yaml.Node, k)
	}
	if p.ptrUsed+k > ptrChunkSize {
		p.ptrChunk, p.ptrUsed = p.ptrChunk+1, 0
	}
	if p.ptrChunk == len(p.ptrs) {
		p.ptrs = append(p.ptrs, make([]*yaml.Node, ptrChunkSize))
	}
	c := p.ptrs[p.ptrChunk][p.ptrUsed : p.ptrUsed+k : p.ptrUsed+k]
	p.ptrUsed += k
	return c
}

// block reads the node that starts at p.i, the first character of a line indented ind, inside
// a collection indented parent (-1 at the top).
func (p *parser) block(parent, ind int) *yaml.Node {
	switch {
	case p.s[p.i] == '-' && p.blankAt(p.i+1):
		return p.sequence(ind)
	case p.keyEnd() > 0 || p.quotedKeyEnd(false) > 0:
		return p.mapping(ind)
	}
	return p.inline(parent)
}

// keyEnd returns the offset of the colon after a plain key that starts at p.i, or -1 when no
// key does. Plain keys are on one line and made of letters, digits, '_', '-' and '.': the names
// a corpus uses. Quoted keys are quotedKeyEnd's; anything else is refused later, when it is
// read as a value.
func (p *parser) keyEnd() int {
	j := p.i
	if c := p.at(j); !(isAlnum(c) || c == '_') {
		return -1
	}
	for j < len(p.s) && j-p.i < 1024 {
		c := p.s[j]
		switch {
		case isAlnum(c) || c == '_' || c == '-' || c == '.':
			j++
		case c == ':' && p.blankAt(j+1):
			return j
		default:
			return -1
		}
	}
	return -1
}

// quotedKeyEnd is keyEnd for a quoted key, as JSON writes keys: the quoted scalar must end on
// its line, and the colon follow the closing quote at once. In a flow collection anything may
// follow the colon ({"id":"a"}); in block context a space or the end of the line must.
func (p *parser) quotedKeyEnd(flow bool) int {
	q := p.at(p.i)
	if q != '"' && q != '\'' {
		return -1
	}
	// yaml/v4 takes a key of up to 1,024 characters; bytes are as many or more.
	for j := p.i + 1; j < len(p.s) && j-p.i < 1000; j++ {
		switch c := p.s[j]; {
		case c == '\n':
			return -1
		case c == '\\' && q == '"':
			if p.at(j+1) == '\n' {
				return -1 // an escaped line break: the key goes on on the next line
			}
			j++ // the escaped character, which the scalar's reader checks
		case c == '\'' && q == '\'' && p.at(j+1) == '\'':
			j++
		case c == q:
			if p.at(j+1) != ':' || !flow && !p.blankAt(j+2) {
				return -1
			}
			return j + 1
		}
	}
	return -1
}

// key reads the key of a mapping entry at p.i, plain or quoted, and the colon after it, and
// pushes the key's node. It reports whether the key is the one whose list goes to each.
func (p *parser) key(flow bool) (eachKey bool) {
	if end := p.keyEnd(); end > 0 {
		key := p.s[p.i:end]
		p.stack = append(p.stack, p.scalar(0, resolve(key), key, p.line, p.col(p.i)))
		p.i = end + 1
		return p.each != nil && key == p.eachKey
	}
	end := p.quotedKeyEnd(flow)
	if end < 0 {
		refuse()
	}
	p.stack = append(p.stack, p.quoted(-1))
	p.i = end + 1
	if p.each == nil {
		return false
	}
	// The key's text is the last the arena took; it is compared where it is, before the
	// arena moves on.
	last := p.spans[len(p.spans)-1]
	return unsafe.String(unsafe.SliceData(p.out[last.from:]), last.to-last.from) == p.eachKey
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// mapping reads a block mapping whose keys stand at indentation ind; the first key is at p.i.
func (p *parser) mapping(ind int) *yaml.Node {
	m := p.node(yaml.MappingNode, 0, mapTag, "", p.line, p.col(p.i))
	mark := p.enter()
	for {
		if p.key(false) && p.depth == 1 && !p.eachSeen {
			p.eachSeen, p.streamNext = true, true
		}
		p.stack = append(p.stack, p.value(ind))
		p.streamNext = false
		next := p.nextLine()
		if next < ind {
			break
		}
		if next > ind || p.s[p.i] == '-' && p.blankAt(p.i+1) {
			refuse()
		}
	}
	p.leave(m, mark)
	return m
}

// value reads what follows a key's colon (at p.i) in a mapping indented ind.
func (p *parser) value(ind int) *yaml.Node {
	colonEnd := p.i
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] != '\n' && p.s[p.i] != '#' {
		return p.inline(ind)
	}
	// Nothing on the key's line: the value is on the lines below, or empty.
	line, col := p.line, p.col(colonEnd)
	p.i = colonEnd
	p.endLine()
	next := p.nextLine()
	switch {
	case next > ind:
		return p.block(ind, next)
	case next == ind && p.s[p.i] == '-' && p.blankAt(p.i+1):
		return p.sequence(ind)
	}
	// nextLine stopped at the first character of the line after: the mapping's own nextLine
	// finds it there again.
	return p.node(yaml.ScalarNode, 0, nullTag, "", line, col)
}

// sequence reads a block list whose dashes stand at indentation ind; the first is at p.i.
func (p *parser) sequence(ind int) *yaml.Node {
	stream := p.streams()
	seq := p.node(yaml.SequenceNode, 0, seqTag, "", p.line, p.col(p.i))
	mark := p.enter()
	for {
		if stream {
			p.streamItem(ind)
		} else {
			p.stack = append(p.stack, p.item(ind))
		}
		next := p.nextLine()
		if next < ind || next == ind && !(p.s[p.i] == '-' && p.blankAt(p.i+1)) {
			break
		}
		if next > ind {
			refuse()
		}
	}
	p.leave(seq, mark)
	return seq
}

// item reads the item of a block list whose dash is at p.i.
func (p *parser) item(ind int) *yaml.Node {
	dashEnd := p.i + 1
	p.i++
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	switch {
	case p.i >= len(p.s) || p.s[p.i] == '\n' || p.s[p.i] == '#':
		line, col := p.line, p.col(dashEnd)
		p.i = dashEnd
		p.endLine()
		if next := p.nextLine(); next > ind {
			return p.block(ind, next)
		}
		return p.node(yaml.ScalarNode, 0, nullTag, "", line, col)
	case p.s[p.i] == '-' && p.blankAt(p.i+1):
		refuse() // a list in a list on one line
	case p.keyEnd() > 0 || p.quotedKeyEnd(false) > 0:
		return p.mapping(p.col(p.i) - 1)
	}
	return p.inline(ind)
}

// streamItem reads an item of the list whose items go to each, and hands it over. An item
// this parser declines (a tag, an anchor) is read by yaml/v4 on its own, so that one argument
// outside the subset costs a tree of that argument, not of the whole file.
func (p *parser) streamItem(ind int) {
	m := p.markItem()
	at := parserAt{p.i, p.ls, p.line, p.depth, len(p.stack)}
	if item, ok := p.tryItem(ind); ok {
		p.handOver(item, m)
		return
	}
	// Back to the dash, with what the item took given back.
	p.i, p.ls, p.line, p.depth, p.colAt = at.i, at.ls, at.line, at.depth, -1
	clear(p.stack[at.stack:])
	p.stack = p.stack[:at.stack]
	p.release(m)
	p.each(p.itemByYAML(ind))
}

// parserAt is where the parser stood, to go back to.
type parserAt struct{ i, ls, line, depth, stack int }

// tryItem is item that reports a refusal instead of passing it on.
func (p *parser) tryItem(ind int) (item *yaml.Node, ok bool) {
	defer recoverRefusal(&ok)
	return p.item(ind), true
}

// itemByYAML reads the item whose dash is at p.i, the first character of its line but for the
// indentation ind, with yaml/v4, and moves to the start of the line after it. The item ends
// where a line with text (not a comment) is indented ind or less, as it does in the whole
// file: a quote or a bracket left open there makes the part refused, and the file with it.
func (p *parser) itemByYAML(ind int) *yaml.Node {
	end := len(p.s)
	for ls := p.i; ; {
		k := strings.IndexByte(p.s[ls:], '\n')
		if k < 0 {
			break
		}
		ls += k + 1
		j := ls
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		if j < len(p.s) && p.s[j] != '\n' && p.s[j] != '#' && j-ls <= ind {
			end = ls
			break
		}
	}
	part := p.s[p.ls:end]
	l, err := yaml.NewLoader(strings.NewReader(part))
	if err != nil {
		refuse()
	}
	var doc, more yaml.Node
	if l.Load(&doc) != nil || l.Load(&more) != io.EOF || len(doc.Content) != 1 {
		refuse()
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode || list.Style != 0 || len(list.Content) != 1 || list.Line != 1 || list.Column != ind+1 {
		refuse()
	}
	item := list.Content[0]
	p.shift(item, p.line-1, p.depth+1)
	p.line += strings.Count(part, "\n")
	p.i, p.ls, p.colAt = end, end, -1
	return item
}

// shift moves the lines of the tree n, which yaml/v4 read from a part of the file, by lines.
// It refuses the tree when it nests deeper than MaxDepth, counting from depth, and when it holds
// an alias: the caller looks for those in the whole file's tree.
func (p *parser) shift(n *yaml.Node, lines, depth int) {
	n.Line += lines
	switch n.Kind {
	case yaml.ScalarNode:
		return
	case yaml.AliasNode:
		refuse()
	}
	if depth > MaxDepth {
		refuse()
	}
	for _, c := range n.Content {
		p.shift(c, lines, depth+1)
	}
}

// inline reads a value that starts at p.i, in the middle of a line, inside a collection
// indented parent, and the rest of its line (or lines).
func (p *parser) inline(parent int) *yaml.Node {
	var n *yaml.Node
	switch c := p.s[p.i]; c {
	case '"', '\'':
		n = p.quoted(parent)
	case '[':
		n = p.flowSequence(parent)
	case '{':
		n = p.flowMapping(parent)
	case '|', '>':
		return p.blockScalar(parent)
	case '-':
		if p.blankAt(p.i + 1) {
			refuse() // a list on a key's line
		}
		return p.plain(parent)
	case '?', ':', ',', ']', '}', '#', '&', '*', '!', '%', '@', '`':
		refuse()
	default:
		return p.plain(parent)
	}
	p.endLine()
	return n
}

// plain reads a plain scalar in block context and moves to the start of the next line. Lines
// after the first continue it when indented more than parent.
func (p *parser) plain(parent int) *yaml.Node {
	line, col := p.line, p.col(p.i)
	first, stop := p.plainRun(p.i, false)
	value := p.s[p.i:first]
	p.i = stop
	if p.i < len(p.s) && p.s[p.i] == '#' {
		p.toLineEnd()
		return p.scalar(0, resolve(value), value, line, col)
	}
	from := -1 // where the value starts in the arena, once it runs over more than one line
	for p.i < len(p.s) {
		// At a line break: look for a continuation line, past blank ones.
		save, saveLs, saveLine := p.i, p.ls, p.line
		p.newline()
		breaks, ind := p.blankLines(-1)
		if ind <= parent || p.s[p.i+ind] == '#' {
			p.i, p.ls, p.line = save, saveLs, saveLine
			p.newline()
			break
		}
		p.i += ind
		end, stop := p.plainRun(p.i, false)
		from = p.continueText(from, value, breaks, end)
		p.i = stop
		if p.i < len(p.s) && p.s[p.i] == '#' {
			p.toLineEnd()
			break
		}
	}
	return p.plainNode(value, from, line, col)
}

// continueText adds the line of a plain scalar from p.i to end, after breaks blank lines, to
// the scalar whose first line is value. from is where the scalar starts in the arena, -1 while
// it is one line (and a slice of the input); continueText returns it.
func (p *parser) continueText(from int, value string, breaks, end int) int {
	if from < 0 {
		from = len(p.out)
		p.out = append(p.out, value...)
	}
	p.out = appendFold(p.out, breaks)
	p.out = append(p.out, p.s[p.i:end]...)
	return from
}

// plainNode makes the node of a plain scalar: value when it is one line, else what the arena
// took from offset from on.
func (p *parser) plainNode(value string, from, line, col int) *yaml.Node {
	if from < 0 {
		return p.scalar(0, resolve(value), value, line, col)
	}
	return p.built(0, p.resolveBuilt(from), from, line, col)
}

// blankLines moves from the start of a line past the blank lines (spaces only) that follow,
// and returns how many it passed and the indentation of the line it stops at, at whose start
// it leaves p.i; -1 at the end of the input. It refuses a blank line of more than most spaces
// (any, when most is negative), and with most set, spaces at the very end of the input.
func (p *parser) blankLines(most int) (blanks, ind int) {
	for p.i < len(p.s) {
		j := p.i
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		switch {
		case j == len(p.s):
			if most >= 0 && j > p.i {
				refuse()
			}
			return blanks, -1
		case p.s[j] == '\n':
			if most >= 0 && j-p.i > most {
				refuse()
			}
			p.i = j
			p.newline()
			blanks++
		default:
			return blanks, j - p.i
		}
	}
	return blanks, -1
}

// plainRun scans a plain scalar's text on one line from i. end is where its text ends
// (trailing spaces dropped); stop is where scanning stopped: at a line break, the end of the
// input, a comment's '#', or in a flow collection at the indicator that ends the scalar. It
// refuses a ": ", which makes the text a key where this parser does not read one.
func (p *parser) plainRun(i int, flow bool) (end, stop int) {
	end = i
	for i < len(p.s) {
		c := p.s[i]
		switch {
		case c == '\n':
			return end, i
		case c == ' ':
			i++
			continue
		case c == '\t':
			if !p.tabInText(i) {
				refuse()
			}
		case c == '#' && i > 0 && p.s[i-1] == ' ' && i > end:
			return end, i
		case c == ':' && (p.blankAt(i+1) || flow && isFlowEnd(p.at(i+1))):
			if flow {
				return end, i
			}
			refuse()
		case flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'):
			return end, i
		}
		i++
		end = i
	}
	return end, i
}

func isFlowEnd(c byte) bool { return c == ',' || c == ']' || c == '}' }

// tabInText reports whether the tab at offset i stands between two characters of text, where
// YAML keeps it as it is (a quote pasted with its tabs). Anywhere else a tab is white space,
// which YAML drops at the ends of lines, or a separator: those are left to yaml/v4.
func (p *parser) tabInText(i int) bool {
	return i > 0 && textByte(p.s[i-1]) && textByte(p.at(i+1))
}

// textByte reports whether c is text on both sides of which a tab is text too: not white
// space, an end of line or a character that is syntax somewhere in YAML.
func textByte(c byte) bool {
	return c > ' ' && c != 0x7f && strings.IndexByte("#:,[]{}-?|>!&*'\"%@`\\", c) < 0
}

// quoted reads a single- or double-quoted scalar that starts at p.i and may run over several
// lines, each indented more than parent. It stops after the closing quote.
func (p *parser) quoted(parent int) *yaml.Node {
	q := p.s[p.i]
	line, col := p.line, p.col(p.i)
	style := yaml.SingleQuotedStyle
	if q == '"' {
		style = yaml.DoubleQuotedStyle
	}
	p.i++
	start := p.i
	// The common case: one line, no escapes. The value is then a slice of the input.
	for j := start; j < len(p.s); j++ {
		c := p.s[j]
		if c == q && (q == '"' || p.at(j+1) != '\'') {
			p.i = j + 1
			return p.scalar(style, strTag, p.s[start:j], line, col)
		}
		if c == '\n' || c == '\\' && q == '"' || c == '\'' && q == '\'' {
			break
		}
	}
	from := len(p.out)
	spaces := 0 // spaces read but not yet written: they go if a line break follows
	for {
		if p.i >= len(p.s) {
			refuse()
		}
		c := p.s[p.i]
		if c == ' ' {
			spaces++
			p.i++
			continue
		}
		if c == '\n' {
			spaces = 0
			p.fold(parent, false)
			continue
		}
		for ; spaces > 0; spaces-- {
			p.out = append(p.out, ' ')
		}
		switch {
		case c == q && q == '\'' && p.at(p.i+1) == '\'':
			p.out = append(p.out, '\'')
			p.i += 2
		case c == q:
			p.i++
			return p.built(style, strTag, from, line, col)
		case c == '\\' && q == '"' && p.at(p.i+1) == '\n':
			p.i++
			p.fold(parent, true)
		case c == '\\' && q == '"':
			p.escape()
		default:
			if c == '\t' && !p.tabInText(p.i) {
				refuse() // white space that a line break next to it would drop
			}
			j := p.i + 1
			for j < len(p.s) {
				if c := p.s[j]; c == ' ' || c == '\n' || c == q || c == '\\' || c == '\t' {
					break
				}
				j++
			}
			p.out = append(p.out, p.s[p.i:j]...)
			p.i = j
		}
	}
}

// fold handles the line break at p.i inside a quoted scalar (the spaces before it are already
// dropped): the break becomes a space (nothing after an escaped break), and each blank line
// after it a line break; the next line's leading spaces go too.
func (p *parser) fold(parent int, escaped bool) {
	breaks := 0
	p.newline()
	for {
		j := p.i
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		if j >= len(p.s) {
			refuse()
		}
		if p.s[j] == '\n' {
			p.i = j
			p.newline()
			breaks++
			continue
		}
		if j-p.ls <= parent {
			refuse()
		}
		p.i = j
		break
	}
	if breaks > 0 || !escaped {
		p.out = appendFold(p.out, breaks)
	}
}

// escapes are the one-character escapes of a double-quoted scalar and what they stand for.
var escapes = [256]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// escape reads the escape sequence at p.i in a double-quoted scalar.
func (p *parser) escape() {
	c := p.at(p.i + 1)
	if s := escapes[c]; s != "" {
		p.out = append(p.out, s...)
		p.i += 2
		return
	}
	var digits int
	switch c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		refuse()
	}
	var r rune
	for k := 0; k < digits; k++ {
		h := p.at(p.i + 2 + k)
		switch {
		case '0' <= h && h <= '9':
			r = r<<4 | rune(h-'0')
		case 'a' <= h && h <= 'f':
			r = r<<4 | rune(h-'a'+10)
		case 'A' <= h && h <= 'F':
			r = r<<4 | rune(h-'A'+10)
		default:
			refuse()
		}
	}
	if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
		refuse()
	}
	p.out = utf8.AppendRune(p.out, r)
	p.i += 2 + digits
}

// blockScalar reads a literal (|) or folded (>) scalar whose indicator is at p.i, in a
// collection indented parent, and moves to the start of the line after it.
func (p *parser) blockScalar(parent int) *yaml.Node {
	line, col := p.line, p.col(p.i)
	literal := p.s[p.i] == '|'
	style := yaml.FoldedStyle
	if literal {
		style = yaml.LiteralStyle
	}
	p.i++
	strip := false
	switch p.at(p.i) {
	case '-':
		strip = true
		p.i++
	case '+':
		refuse() // keep: rare, and its trailing lines are easy to get wrong
	}
	if c := p.at(p.i); c != ' ' && c != '\n' && c != 0 {
		refuse() // an indentation indicator, or text after the indicator
	}
	p.endLine()

	// The first line with text sets the indentation; blank lines before it are refused.
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j >= len(p.s) || p.s[j] == '\n' || j-p.i <= parent || j == p.i {
		refuse()
	}
	ind := j - p.i
	from := len(p.out)
	newline := false // whether the last text line ended with a line break
	for {
		// p.i is at the start of a line indented at least ind.
		text := p.s[p.i+ind:]
		k := strings.IndexByte(text, '\n')
		if k >= 0 {
			text = text[:k]
		}
		if !literal && strings.HasPrefix(text, " ") {
			refuse() // a more-indented line in folded text
		}
		for k := strings.IndexByte(text, '\t'); k >= 0; {
			if !p.tabInText(p.i + ind + k) {
				refuse() // white space at an end of the line, where yaml/v4 has rules of its own
			}
			next := strings.IndexByte(text[k+1:], '\t')
			if next < 0 {
				break
			}
			k += 1 + next
		}
		p.out = append(p.out, text...)
		p.i += ind + len(text)
		if p.i >= len(p.s) {
			newline = false
			break
		}
		newline = true
		p.newline()
		// Blank lines, then either more text or the end of the scalar. Spaces past the
		// indentation on a blank line would be text: refused, as rare.
		breaks, next := p.blankLines(ind)
		if next < ind {
			break
		}
		if literal {
			breaks++ // every line break stays
		}
		p.out = appendFold(p.out, breaks)
	}
	if newline && !strip {
		p.out = append(p.out, '\n')
	}
	return p.built(style, strTag, from, line, col)
}

// flowSequence reads [a, b, c] from p.i, over one line or several indented more than parent,
// and stops after the ].
func (p *parser) flowSequence(parent int) *yaml.Node {
	if p.streams() {
		return p.flow(yaml.SequenceNode, seqTag, ']', parent, func() {
			m := p.markItem()
			p.handOver(p.flowScalar(parent), m)
		})
	}
	return p.flow(yaml.SequenceNode, seqTag, ']', parent, func() {
		p.stack = append(p.stack, p.flowScalar(parent))
	})
}

// flowMapping reads {key: value, ...} from p.i, as flowSequence reads a list.
func (p *parser) flowMapping(parent int) *yaml.Node {
	return p.flow(yaml.MappingNode, mapTag, '}', parent, func() {
		if p.key(true) && p.depth == 1 && !p.eachSeen {
			p.eachSeen, p.streamNext = true, true // {"arguments": [...]}, as JSON writes a corpus
		}
		if p.at(p.i) == '\n' {
			refuse()
		}
		p.flowSpace(parent)
		if c := p.at(p.i); c == ',' || c == '}' {
			refuse() // an empty value
		}
		p.stack = append(p.stack, p.flowScalar(parent))
		p.streamNext = false
	})
}

// flow reads a flow collection that opens at p.i and ends with closing: entry reads each entry
// (pushing its nodes on the stack), between commas. It refuses empty entries, a trailing comma
// included.
func (p *parser) flow(kind yaml.Kind, tag string, closing byte, parent int, entry func()) *yaml.Node {
	n := p.node(kind, yaml.FlowStyle, tag, "", p.line, p.col(p.i))
	mark := p.enter()
	p.i++
	p.flowSpace(parent)
	if p.at(p.i) != closing {
		for {
			entry()
			p.flowSpace(parent)
			if p.at(p.i) != ',' {
				break
			}
			p.i++
			p.flowSpace(parent)
			if c := p.at(p.i); c == closing || c == ',' {
				refuse() // an empty entry
			}
		}
		if p.at(p.i) != closing {
			refuse()
		}
	}
	p.i++
	p.leave(n, mark)
	return n
}

// flowSpace skips spaces, comments and line breaks inside a flow collection. Lines must be
// indented more than parent.
func (p *parser) flowSpace(parent int) {
	for {
		for p.i < len(p.s) && p.s[p.i] == ' ' {
			p.i++
		}
		switch {
		case p.i >= len(p.s):
			refuse() // the collection is not closed
		case p.s[p.i] == '#':
			if p.i > 0 && p.s[p.i-1] != ' ' && p.s[p.i-1] != '\n' {
				refuse()
			}
			p.toLineEnd()
			p.flowIndent(parent)
		case p.s[p.i] == '\n':
			p.newline()
			p.flowIndent(parent)
		default:
			return
		}
	}
}

// flowIndent checks, at the start of a line inside a flow collection, that the line is blank
// or indented more than parent.
func (p *parser) flowIndent(parent int) {
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j < len(p.s) && p.s[j] != '\n' && j-p.ls <= parent {
		refuse()
	}
}

// flowScalar reads a quoted or plain scalar inside a flow collection, or a flow collection
// nested in it ({id: a, supports: [b, c]}, the way corpora write an argument on one line).
func (p *parser) flowScalar(parent int) *yaml.Node {
	switch c := p.at(p.i); c {
	case '"', '\'':
		return p.quoted(parent)
	case '[':
		return p.flowSequence(parent)
	case '{':
		return p.flowMapping(parent)
	case '-':
		if c := p.at(p.i + 1); c == ' ' || c == '\n' || c == 0 || isFlowEnd(c) {
			refuse()
		}
	case '?', ':', ',', ']', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', 0:
		refuse()
	}
	line, col := p.line, p.col(p.i)
	end, stop := p.plainRun(p.i, true)
	value := p.s[p.i:end]
	p.i = stop
	from := -1
	for p.at(p.i) == '\n' {
		// The scalar may go on after the line break, folded like a block one.
		save, saveLs, saveLine := p.i, p.ls, p.line
		p.newline()
		breaks, ind := p.blankLines(-1)
		c := byte(0) // the end of the input
		if ind >= 0 {
			c = p.s[p.i+ind]
		}
		if c == 0 || c == '#' || c == ',' || c == ']' || c == '}' {
			p.i, p.ls, p.line = save, saveLs, saveLine
			break
		}
		if ind <= parent {
			refuse()
		}
		switch c {
		case '[', '{', ':', '-', '?':
			refuse()
		}
		p.i += ind
		end, stop := p.plainRun(p.i, true)
		from = p.continueText(from, value, breaks, end)
		p.i = stop
	}
	if c := p.at(p.i); c == ':' || c == '[' || c == '{' {
		refuse() // a key, or a collection where this parser reads only scalars
	}
	return p.plainNode(value, from, line, col)
}
