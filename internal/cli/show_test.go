package cli

import (
	"strings"
	"testing"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// runWith runs argmap with a terminal or a pipe on stdout and the given environment.
func runWith(t *testing.T, tty bool, width int, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	s, out, errOut := TestStreams()
	s.OutTTY, s.Width = tty, width
	s.Getenv = func(k string) string { return env[k] }
	code = Run(args, s)
	return code, out.String(), errOut.String()
}

func TestShowTerminalAndPipe(t *testing.T) {
	code, out, _ := runWith(t, true, 120, nil, "show")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !contains(out, "\x1b[") {
		t.Errorf("a terminal gets no colour")
	}
	if w := maxLineWidth(out); w > 120 {
		t.Errorf("widest line is %d columns on a 120-column terminal", w)
	}
	code, out, _ = runWith(t, false, 0, nil, "show")
	if code != exitOK || contains(out, "\x1b") {
		t.Errorf("a pipe gets escapes (exit %d)", code)
	}
	if w := maxLineWidth(out); w > 80 {
		t.Errorf("widest line is %d columns in a pipe, want at most 80", w)
	}
}

func TestShowColorRules(t *testing.T) {
	tests := []struct {
		name  string
		tty   bool
		env   map[string]string
		args  []string
		color bool
	}{
		{"terminal", true, nil, nil, true},
		{"pipe", false, nil, nil, false},
		{"force into a pipe", false, map[string]string{"CLICOLOR_FORCE": "1"}, nil, true},
		{"force 0", false, map[string]string{"CLICOLOR_FORCE": "0"}, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, nil, false},
		{"NO_COLOR=0 is a value", true, map[string]string{"NO_COLOR": "0"}, nil, false},
		{"TERM=dumb", true, map[string]string{"TERM": "dumb", "CLICOLOR_FORCE": "1"}, nil, false},
		{"CLICOLOR=0", true, map[string]string{"CLICOLOR": "0", "CLICOLOR_FORCE": "1"}, nil, false},
		{"--no-color", true, map[string]string{"CLICOLOR_FORCE": "1"}, []string{"--no-color"}, false},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"show"}, {"get", "drain-manpower"}, {"list"}} {
			args := append(append([]string{}, cmd...), tt.args...)
			code, out, errOut := runWith(t, tt.tty, 100, tt.env, args...)
			if code != exitOK {
				t.Fatalf("%s %v: exit %d: %s", tt.name, args, code, errOut)
			}
			want := tt.color
			if cmd[0] == "list" && !tt.tty {
				want = false // tab-separated values are data, never coloured
			}
			if got := contains(out, "\x1b["); got != want {
				t.Errorf("%s: argmap %v: colour %v, want %v", tt.name, args, got, want)
			}
		}
	}
}

func TestShowFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"show", "--depth", "-2"}, "invalid --depth -2"},
		{[]string{"show", "--width", "-1"}, "invalid --width -1"},
		{[]string{"show", "--side", "maybe"}, `invalid --side "maybe": use one of pro, con`},
		{[]string{"show", "no-such"}, `no argument with id "no-such"`},
		{[]string{"show", "a", "b"}, "accepts at most 1 arg"},
	}
	for _, tt := range tests {
		code, out, errOut := runWith(t, false, 0, nil, tt.args...)
		if code != exitUsage || out != "" || !contains(errOut, tt.want) || !contains(errOut, "Run 'argmap show --help' for usage.") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, no stdout, %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

func maxLineWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, len([]rune(stripEscapes(l))))
	}
	return w
}

func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
