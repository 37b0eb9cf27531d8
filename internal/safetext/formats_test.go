package safetext

import (
	"strings"
	"testing"
)

func TestFlat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  one\n two\t\tthree  ", "one two three"},
		{"\x1b[31mred", `\x1b[31mred`},
		{"a\u2028b", "a b"},
		{"bidi\u202e", `bidi\u202e`},
	}
	for _, tt := range tests {
		if got := Flat(tt.in); got != tt.want {
			t.Errorf("Flat(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs("first\nline\n\n  \n\nsecond\r\n\r\nthird  ")
	want := []string{"first line", "second", "third"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, and punctuation.", "plain words, and punctuation."},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"[x](javascript:alert(1))", `\[x\](javascript\:alert(1))`},
		{"![i](http://e/x.png)", `!\[i\](http\://e/x.png)`},
		{"a | b `c` *d* _e_ ~f~ $g$ #h &amp; @i", `a \| b \` + "`c\\`" + ` \*d\* \_e\_ \~f\~ \$g\$ \#h \&amp; \@i`},
		{"see www.example.org", `see www\.example.org`},
		{"time 10:30, note: x", "time 10:30, note: x"},
		{"\x1b[2J", `\\x1b\[2J`},
		{"- not a list", "- not a list"},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"=====", `\=====`},
		{"---", `\---`},
		{"12. ordered", `12\. ordered`},
		{"3) ordered", `3\) ordered`},
		{"2022 was a year", "2022 was a year"},
		{"> quote", `\> quote`},
		{"# heading", `\# heading`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MarkdownLine(tt.in); got != tt.want {
			t.Errorf("MarkdownLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDOT(t *testing.T) {
	tests := []struct{ in, want string }{
		{`say "hi"`, `say \"hi\"`},
		{`\N \G \l`, `\\N \\G \\l`},
		{"a & b &lt;", "a &amp; b &amp;lt;"},
		{"<b>html</b>", "<b>html</b>"},
		{"line\nbreak", "line break"},
		{"\x1b", `\\x1b`},
		{"\ufffd", "&#65533;"},
	}
	for _, tt := range tests {
		if got := DOT(tt.in); got != tt.want {
			t.Errorf("DOT(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMermaid(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain, text. Yes? No! it's-fine", "Plain, text. Yes? No! it's-fine"},
		{`"quoted"`, "#quot;quoted#quot;"},
		{"#1 <b> %% click", "#35;1 #60;b#62; #37;#37; click"},
		{"a]b[c{d}e(f)g", "a#93;b#91;c#123;d#125;e#40;f#41;g"},
		{"`md` ;|", "#96;md#96; #59;#124;"},
		{"Putin’s", "Putin’s"},
	}
	for _, tt := range tests {
		if got := Mermaid(tt.in); got != tt.want {
			t.Errorf("Mermaid(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestArgdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, and more", "plain words, and more"},
		{"[s]: <a> #t @m {d} // c", `\[s\]\: \<a\> \#t \@m \{d\} \/\/ c`},
		{".x. :x: **b** _i_ === + -", `\.x\. \:x\: \*\*b\*\* \_i\_ \=\=\= \+ \-`},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := Argdown(tt.in); got != tt.want {
			t.Errorf("Argdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLDouble(t *testing.T) {
	tests := []struct{ in, want string }{
		{"grant-asylum", `"grant-asylum"`},
		{`a"b\c`, `"a\u0022b\u005cc"`},
		{"{x} === [y]", `"\u007bx\u007d \u003d\u003d\u003d \u005by\u005d"`},
		{"Putin’s", `"Putin’s"`},
		{"\x1b\u202e", `"\u001b\u202e"`},
		{"\U0001F600", `"😀"`},
	}
	for _, tt := range tests {
		if got := YAMLDouble(tt.in); got != tt.want {
			t.Errorf("YAMLDouble(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeInvisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a": "plain"}` + "\n", `{"a": "plain"}` + "\n"},
		{"\"bidi\u202e del\x7f c1\u0085\"", `"bidi\u202e del\u007f c1\u0085"`},
		{"\"tag\U000E0041\"", `"tag\udb40\udc41"`},
	}
	for _, tt := range tests {
		if got := string(EscapeInvisible([]byte(tt.in))); got != tt.want {
			t.Errorf("EscapeInvisible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
