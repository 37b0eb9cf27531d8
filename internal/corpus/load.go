// Package corpus reads a debate from a folder of YAML files (on disk or embedded) into the
// argument types, with every problem placed at its file, line and column.
//
// Every file is checked before it is trusted: only regular files are opened, none larger than
// MaxFileSize, each must be UTF-8 and hold one YAML document no deeper than MaxDepth, with no
// aliases. The documents are walked as yaml.Node trees, so each value keeps its position and
// every problem (not only the first) is reported. internal/yamlfast builds the trees of the
// files in the subset of YAML it reads (most corpus files), yaml/v4 those of the others.
package corpus

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/yamlfast"
)

// Load reads every *.yaml and *.yml file directly in dir of fsys, in name order (names that
// begin with a dot are skipped), and returns the debate and the problems found, warnings
// included, sorted by file, line and column. err is a *LoadError when any problem is an error,
// or an error naming the folder when it cannot be read at all. The debate is returned whenever
// the corpus has one, even with errors, so that a report can count its arguments.
//
// Positions name files by their path in fsys (path.Join(dir, name)).
func Load(fsys fs.FS, dir string) (*argument.Debate, []Problem, error) {
	return LoadNamed(fsys, dir, "")
}

// LoadNamed is Load for a corpus whose folder the user knows by another name, such as the
// --corpus path behind an os.DirFS: positions and messages name files as filepath.Join(name,
// FILE), so that an editor or shell can open them. An empty name is Load's naming.
func LoadNamed(fsys fs.FS, dir, name string) (*argument.Debate, []Problem, error) {
	d, _, problems, err := load(fsys, dir, name)
	return d, problems, err
}

// LoadGraph is LoadNamed that also returns the debate's graph, as argument.NewGraph builds it:
// the checks build it to look for cycles, and a caller that needs it need not build it again.
// The graph is nil whenever err is set.
func LoadGraph(fsys fs.FS, dir, name string) (*argument.Graph, []Problem, error) {
	_, g, problems, err := load(fsys, dir, name)
	if err != nil {
		return nil, problems, err
	}
	return g, problems, nil
}

func load(fsys fs.FS, dir, name string) (*argument.Debate, *argument.Graph, []Problem, error) {
	shown := dir
	if name != "" {
		shown = name
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, fmt.Errorf("corpus folder %s does not exist: give --corpus a folder of .yaml files", safetext.Line(shown))
		}
		return nil, nil, nil, fmt.Errorf("cannot read corpus folder %s: %w", safetext.Line(shown), err)
	}
	var files []corpusFile
	for _, e := range entries {
		base := e.Name()
		if strings.HasPrefix(base, ".") || !(strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) {
			continue
		}
		file := path.Join(dir, base)
		if name != "" {
			file = filepath.Join(name, base)
		}
		files = append(files, corpusFile{fsPath: path.Join(dir, base), name: file})
	}
	l := newLoader(shown)
	l.files(fsys, files)
	d := l.finish(len(files))
	SortProblems(l.problems)
	l.addDropped() // last, after the problems it counts
	if n, _ := Count(l.problems); n > 0 {
		return d, nil, l.problems, &LoadError{Problems: l.problems}
	}
	if l.graph == nil { // the checks did not run: cannot happen without an error, but be sure
		l.graph = argument.NewGraph(d)
	}
	return d, l.graph, l.problems, nil
}

// corpusFile is one file to load: its path in the file system and the name messages give it.
type corpusFile struct{ fsPath, name string }

// parsed is a file read and parsed, ready to decode: the problems found so far (those past
// MaxProblems counted in dropped), and its top node when it has one.
type parsed struct {
	problems               []Problem
	dropped, droppedErrors int
	root                   *yaml.Node
	oversize               bool             // the corpus passed MaxCorpusSize at this file
	skipped                bool             // not read: the load had stopped
	parser                 *yamlfast.Parser // holds root's memory, when it parsed the file
	decoded                *loader          // root decoded on its own, when there is a root
	buf                    *bytes.Buffer    // holds data until the file is decoded
	data                   []byte           // the file's bytes, when it was read

	// The arguments yamlfast handed over as it read them, and which root therefore lacks:
	// how many, and whether they decoded (first, into decoded) without a problem.
	handed     int
	handedNeat bool

	slow bool // yamlfast declined the file: it is parsed by yaml/v4, in order
}

