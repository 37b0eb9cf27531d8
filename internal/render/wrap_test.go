package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestWrapAtMost(t *testing.T) {
	more := func(k int) string { return fmt.Sprintf("… %d more lines: argmap get a", k) }
	tests := []struct {
		name  string
		in    string
		width int
		n     int
		want  []string
	}{
		{"fits", "one two three", 80, 3, []string{"one two three"}},
		{"just fits", "aaaa bbbb cccc", 8, 3, []string{"aaaa", "bbbb", "cccc"}},
		{"cut", "aaaa bbbb cccc dddd", 8, 3, []string{"aaaa", "bbbb", "… 2 mor…"}},
		{"cut wide", strings.Repeat("word ", 100), 40, 2, []string{strings.TrimSpace(strings.Repeat("word ", 8)), "… 12 more lines: argmap get a"}},
	}
	for _, tt := range tests {
		got := wrapAtMost(tt.in, tt.width, tt.n, more, "…")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: wrapAtMost = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzWrapAtMost checks the bounds a tree node relies on: never more than n lines, none wider
// than the width.
func FuzzWrapAtMost(f *testing.F) {
	f.Add("aaaa bbbb cccc dddd", 8, 3)
	f.Add(strings.Repeat("x", 1000), 10, 4)
	f.Add("日本語 テキスト", 9, 2)
	f.Fuzz(func(t *testing.T, s string, w, n int) {
		w, n = 8+abs(w)%200, 2+abs(n)%50
		s = prose(s)
		lines := wrapAtMost(s, w, n, func(k int) string { return fmt.Sprintf("… %d more", k) }, "…")
		if len(lines) > n {
			t.Fatalf("%d lines, want at most %d", len(lines), n)
		}
		for _, l := range lines {
			if width(l) > w {
				t.Fatalf("line %q is %d wide, want at most %d", l, width(l), w)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// BenchmarkWrapLong wraps a claim of 1 MB: the cost per byte must not grow with the length.
func BenchmarkWrapLong(b *testing.B) {
	for _, size := range []int{1 << 10, 1 << 20} {
		s := strings.Repeat("word ", size/5)
		b.Run(fmt.Sprintf("bytes=%d", size), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				wrapAtMost(s, 80, maxBlockLines, func(k int) string { return "more" }, "…")
			}
		})
	}
}
