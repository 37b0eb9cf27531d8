package corpus

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad checks that no file makes the loader panic or hang, and that what it returns holds
// together: an error exactly when a problem is an error, every problem placed and printable,
// every problem of a rule Rules lists, every argument of a clean corpus positioned, and all of
// it what decoding the file's whole tree gives. Seeds: the table tests and
// testdata/fuzz/FuzzLoad (the bad inputs, small enough to commit).
func FuzzLoad(f *testing.F) {
	for _, tc := range loadCases {
		if !strings.HasPrefix(tc.src, "-- ") {
			f.Add([]byte(tc.src))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"a.yaml": {Data: data}}
		d, problems, err := Load(fsys, ".")
		if whole := loadWhole(fsys); !reflect.DeepEqual(whole, loaded{d, problems, fmt.Sprint(err)}) {
			t.Fatalf("decoding each argument as it is read changes the load:\n got: %q\nwhole: %q", problemStrings(problems), problemStrings(whole.problems))
		}
		nerr, _ := Count(problems)
		if (err != nil) != (nerr > 0) {
			t.Fatalf("err = %v with %d errors among %q", err, nerr, problemStrings(problems))
		}
		for _, p := range problems {
			if p.Pos.File == "" || p.Message == "" {
				t.Errorf("problem without a place or a message: %#v", p)
			}
			if sev, ok := severities[p.Rule]; !ok || (sev != p.Severity && p.Rule != ruleLimit) {
				t.Errorf("problem of rule %q, which Rules does not list with severity %s: %s", p.Rule, p.Severity, p)
			}
			if !p.End.IsZero() && (p.End.File != p.Pos.File || p.End.Line != p.Pos.Line || p.End.Column <= p.Pos.Column) {
				t.Errorf("problem ends before it starts: %#v", p)
			}
			if strings.ContainsFunc(p.Message, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }) {
				t.Errorf("raw control character in %q", p.Message)
			}
		}
		if err == nil && d != nil {
			for _, a := range d.Arguments {
				if a.Pos.Line == 0 || !validID(a.ID) {
					t.Errorf("argument %q of a clean corpus has no position or a bad id", a.ID)
				}
				if a.Strength < 0 || a.Strength > 1 || a.Strength != a.Strength {
					t.Errorf("argument %q has strength %v", a.ID, a.Strength)
				}
			}
		}
	})
}

// FuzzValidID holds validID to idPattern, the form the JSON Schema publishes.
func FuzzValidID(f *testing.F) {
	re := regexp.MustCompile(idPattern)
	for _, s := range []string{"", "a", "a-b", "-a", "a-", "a--b", "A", "a_b", "grant-asylum", "0-9", "é", strings.Repeat("a", MaxIDLength+1)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := len(s) <= MaxIDLength && re.MatchString(s)
		if got := validID(s); got != want {
			t.Errorf("validID(%q) = %v, want %v", s, got, want)
		}
	})
}