// sequentialDecode turns off taking files decoded on their own, for tests that hold the two
// ways to the same result.
var sequentialDecode = false

// wholeTrees turns off decoding each argument as yamlfast reads it: every file is decoded from
// its whole tree, for tests that hold the two ways to the same result.
var wholeTrees = false

// arguments returns the arguments a file decoded on its own holds, when that is all it holds:
// no problem, no debate or profiles, nothing else that depends on the files before it or
// that the files after it depend on. Such a file (the usual one) is decoded while the files
// before it are; any other is decoded again, in order, as if on its own it had never been.
func (d *loader) arguments() ([]*argInfo, bool) {
	if d == nil || d.eventful() || d.debate != nil || len(d.profiles) > 0 || len(d.categoryAt) > 0 {
		return nil, false
	}
	return d.args, true
}

// eventful reports whether decoding met something that depends on what was decoded before,
// or that changes what is decoded after: a problem, a suggestion, a limit.
func (d *loader) eventful() bool {
	return len(d.problems) > 0 || d.dropped > 0 || d.stopped || d.tooMany || d.suggestions > 0
}

// spares keeps a few things of one kind for reuse during a load: the read buffers that files
// are read into, and the yamlfast parsers whose memory holds a tree until it is decoded. A
// load needs as many as files are in flight, and a sync.Pool would drop them at each of the
// garbage collections a big load runs.
type spares[T any] chan *T

func (s spares[T]) get() *T {
	select {
	case x := <-s:
		return x
	default:
		return new(T)
	}
}

func (s spares[T]) put(x *T) {
	select {
	case s <- x:
	default:
	}
}

// files reads, parses and decodes the files. Parsing YAML is most of a load's time, so files
// are parsed on every processor, a few ahead of the decoder; reading stays in order (it keeps
// the running size against maxCorpusSize) and so does decoding, so the debate and the problems
// are exactly what one file after another would give.
//
// Each argument is decoded as soon as yamlfast has read it, and its tree then goes: what a file
// in flight holds is its bytes, the values decoded from it and one argument's tree (with the
// rest of the file's tree, the debate and profiles, which are small). A file yamlfast leaves to
// yaml/v4 is parsed whole, when its turn to be decoded comes: one such tree at a time. At most a
// few files are in flight.
func (l *loader) files(fsys fs.FS, files []corpusFile) {
	results := make([]chan parsed, len(files))
	for i := range results {
		results[i] = make(chan parsed, 1)
	}
	window := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	buffers := make(spares[bytes.Buffer], cap(window))
	parsers := make(spares[yamlfast.Parser], cap(window)+1)
	var stop atomic.Bool
	go func() {
		var size int64
		for i, f := range files {
			window <- struct{}{}
			if stop.Load() {
				results[i] <- parsed{skipped: true}
				continue
			}
			sink := newLoader(l.dir)
			sink.size = size
			buf := buffers.get()
			data, ok := sink.read(fsys, f.fsPath, f.name, buf)
			size = sink.size
			if sink.oversize {
				stop.Store(true)
			}
			if !ok {
				r := sink.parsed(nil)
				r.buf = buf
				results[i] <- r
				continue
			}
			go func() {
				parser := parsers.get()
				// Decode here too, for the decoder to take as it is when the file held
				// nothing but clean arguments; see arguments.
				ahead := newLoader(l.dir)
				handed := 0
				each := func(item *yaml.Node) {
					handed++
					file{ahead, f.name}.listedArgument(item)
				}
				if wholeTrees {
					each = nil
				}
				root, fast := parser.ParseEach(data, argumentsKey, each)
				r := sink.parsed(root)
				r.buf, r.data = buf, data // to decode the arguments again, in order
				if !fast {
					// Left to yaml/v4, in order: see the loop below.
					parsers.put(parser)
					r.slow = true
					results[i] <- r
					return
				}
				r.parser = parser // the tree is in its memory until decoded
				r.handed, r.handedNeat = handed, !ahead.eventful()
				if root != nil {
					ahead.decodeFile(f.name, root, nil)
					r.decoded = ahead
				}
				results[i] <- r
			}()
		}
	}()
	for i, f := range files {
		r := <-results[i]
		switch {
		case r.skipped || l.oversize || l.stopped:
		case l.full():
			l.stopped = true
			stop.Store(true)
		default:
			for _, p := range r.problems {
				l.addProblem(p)
			}
			l.dropped += r.dropped
			l.droppedErrors += r.droppedErrors
			if r.slow && !r.oversize {
				// yaml/v4 holds a file's whole tree, at some 40 bytes for each byte of
				// it: one file at a time, here, keeps that from growing with the number
				// of processors.
				r.root = l.parseSlow(f.name, r.data)
			}
			if r.oversize {
				l.oversize = true
			} else if args, ok := r.decoded.arguments(); ok && len(l.args)+len(args) <= maxArguments && !sequentialDecode {
				l.args = append(l.args, args...)
			} else if r.root != nil {
				var more func(file)
				if r.handed > 0 {
					more = func(f file) { f.handedArguments(&r, parsers) }
				} else {
					r.decoded = nil // decoded again here: let the first go
				}
				l.decodeFile(f.name, r.root, more)
				if l.stopped {
					stop.Store(true) // errors reached the limit: read no further
				}
			}
		}
		if r.parser != nil {
			parsers.put(r.parser) // its tree is decoded (or dropped): the memory can go again
		}
		if r.buf != nil {
			buffers.put(r.buf)
		}
		<-window
	}
}

