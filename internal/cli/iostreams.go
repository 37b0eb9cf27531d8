package cli

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/x/term"
)

// IOStreams are the streams and environment a command runs with. Logic takes them as arguments
// and never touches os.Stdout, so tests run every view with and without a terminal.
type IOStreams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	// OutTTY says whether Out is a terminal; Width is its width in columns (0 when unknown).
	OutTTY bool
	Width  int

	// Getenv reads the environment; tests give a map.
	Getenv func(string) string
}

// System returns the process's own streams.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv}
	if term.IsTerminal(os.Stdout.Fd()) {
		s.OutTTY = true
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
			s.Width = w
		}
	}
	// ARGMAP_FORCE_TTY (like gh's GH_FORCE_TTY) makes argmap draw for a terminal whatever
	// stdout is, N columns wide when its value is a number above 1: for scripts and tests that
	// need the terminal views. The colour opt-outs still apply.
	if spec := os.Getenv("ARGMAP_FORCE_TTY"); spec != "" && spec != "0" {
		s.OutTTY = true
		if w, err := strconv.Atoi(spec); err == nil && w > 1 {
			s.Width = w
		}
	}
	return s
}

// TestStreams returns buffered streams, with no terminal and an empty environment, and the
// buffers behind Out and Err.
func TestStreams() (s *IOStreams, out, errOut *bytes.Buffer) {
	out, errOut = new(bytes.Buffer), new(bytes.Buffer)
	env := map[string]string{}
	s = &IOStreams{In: new(bytes.Buffer), Out: out, Err: errOut, Getenv: func(k string) string { return env[k] }}
	return s, out, errOut
}

// ColorEnabled decides once whether output may hold colour and style escapes. Off when
// --no-color is given, NO_COLOR has any non-empty value, TERM is dumb or CLICOLOR is 0, or when
// stdout is no terminal; CLICOLOR_FORCE (not 0) turns it on for a pipe, but never past the
// explicit opt-outs.
func (s *IOStreams) ColorEnabled(noColorFlag bool) bool {
	if noColorFlag || s.Getenv("NO_COLOR") != "" || s.Getenv("TERM") == "dumb" || s.Getenv("CLICOLOR") == "0" {
		return false
	}
	if f := s.Getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	return s.OutTTY
}

// TermWidth is the width to lay output out for: the flag when set, else the terminal's width,
// else 80 (a pipe, or a terminal that does not say). COLUMNS overrides a terminal's own answer
// so that scripted terminals can be pinned.
func (s *IOStreams) TermWidth(flag int) int {
	if flag > 0 {
		return flag
	}
	if s.OutTTY {
		if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 0 {
			return c
		}
		if s.Width > 0 {
			return s.Width
		}
	}
	return 80
}
