package argument

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// NumberError says why a text is not a plain decimal number, and what to write instead
// (Instead, "" when there is nothing close to suggest).
type NumberError struct {
	Text    string
	Reason  string
	Instead string
}

func (e *NumberError) Error() string {
	if e.Instead == "" {
		return fmt.Sprintf("%s is %s: write a plain decimal number, like 2 or 0.5", e.Text, e.Reason)
	}
	return fmt.Sprintf("%s is %s: write %s", e.Text, e.Reason, e.Instead)
}

// ParseWeight reads a category weight as every place that takes one does (--weights, a
// --weights-file, a corpus profile): a plain decimal number, that is an optional sign, digits
// with an optional fraction (or a fraction alone, .5) and an optional exponent (1e3), with no
// zero leading other digits. It refuses what Go, YAML 1.1 or YAML 1.2 would each read their
// own way: underscores (1_0), hexadecimal, octal and binary (0x10, 0o17, 0b1, 0x1p3), 017
// (octal in YAML 1.1), infinities and NaN in any spelling. A number too large for a float64
// comes back as ±Inf and no error, for the caller to refuse as not finite; so does a negative
// one, for the caller's range check.
func ParseWeight(s string) (float64, error) {
	if !plainDecimal(s) {
		return 0, notDecimal(s)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRange(err) {
		return 0, notDecimal(s)
	}
	return x, nil
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// plainDecimal reports whether s is [-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func plainDecimal(s string) bool {
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
		start := i
		n := digits()
		if n == 0 || n > 1 && s[start] == '0' {
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

// notDecimal says what s is and, when it reads as a number in some other notation, the
// decimal to write instead.
func notDecimal(s string) *NumberError {
	e := &NumberError{Text: strconv.Quote(s), Reason: "not a plain decimal number"}
	body := strings.TrimLeft(s, "+-")
	sign := s[:len(s)-len(body)]
	lower := strings.ToLower(body)
	switch {
	case strings.Contains(s, "_"):
		e.Reason = "a number with underscores"
		if plainDecimal(strings.ReplaceAll(s, "_", "")) {
			e.Instead = strings.ReplaceAll(s, "_", "")
		}
		return e
	case lower == "inf" || lower == ".inf" || lower == "infinity" || lower == "nan" || lower == ".nan":
		e.Reason = "not a finite number"
		return e
	case strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0o") || strings.HasPrefix(lower, "0b"):
		e.Reason = map[byte]string{'x': "a hexadecimal number", 'o': "an octal number", 'b': "a binary number"}[lower[1]]
	case len(body) > 1 && body[0] == '0' && body[1] >= '0' && body[1] <= '9':
		// YAML 1.1 reads 017 as octal 15, YAML 1.2 and Go as 17: which is meant is anyone's guess.
		e.Reason = "a number with a leading zero, which YAML 1.1 reads as octal"
		if strings.ContainsAny(body, ".eE") {
			e.Reason = "a number with a leading zero"
		}
		if d := strings.TrimLeft(body, "0"); plainDecimal(d) || d == "" {
			if d == "" || d[0] == '.' {
				d = "0" + d
			}
			e.Instead = fmt.Sprintf("%s%s (or %s%s if octal is meant)", sign, d, sign, octal(body))
			if octal(body) == "" {
				e.Instead = sign + d
			}
		}
		return e
	default:
		return e
	}
	// Hexadecimal, octal or binary: say the decimal it stands for.
	if f, _, err := big.ParseFloat(s, 0, 64, big.ToNearestEven); err == nil {
		if x, _ := f.Float64(); plainDecimal(strconv.FormatFloat(x, 'g', -1, 64)) {
			e.Instead = strconv.FormatFloat(x, 'g', -1, 64)
		}
	}
	return e
}

// octal is the decimal value of the digits of s read as octal, or "" when they are not octal.
func octal(s string) string {
	n, err := strconv.ParseUint(s, 8, 64)
	if err != nil {
		return ""
	}
	return strconv.FormatUint(n, 10)
}
