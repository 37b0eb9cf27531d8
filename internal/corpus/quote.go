package corpus

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/safetext"
)

// QuoteIn reports whether quote stands verbatim in text. Both are compared after normalising
// whitespace (any run is one space), typographic quotes (“ ” ‘ ’ and kin become " and ') and
// dashes (— – and kin become -, with no space around them). An ellipsis, "..." or "…", joins
// pieces of the quote that must appear in text in that order. Case is kept: a quote is
// verbatim or it is not.
func QuoteIn(quote, text string) bool {
	_, ok := matchQuote(quote, normalize(text))
	return ok
}

// matchQuote finds the pieces of quote in order in the normalised text. When one is missing it
// returns the longest start of that piece, in words, that is there.
func matchQuote(quote, text string) (agreed string, ok bool) {
	pieces := quotePieces(quote)
	if len(pieces) == 0 {
		return "", false
	}
	at := 0
	for _, p := range pieces {
		i := strings.Index(text[at:], p)
		if i < 0 {
			return longestPrefix(p, text[at:]), false
		}
		at += i + len(p)
	}
	return "", true
}

// quotePieces splits a quote at its ellipses and normalises each piece; empty pieces go.
func quotePieces(quote string) []string {
	quote = strings.ReplaceAll(quote, "…", "...")
	var pieces []string
	for _, p := range strings.Split(quote, "...") {
		if p = normalize(p); p != "" {
			pieces = append(pieces, p)
		}
	}
	return pieces
}

// longestPrefix returns the longest run of p's leading words found in text.
func longestPrefix(p, text string) string {
	words := strings.Split(p, " ")
	lo, hi := 0, len(words) // words[:lo] is found; words[:hi+1] is not, when hi < len
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, strings.Join(words[:mid], " ")) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.Join(words[:lo], " ")
}

// normalize maps typographic quotes and dashes to their plain forms, drops invisible
// characters, collapses whitespace to single spaces, and removes the spaces around dashes.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '‟', '«', '»', '″', '〝', '〞', '＂':
			r = '"'
		case '‘', '’', '‚', '‛', '′', '‹', '›', '＇':
			r = '\''
		case '‐', '‑', '‒', '–', '—', '―', '−', '⸺', '⸻':
			r = '-'
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 && r != '-' && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// CheckQuotes checks that every quote from the source id stands verbatim in text (see
// QuoteIn). name says where the text came from, for messages. Each quote that does not is an
// error placed at the quote.
func CheckQuotes(d *argument.Debate, id, text, name string) []Problem {
	norm := normalize(text)
	var ps []Problem
	if v := d.Verdict; v.Text != "" && v.Source == id {
		if _, ok := matchQuote(v.Text, norm); !ok {
			ps = append(ps, Problem{Pos: v.Pos, Severity: Error, Rule: RuleQuoteNotFound, Message: fmt.Sprintf("the verdict is not in the text of %s (%s): copy it verbatim, with ... between pieces left out", safetext.Line(id), safetext.Line(name))})
		}
	}
	for _, a := range d.Arguments {
		for _, quote := range a.Quotes {
			if quote.Source != id {
				continue
			}
			agreed, ok := matchQuote(quote.Text, norm)
			if ok {
				continue
			}
			msg := fmt.Sprintf("quote of argument %s is not in the text of %s (%s): copy it verbatim, with ... between pieces left out", safetext.Line(a.ID), safetext.Line(id), safetext.Line(name))
			if agreed != "" {
				msg = fmt.Sprintf("quote of argument %s is not in the text of %s (%s): it agrees up to %s; copy it verbatim, with ... between pieces left out", safetext.Line(a.ID), safetext.Line(id), safetext.Line(name), q(tail(agreed, 6)))
			}
			ps = append(ps, Problem{Pos: quote.Pos, Severity: Error, Rule: RuleQuoteNotFound, Message: msg})
		}
		for _, r := range a.Relations {
			if r.Quote == "" || r.Source != id {
				continue
			}
			agreed, ok := matchQuote(r.Quote, norm)
			if ok {
				continue
			}
			what := fmt.Sprintf("quote of the relation of %s to %s", safetext.Line(a.ID), safetext.Line(r.To))
			msg := fmt.Sprintf("%s is not in the text of %s (%s): copy the sentence that makes the link verbatim, or make the relation basis: inferred with a note", what, safetext.Line(id), safetext.Line(name))
			if agreed != "" {
				msg = fmt.Sprintf("%s is not in the text of %s (%s): it agrees up to %s; copy the sentence that makes the link verbatim, or make the relation basis: inferred with a note", what, safetext.Line(id), safetext.Line(name), q(tail(agreed, 6)))
			}
			ps = append(ps, Problem{Pos: r.Pos, Severity: Error, Rule: RuleQuoteNotFound, Message: msg})
		}
	}
	return ps
}

// tail returns the last n words of s, marked as cut when it is.
func tail(s string, n int) string {
	w := strings.Split(s, " ")
	if len(w) <= n {
		return s
	}
	return "…" + strings.Join(w[len(w)-n:], " ")
}
