// Package wire writes every JSON document argmap prints: one way to spell a string, a number
// and an argument, one streaming writer, and one policy for what JSON cannot hold.
//
// The policy, for every document:
//
//   - Indented by two spaces, keys in a fixed order, a final newline.
//   - Strings are written as encoding/json writes them, then every invisible character a
//     terminal could act on (C1 controls, bidirectional and zero-width format characters,
//     which encoding/json passes through raw) as a \u escape: printed to a terminal, a
//     document is as inert as the text views, and it decodes to the same strings.
//   - Numbers are written as encoding/json writes a float64 (the shortest form that reads
//     back the same), or, for computed scores, rounded to 1e-9 first (Rounded), so that 0.3
//     does not read 0.30000000000000004. NaN and infinities are refused with
//     ErrNotFinite: JSON has no spelling for them, and writing 0 instead would be a lie.
//   - HTML characters (<, > and &) are escaped as \u003c, \u003e and \u0026 in every document
//     but the two whose strings are corpus prose to be read: argmap list and argmap get
//     (Prose). Those are printed for people and jq and have never escaped markup; every
//     other document (export json and aif, score, compare, sensitivity, validate) has always
//     had encoding/json's default, which keeps it safe to paste into a web page. Changing
//     either would change bytes that users' pipelines compare.
//
// The shapes of the documents are in docs/json.md.
package wire

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/safetext"
)

// Policy is how a document escapes HTML characters; everything else is the same for all.
type Policy struct {
	EscapeHTML bool
}

var (
	// Data is the policy of every document but Prose's: HTML characters escaped.
	Data = Policy{EscapeHTML: true}
	// Prose is the policy of argmap list and argmap get: markup left as it is, to read.
	Prose = Policy{EscapeHTML: false}
)

// ErrNotFinite is a NaN or an infinity, which JSON cannot hold.
var ErrNotFinite = errors.New("not a number JSON can hold")

// Finite returns an error wrapping ErrNotFinite for NaN or an infinity; what says whose
// number it is ("argument \"x\" has strength"). Where what costs something to make, check
// IsFinite first and call NotFinite.
func Finite(x float64, what string) error {
	if !IsFinite(x) {
		return NotFinite(x, what)
	}
	return nil
}

// IsFinite says whether JSON can hold x.
func IsFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// NotFinite is the error for x, which JSON cannot hold; what says whose number it is.
func NotFinite(x float64, what string) error { return fmt.Errorf("%s %v, %w", what, x, ErrNotFinite) }

// AppendString appends s as a JSON string under the policy.
func (p Policy) AppendString(b []byte, s string) []byte {
	if plain(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	// The rare string with something to escape goes through encoding/json, whose rules
	// (invalid UTF-8 to U+FFFD, U+2028 and U+2029 escaped) are the ones to keep.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(p.EscapeHTML)
	_ = enc.Encode(s) // a string always encodes
	return append(b, safetext.EscapeInvisible(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}))...)
}

// plain reports whether s is written as it is under either policy: valid UTF-8, no control
// character, quote, backslash or HTML character, nothing invisible. Nearly all text is.
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || safetext.Invisible(r) {
			return false // Invisible covers U+2028 and U+2029, which encoding/json escapes
		}
		i += n
	}
	return true
}

// AppendFloat appends a finite f as encoding/json writes a float64: the shortest form that
// reads back the same, in exponent form below 1e-6 and from 1e21, the exponent without a
// leading zero. The caller has checked f with Finite.
func AppendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// AppendRounded appends a finite computed score rounded to 1e-9, never as -0 or in exponent
// form. The caller has checked x with Finite.
func AppendRounded(b []byte, x float64) []byte {
	return strconv.AppendFloat(b, Round(x), 'f', -1, 64)
}

// Round rounds x to 1e-9 (scores are known no better) and drops the sign of -0.
func Round(x float64) float64 {
	if math.Abs(x) < 1e15 {
		x = math.Round(x*1e9) / 1e9
	}
	if x == 0 {
		return 0
	}
	return x
}

// Marshal encodes v as the value of a key or an array item whose line starts with prefix,
// indented two spaces a level, under the policy, with no final newline. Types whose numbers
// need the policy's checks do them in their MarshalJSON.
func (p Policy) Marshal(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(p.EscapeHTML)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return safetext.EscapeInvisible(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})), nil
}

// Write writes v as a whole document: Marshal with no prefix, and a final newline. Nothing is
// written when v cannot be encoded.
func (p Policy) Write(w io.Writer, v any) error {
	b, err := p.Marshal(v, "")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Stream writes a document in pieces, laid out as Marshal lays it out, for documents too big
// to build whole (100,000 arguments). The first error sticks.
type Stream struct {
	Policy
	w   *bufio.Writer
	err error
}

// NewStream returns a stream to w, buffered: a document can be 150 MB, and writing it in
// small pieces to a pipe or file costs a system call each.
func NewStream(w io.Writer, p Policy) *Stream {
	return &Stream{Policy: p, w: bufio.NewWriterSize(w, 64<<10)}
}

// Raw writes JSON text as it is.
func (s *Stream) Raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// Bytes writes encoded JSON as it is.
func (s *Stream) Bytes(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// Value writes v, marshalled, as the value of a key or an array item whose line starts with
// prefix.
func (s *Stream) Value(v any, prefix string) {
	if s.err != nil {
		return
	}
	b, err := s.Marshal(v, prefix)
	if err != nil {
		s.err = err
		return
	}
	_, s.err = s.w.Write(b)
}

// Items writes n items of an array that is the value of a top-level key (items indented four
// spaces), each given by item already encoded.
func (s *Stream) Items(n int, item func(i int) []byte) {
	if n == 0 {
		s.Raw("[]")
		return
	}
	s.Raw("[\n")
	for i := range n {
		s.Raw("    ")
		s.Bytes(item(i))
		if i < n-1 {
			s.Raw(",\n")
		} else {
			s.Raw("\n")
		}
	}
	s.Raw("  ]")
}

// Flush writes what is buffered and returns the first error.
func (s *Stream) Flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// Version is the format version every JSON document carries as its "argmap" key.
const Version = 1

// Check is a document's "check": the CI gate a command was asked for (only the keys of the
// gates given), whether it held, and, when it did not, the one-line reason the command also
// prints on standard error.
type Check struct {
	Expect          string   `json:"expect,omitempty"`
	MinMargin       *float64 `json:"min_margin,omitempty"`
	ExpectStable    *float64 `json:"expect_stable,omitempty"`
	FailOnFlip      bool     `json:"fail_on_flip,omitempty"`
	MaxMarginChange *float64 `json:"max_margin_change,omitempty"`
	OK              bool     `json:"ok"`
	Reason          string   `json:"reason,omitempty"`
}
