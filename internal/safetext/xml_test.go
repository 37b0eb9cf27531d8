package safetext

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestXML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<script>alert("x")</script>`, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"},
		{"a & b's", "a &amp; b&#39;s"},
		{"esc\x1b[31m", `esc\x1b[31m`},
		{"nul\x00", `nul\x00`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"\uFFFE\uFFFF", `\ufffe\uffff`},
		{"]]><!--", "]]&gt;&lt;!--"},
	}
	for _, tt := range tests {
		got := XML(tt.in)
		if got != tt.want {
			t.Errorf("XML(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// It parses back, as text and as an attribute.
		doc := `<t a="` + got + `">` + got + `</t>`
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.NewDecoder(strings.NewReader(doc)).Decode(&v); err != nil {
			t.Errorf("XML(%q) does not parse: %v", tt.in, err)
		} else if v.A != v.Text || v.Text != Line(tt.in) && !strings.Contains(tt.in, "\uFFFE") {
			t.Errorf("XML(%q) parses to %q and %q, want %q", tt.in, v.A, v.Text, Line(tt.in))
		}
	}
}

func FuzzXML(f *testing.F) {
	for _, s := range []string{"plain", "<a>&", "\x1b\x00\xff", "\uFFFE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := `<t a="` + XML(s) + `">` + XML(s) + `</t>`
		d := xml.NewDecoder(strings.NewReader(doc))
		for {
			if _, err := d.Token(); err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("XML(%q) does not parse: %v", s, err)
				}
				return
			}
		}
	})
}
