package safetext

import (
	"strings"
	"testing"
)

func TestMixedScriptID(t *testing.T) {
	tests := []struct{ in, id, names string }{
		{"pay", "pay", ""},
		{"p\u0430y", `p\u0430y`, "U+0430 CYRILLIC SMALL LETTER A"},
		{"\u0440\u0430y", "\u0440\u0430\\u0079", ""}, // two Cyrillic, one Latin: Latin is the odd one
		{"путин-2022", "путин-2022", ""},
		{"日本語のテキスト", "日本語のテキスト", ""},
		{"ωmega", `\u03c9mega`, "U+03C9 GREEK SMALL LETTER OMEGA"},
		{"café-\x1b", `café-\x1b`, ""},
	}
	for _, tt := range tests {
		if got := ID(tt.in); got != tt.id {
			t.Errorf("ID(%q) = %q, want %q", tt.in, got, tt.id)
		}
		if tt.names == "" {
			continue
		}
		if got := RuneNames(MixedScript(tt.in)); got != tt.names {
			t.Errorf("RuneNames(MixedScript(%q)) = %q, want %q", tt.in, got, tt.names)
		}
	}
	if got := RuneNames(MixedScript("\u0440\u0430y")); got != "U+0079 LATIN SMALL LETTER Y" {
		t.Errorf("RuneNames(MixedScript(рay)) = %q", got)
	}
}

func FuzzID(f *testing.F) {
	for _, s := range []string{"pay", "p\u0430y", "日本語", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := ID(s); Unsafe(got) {
			t.Fatalf("ID(%q) = %q holds raw characters", s, got)
		}
		for _, r := range MixedScript(s) {
			if strings.ContainsRune(ID(s), r) {
				t.Fatalf("ID(%q) = %q shows %U raw", s, ID(s), r)
			}
		}
	})
}