// handedArguments decodes, in order, the arguments yamlfast handed over as it read the file
// of r, which its tree therefore lacks. When they decoded on their own without a problem they
// decode the same way here, and are taken as they are; otherwise the file is read again, and
// each argument decoded as it comes, as the first time.
func (f file) handedArguments(r *parsed, parsers spares[yamlfast.Parser]) {
	if f.full() {
		f.loader.stopped = true
		return
	}
	if r.handedNeat && len(f.args)+len(r.decoded.args) <= maxArguments && !sequentialDecode {
		f.args = append(f.args, r.decoded.args...)
		return
	}
	r.decoded = nil // not needed: let it go before decoding the same arguments again
	parser := parsers.get()
	defer parsers.put(parser)
	if _, ok := parser.ParseEach(r.data, argumentsKey, f.listedArgument); !ok {
		panic("corpus: yamlfast refused a file it had read")
	}
}

// argumentsKey is the top-level key whose list yamlfast hands over item by item.
const argumentsKey = "arguments"

// parsed hands over what a loader that read and parsed one file found.
func (l *loader) parsed(root *yaml.Node) parsed {
	return parsed{problems: l.problems, dropped: l.dropped, droppedErrors: l.droppedErrors, root: root, oversize: l.oversize}
}

// read returns the bytes of a regular file no larger than MaxFileSize. It looks before it
// opens: a named pipe would block the open, a device could be endless.
//
// The bytes are in buf: the caller can reuse it once the file is parsed, since parsing copies
// what it keeps.
func (l *loader) read(fsys fs.FS, fsPath, name string, buf *bytes.Buffer) ([]byte, bool) {
	at := argument.Pos{File: name}
	info, err := fs.Stat(fsys, fsPath)
	if err != nil {
		l.add(point(at), ruleUnreadable, "cannot read the file: %s", safetext.Line(cleanFSError(err)))
		return nil, false
	}
	switch {
	case info.IsDir():
		l.add(point(at), ruleNotAFile, "%s is a folder, not a corpus file: rename it so it does not end in .yaml or .yml, or move it out of the corpus", safetext.Line(path.Base(name)))
		return nil, false
	case !info.Mode().IsRegular():
		l.add(point(at), ruleNotAFile, "%s is not a regular file (a pipe, device or socket): a corpus file must be a plain file", safetext.Line(path.Base(name)))
		return nil, false
	case info.Size() > MaxFileSize:
		l.add(point(at), ruleLimit, "the file is %s, more than the %s a corpus file may hold: split it into smaller files", sizeString(info.Size()), sizeString(MaxFileSize))
		return nil, false
	case l.size+info.Size() > maxCorpusSize:
		l.add(point(at), ruleLimit, "the corpus files add up to more than the %s a corpus may hold: split the debate into smaller ones", sizeString(maxCorpusSize))
		l.oversize = true
		return nil, false
	}
	l.size += info.Size()
	f, err := fsys.Open(fsPath)
	if err != nil {
		l.add(point(at), ruleUnreadable, "cannot read the file: %s", safetext.Line(cleanFSError(err)))
		return nil, false
	}
	defer f.Close()
	// Room for the size Stat gave, and a little more to notice a file that grew since.
	buf.Reset()
	buf.Grow(int(info.Size()) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		l.add(point(at), ruleUnreadable, "cannot read the file: %s", safetext.Line(cleanFSError(err)))
		return nil, false
	}
	if len(data) > MaxFileSize {
		l.add(point(at), ruleLimit, "the file is more than the %s a corpus file may hold: split it into smaller files", sizeString(MaxFileSize))
		return nil, false
	}
	return data, true
}

