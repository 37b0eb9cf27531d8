package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// FuzzKeys drives the explorer with any sequence of keys at any size: it must never panic,
// never draw a line wider than the terminal, and keep the weights valid for score.
func FuzzKeys(f *testing.F) {
	for _, seed := range []string{"", "jjj\r", "\tl0\r", "\t\x1b", "ss", "p\x0e\r", "/putin\r", "ffc", "?", "jjjjjg b", "\thhhhhhhhhhhhh", "\t9.5.\r"} {
		f.Add(seed, uint8(60), uint8(30))
	}
	g := builtin(f)
	special := map[rune]tea.KeyPressMsg{
		'\r': {Code: tea.KeyEnter}, '\t': {Code: tea.KeyTab}, '\x1b': {Code: tea.KeyEscape},
		'\x0e': {Code: tea.KeyDown}, '\x10': {Code: tea.KeyUp}, '\x7f': {Code: tea.KeyBackspace},
		'\x02': {Code: tea.KeyLeft}, '\x06': {Code: tea.KeyRight}, ' ': {Code: tea.KeySpace, Text: " "},
	}
	f.Fuzz(func(t *testing.T, keys string, w, h uint8) {
		if len(keys) > 200 {
			return
		}
		m, err := New(Options{Graph: g})
		if err != nil {
			t.Fatal(err)
		}
		width, height := int(w)%200+1, int(h)%80+1
		m.Update(tea.WindowSizeMsg{Width: width, Height: height})
		for _, r := range keys {
			msg, ok := special[r]
			if !ok {
				msg = tea.KeyPressMsg{Code: r, Text: string(r)}
			}
			_, cmd := m.Update(msg)
			if cmd != nil { // q: the explorer quits
				break
			}
		}
		for i, l := range strings.Split(m.Render(), "\n") {
			if lw := lineWidth(l); lw > max(width, 40) {
				t.Fatalf("line %d is %d columns wide at %d: %q", i+1, lw, width, l)
			}
		}
		if err := m.weights.Check(m.cats); err != nil {
			t.Fatalf("weights %v: %v", m.weights, err)
		}
	})
}
