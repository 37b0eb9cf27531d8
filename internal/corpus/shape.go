package corpus

import "github.com/argmap/argmap/internal/argument"

// shape is what one kind of mapping in a corpus may hold: its keys in the order the format
// lists them, and those it must have. The JSON Schema (arguments/argmap.schema.json) says the
// same; a test holds the two together.
type shape struct {
	what     string // how messages name the mapping: "an argument"
	keys     []string
	required []string
}

var (
	fileShape = &shape{
		what: "a corpus file",
		keys: []string{"argmap", "debate", "profiles", "arguments"},
	}
	debateShape = &shape{
		what:     "the debate",
		keys:     []string{"id", "title", "question", "thesis", "categories", "sources", "verdict"},
		required: []string{"id", "title", "question", "thesis"},
	}
	thesisShape = &shape{
		what:     "the thesis",
		keys:     []string{"id", "claim", "base"},
		required: []string{"id", "claim"},
	}
	sourceShape = &shape{
		what:     "a source",
		keys:     []string{"id", "title", "subtitle", "author", "publication", "date", "url"},
		required: []string{"id", "title"},
	}
	profileShape = &shape{
		what:     "a profile",
		keys:     []string{"description", "weights"},
		required: []string{"weights"},
	}
	argumentShape = &shape{
		what: "an argument",
		keys: []string{"id", "side", "category", "title", "claim", "reasoning", "strength",
			"supports", "attacks", "quotes", "evidence", "tags", "note"},
		required: []string{"id", "side", "category", "title", "claim", "strength"},
	}
	quoteShape = &shape{
		what:     "a quote",
		keys:     []string{"source", "text"},
		required: []string{"source", "text"},
	}
	// relationShape is a relation written as a mapping rather than a bare id: where the link
	// comes from (see argument.Basis).
	relationShape = &shape{
		what:     "a relation",
		keys:     []string{"to", "basis", "quote", "source", "note"},
		required: []string{"to"},
	}
	verdictShape = &shape{
		what:     "the verdict",
		keys:     []string{"source", "text"},
		required: []string{"source", "text"},
	}
	evidenceShape = &shape{
		what:     "a piece of evidence",
		keys:     []string{"source", "text"},
		required: []string{"source", "text"},
	}
)

// Version is the corpus format version this loader reads.
const Version = 1

// Limits of the format.
const (
	MaxIDLength    = 64       // ids, source ids, profile names, categories and tags
	MaxTitleLength = 80       // an argument's title, in characters
	MaxFileSize    = 16 << 20 // bytes in one corpus file
	// MaxDepth is the deepest nesting the parser accepts. The format itself needs five levels
	// (arguments > argument > quotes > quote > text); the keys tables reject anything deeper
	// that gets through, this stops a deep file before it costs anything.
	MaxDepth = 20
	// MaxProblems is how many problems a load reports one by one; the rest are counted.
	MaxProblems = 1000
	// MaxArguments bounds a corpus: ten times the largest corpus the benchmarks load in well
	// under the time and memory targets, so a runaway generator fails with a message, not
	// with the machine's memory.
	MaxArguments = 1_000_000
	// MaxCorpusSize bounds the bytes of all the files of a corpus together.
	MaxCorpusSize = 256 << 20
)

// The limits the loader enforces; tests lower them to reach them cheaply.
var (
	maxArguments  = MaxArguments
	maxCorpusSize = int64(MaxCorpusSize)
)

// idPattern is the form of every id, source id, profile name, category and tag: lower-case
// kebab.
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// sides are the values of an argument's side, in the order messages list them.
var sides = []string{"pro", "con"}

// bases are the values of a relation's basis, in the order messages list them.
var bases = []string{string(argument.Stated), string(argument.Inferred)}

// validID reports whether s is a well-formed id: it matches idPattern (a test holds the two
// together) and is at most MaxIDLength bytes. Every argument and reference is checked, so this
// is written out rather than left to a regular expression.
func validID(s string) bool {
	if s == "" || len(s) > MaxIDLength || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