// cleanFSError drops the path an fs error repeats, since the problem is already placed at it.
func cleanFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	// An os.Root (as argmap opens a corpus folder) refuses links that lead out of it; its
	// error is not exported, so it is known by its words.
	if err.Error() == "path escapes from parent" {
		return "it is a link to a file outside the corpus folder, which argmap does not follow: copy the file into the folder"
	}
	return err.Error()
}

func sizeString(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

var bom = []byte("\ufeff")

// parse parses the one document of a file. It returns a nil node for a file with no document
// (empty, or comments only), and whether parser built the tree (which then lives in the
// parser's memory until its next Parse).
//
// Most files are in the subset yamlfast reads, several times faster than yaml/v4 and to the
// same tree. The rest, and every file with a mistake in it, go to parseSlow.
//
// When each is not nil and yamlfast reads the file, each is given the arguments one by one as
// they are read, and the tree lacks them; each may have been given some when yamlfast gives
// up on the file, which yaml/v4 then reads whole (see yamlfast.ParseEach).
func (l *loader) parse(name string, data []byte, parser *yamlfast.Parser, each func(*yaml.Node)) (*yaml.Node, bool) {
	if root, ok := parser.ParseEach(data, argumentsKey, each); ok {
		return root, true
	}
	return l.parseSlow(name, data), false
}

// parseSlow parses a file yamlfast declined with yaml/v4, after a check of the encoding that
// places the bad character yaml/v4 would refuse without a position. It returns nil for a file
// with no document or with a problem, which it reports.
func (l *loader) parseSlow(name string, data []byte) *yaml.Node {
	if at, r, bad := scanText(name, data); bad {
		if r < 0 {
			l.add(point(at), ruleEncoding, "the file is not valid UTF-8 (byte 0x%02x): save it as UTF-8", -r)
		} else {
			l.add(point(at), ruleEncoding, "the file holds the control character %s, which YAML does not allow: remove it, or write it as an escape inside double quotes", safetext.Line(string(r)))
		}
		return nil
	}
	loader, err := yaml.NewLoader(bytes.NewReader(data), yaml.WithPlugin(limits{}))
	if err != nil {
		l.add(point(argument.Pos{File: name}), ruleUnreadable, "cannot read the file: %v", err)
		return nil
	}
	var doc yaml.Node
	if err := loader.Load(&doc); err != nil {
		if err == io.EOF {
			return nil
		}
		l.yamlError(name, err)
		return nil
	}
	var next yaml.Node
	switch err := loader.Load(&next); {
	case err == io.EOF:
	case err != nil:
		l.yamlError(name, err)
		return nil
	default:
		l.add(at(name, &next), ruleYAMLSyntax, "a second YAML document: %s holds one document; remove the --- line and merge it, or move it to a file of its own", cmp.Or(l.fileKind, "a corpus file"))
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// scanText finds the first byte that is not UTF-8 (r is minus its value) or the first
// character YAML does not allow in a stream, and its line and column. The parser would refuse
// both too, but without a position.
func scanText(name string, data []byte) (at argument.Pos, r rune, bad bool) {
	line, col := 1, 1
	rest := bytes.TrimPrefix(data, bom)
	for len(rest) > 0 {
		r, n := utf8.DecodeRune(rest)
		switch {
		case r == utf8.RuneError && n <= 1:
			return argument.Pos{File: name, Line: line, Column: col}, -rune(rest[0]), true
		case !yamlAllows(r):
			return argument.Pos{File: name, Line: line, Column: col}, r, true
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		rest = rest[n:]
	}
	return argument.Pos{}, 0, false
}

// yamlAllows reports whether r may stand in a YAML stream (YAML 1.2, c-printable).
func yamlAllows(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return false
	case r == 0xfeff: // a byte-order mark, which YAML allows inside a stream too
		return true
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// yamlError turns the parser's error into a positioned problem.
func (l *loader) yamlError(name string, err error) {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		l.add(point(argument.Pos{File: name, Line: 1, Column: 1}), ruleYAMLSyntax, "invalid YAML: %s: fix the syntax", safetext.Line(oneLine(err.Error())))
		return
	}
	at := argument.Pos{File: name, Line: le.Mark.Line, Column: le.Mark.Column}
	if at.Line == 0 {
		at.Line, at.Column = 1, 1
	}
	var deep *tooDeep
	if errors.As(err, &deep) || strings.HasPrefix(le.Message, tooDeepPrefix) {
		l.add(point(at), ruleLimit, "%s levels: a corpus needs at most 5; check the indentation and brackets", tooDeepPrefix)
		return
	}
	msg := le.Message
	if le.ContextMsg != "" {
		msg += " " + le.ContextMsg
	}
	l.add(point(at), ruleYAMLSyntax, "invalid YAML: %s: %s", safetext.Line(oneLine(msg)), syntaxHint(le))
}

// syntaxHint says what to do about a YAML syntax error, in the common cases beside the
// parser's own words: an unquoted ": " inside a value, and a quote left open (pointing at
// where it opened, since the parser stops where the file ends or the next key begins).
func syntaxHint(le *yaml.LoadError) string {
	switch {
	case strings.Contains(le.ContextMsg, "quoted scalar") && le.ContextMark.Line > 0:
		return fmt.Sprintf("the quote opened at line %d, column %d is never closed: close it (a quote inside is written \\\" between double quotes, '' between single ones)",
			le.ContextMark.Line, le.ContextMark.Column)
	case le.Message == "mapping values are not allowed in this context":
		return `a value holding ": " must be quoted: put the whole value in double quotes, or write it as a block with |`
	}
	return "fix the syntax here (check indentation, quotes and brackets)"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// limits is the parser's guard: nesting stops at MaxDepth. Aliases are not expanded when
// parsing to nodes; the decoder rejects every one it meets.
type limits struct{}

var tooDeepPrefix = fmt.Sprintf("nesting is deeper than %d", MaxDepth)

type tooDeep struct{}

func (*tooDeep) Error() string { return tooDeepPrefix }

func (limits) CheckDepth(depth int, _ *yaml.DepthContext) error {
	if depth > MaxDepth {
		return &tooDeep{}
	}
	return nil
}

func (limits) CheckAlias(aliasCount, constructCount int) error {
	if aliasCount > 0 {
		return errors.New("aliases are not allowed in a corpus")
	}
	return nil
}
