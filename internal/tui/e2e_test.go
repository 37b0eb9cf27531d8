package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTerminal runs the real binary in a real terminal (tmux), types keys and reads the screen
// as a person sees it: it starts, a weight flips the verdict and the bar says which, under
// every semantics the margin is argmap score's, the panes stack when the window narrows, and on
// quit the printed command gives, run as a script, the margin the screen showed.
func TestTerminal(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil && os.Getenv("ARGMAP_REQUIRE_TMUX") != "" {
		t.Fatal("tmux is not installed, and ARGMAP_REQUIRE_TMUX says this run must have it (.ci/run installs it)")
	}
	if err != nil {
		t.Skip("tmux is not installed (apt-get install tmux; .ci/run installs it): the end-to-end terminal test needs it")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "argmap")
	build := exec.Command("go", "build", "-o", bin, "github.com/argmap/argmap/cmd/argmap")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A server of our own, on its own socket, so that no user's session is touched.
	socket := filepath.Join(dir, "tmux.sock")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(tmux, append([]string{"-S", socket, "-f", "/dev/null"}, args...)...)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
		// Strategy counted twice, the built-in debate comes out pro, and without it con: the
		// flip the keys below make. (Under even weights it is a near tie, -0.005.)
		fmt.Sprintf("%s explore --no-color --weights strategic=2; echo exit=$?; sleep 600", bin))
	t.Cleanup(func() { exec.Command(tmux, "-S", socket, "kill-server").Run() })

	// -J joins the lines the terminal wrapped, as a copy from the screen would.
	screen := func() string { return run("capture-pane", "-p", "-J", "-t", "e2e") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited 15 s for %s; the screen is:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	has := func(sub string) func(string) bool { return func(s string) bool { return strings.Contains(s, sub) } }

	s := waitFor("the first frame", has("Verdict PRO"))
	for _, want := range []string{"THESIS", "── Weights", "moral", "strategic", "political", "q quit"} {
		if !strings.Contains(s, want) {
			t.Errorf("first frame lacks %q:\n%s", want, s)
		}
	}
	run("send-keys", "-t", "e2e", "Tab", "Down", "0", "Enter")
	waitFor("the flip", has("verdict flipped PRO → CON: strategic 2 → 0"))
	// Under every semantics the screen shows the margin argmap score gives for the same weights.
	marginRe := regexp.MustCompile(`margin ([+-]\d\.\d{3})`)
	scoreRe := regexp.MustCompile(`\(margin ([+-]\d\.\d{3})\)|weighted sum ([+-]\d\.\d{3})`)
	for i, sem := range []string{"dfquad", "quadratic-energy", "euler", "mlp", "sum"} {
		if i > 0 {
			run("send-keys", "-t", "e2e", "s")
		}
		s := waitFor(sem, has("semantics "+sem+" "))
		m := marginRe.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("no margin on the screen:\n%s", s)
		}
		out, err := exec.Command(bin, "score", "--weights", "moral=1,strategic=0,political=1", "--semantics", sem).Output()
		if err != nil {
			t.Fatalf("argmap score --semantics %s: %v", sem, err)
		}
		want := scoreRe.FindStringSubmatch(string(out))
		if want == nil || want[1]+want[2] != m[1] {
			t.Errorf("%s: the screen shows margin %s, argmap score says:\n%s", sem, m[1], out)
		}
	}
	run("send-keys", "-t", "e2e", "s", "s", "s") // back round to euler
	s = waitFor("euler", has("semantics euler "))
	margin := marginRe.FindStringSubmatch(s)[1]

	run("resize-window", "-t", "e2e", "-x", "60", "-y", "30")
	s = waitFor("the stacked panes", func(s string) bool {
		w, a := strings.Index(s, "── Weights"), strings.Index(s, "── Arguments")
		return w >= 0 && a > w
	})
	for i, l := range strings.Split(s, "\n") {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line %d is %d columns wide at 60 columns: %q", i+1, n, l)
		}
	}

	run("send-keys", "-t", "e2e", "q")
	s = waitFor("the command printed on quit", has("exit=0"))
	cmdLine := regexp.MustCompile(`(?m)^argmap score .*$`).FindString(s)
	want := "argmap score --weights moral=1,strategic=0,political=1 --semantics euler"
	if cmdLine != want {
		t.Fatalf("printed command %q, want %q; the screen is:\n%s", cmdLine, want, s)
	}
	out, err := exec.Command(bin, strings.Fields(cmdLine)[1:]...).Output()
	if err != nil {
		t.Fatalf("%s: %v", cmdLine, err)
	}
	if !strings.Contains(string(out), "(margin "+margin+")") {
		t.Errorf("the screen showed margin %s, but %s says:\n%s", margin, cmdLine, out)
	}
}
