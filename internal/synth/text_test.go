package synth

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Drain the Kremlin’s manpower reserves", "drain-the-kremlins"},
		{"A dangerous fifth column", "a-dangerous-fifth"},
		{"Open door", "open-door"},
		{"Price of cowardice at a price frontline states must pay", "price-of-cowardice"},
		{"Russian émigré communities", "russian-migr-communities"},
		{"strategic", "strategic"},
		{"—", "x"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPluralVerb(t *testing.T) {
	tests := []struct{ in, want string }{
		{"weakens", "weaken"},
		{"punishes", "punish"},
		{"exposes", "expose"},
		{"signals resolve to", "signal resolve to"},
	}
	for _, tt := range tests {
		if got := pluralVerb(tt.in); got != tt.want {
			t.Errorf("pluralVerb(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
