package yamlfast

import (
	"strconv"
	"strings"
	"time"
)

// Resolve gives a plain scalar the tag yaml/v4 gives it: the same words for null, true, false
// and the special floats, then timestamps, integers (with 0x, 0o and 0b prefixes and
// underscores) and floats, by the same tests in the same order; the merge key << is tagged
// MergeTag. It is the one copy of yaml/v4's rules in argmap: the reader tags scalars with it,
// the emitter quotes the strings it would not give back as strings.
func Resolve(v string) string {
	if v == "" {
		return nullTag
	}
	switch v[0] {
	case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if tag, ok := words(v); ok {
			return tag
		}
		return number(v)
	case '.', 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		if tag, ok := words(v); ok {
			return tag
		}
		if v[0] == '.' {
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				return floatTag
			}
		}
	}
	return strTag
}

// words are the scalars yaml/v4 resolves from a table rather than by parsing them.
func words(v string) (string, bool) {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return boolTag, true
	case "~", "null", "Null", "NULL":
		return nullTag, true
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
		"-.inf", "-.Inf", "-.INF", "-0", "-0.0":
		return floatTag, true
	case "<<":
		return MergeTag, true
	}
	return "", false
}

// resolve is Resolve for the reader, which refuses the merge key: it only means something with
// the aliases this package refuses anyway.
func resolve(v string) string {
	tag := Resolve(v)
	if tag == MergeTag {
		refuse()
	}
	return tag
}

// number resolves a scalar that starts with a digit or a sign.
func number(v string) string {
	if timestamp(v) {
		return timestampTag
	}
	plain := strings.ReplaceAll(v, "_", "")
	// No integer has a point: skip the integer parses (and the error each would allocate)
	// for the fractions corpora are full of.
	if strings.IndexByte(plain, '.') < 0 {
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return intTag
		}
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return intTag
		}
	}
	if floatSyntax(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return floatTag
		}
	}
	return strTag
}

// floatSyntax reports whether s is a float as YAML writes one:
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func floatSyntax(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// timestampFormats are the layouts yaml/v4 reads a timestamp in.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// timestamp reports whether s is a date or a date and time: four digits and a dash, then one
// of timestampFormats.
func timestamp(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range timestampFormats {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
