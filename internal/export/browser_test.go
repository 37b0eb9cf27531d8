package export

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/score"
	"github.com/argmap/argmap/internal/synth"
)

// browser is a headless Chromium with a fresh profile, and what it reported: console errors,
// exceptions (a script blocked by the CSP is one) and dialogs (an injected alert would be one).
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

// newBrowser starts Debian's chromium, or skips the test when it is not installed, unless
// ARGMAP_REQUIRE_CHROMIUM is set (CI sets it), when its absence fails the test.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("ARGMAP_REQUIRE_CHROMIUM") != "" {
			t.Fatal("ARGMAP_REQUIRE_CHROMIUM is set but chromium is not on PATH: apt-get install chromium")
		}
		t.Skip("skipped: chromium is not on PATH (apt-get install chromium); CI sets ARGMAP_REQUIRE_CHROMIUM=1")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", false),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				b.report(fmt.Sprintf("console %s: %v", ev.Type, ev.Args))
			}
		case *runtime.EventExceptionThrown:
			b.report(fmt.Sprintf("exception: %s at %d:%d", ev.ExceptionDetails.Text, ev.ExceptionDetails.LineNumber, ev.ExceptionDetails.ColumnNumber))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.report(fmt.Sprintf("log %s (%s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text))
			}
		case *page.EventJavascriptDialogOpening:
			b.report("dialog opened: " + ev.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	for _, enable := range []func() error{
		func() error { _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); return err },
		func() error { _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); return err },
		func() error { _, err := chromedp.Call(ctx, page.Enable, page.EnableParams{}); return err },
	} {
		if err := enable(); err != nil {
			t.Fatalf("start chromium: %v", err)
		}
	}
	return b
}

func (b *browser) report(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, s)
}

// check fails the test for anything the browser reported.
func (b *browser) check(t *testing.T, what string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("%s: %s", what, p)
	}
	b.problems = nil
}

// open writes the page to a file and loads it from file://.
func (b *browser) open(t *testing.T, html []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.html")
	if err := os.WriteFile(path, html, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate("file://"+path), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
}

// pageState is what the page shows: the verdict, margin, thesis score, every argument's score
// (by id) and the sliders' weights.
type pageState struct {
	Verdict, Margin, Thesis string
	Scores                  map[string]string
	Weights                 map[string]string
	Semantics               string
}

const readState = `(() => {
  const v = s => document.querySelector('[data-argmap="' + s + '"]').getAttribute('data-value');
  const scores = {}, weights = {};
  document.querySelectorAll('[data-argmap-score]').forEach(e => scores[e.getAttribute('data-argmap-score')] = e.getAttribute('data-value'));
  document.querySelectorAll('input[type=range][data-category]').forEach(e => weights[e.getAttribute('data-category')] = e.value);
  return {Verdict: v('verdict'), Margin: v('margin'), Thesis: v('thesis-score'), Scores: scores, Weights: weights,
    Semantics: document.querySelector('select[data-argmap=semantics]').value};
})()`

func (b *browser) state(t *testing.T) pageState {
	t.Helper()
	st, err := chromedp.Run(b.ctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	return st
}

// compare checks what the page shows against score.Evaluate under the page's own weights.
func compare(t *testing.T, g *argument.Graph, st pageState, what string) {
	t.Helper()
	w := score.Weights{}
	for c, v := range st.Weights {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s: slider %s reads %q", what, c, v)
		}
		w[c] = f
	}
	r, err := score.Evaluate(g, w, score.Semantics(st.Semantics))
	if err != nil {
		if strings.Contains(err.Error(), "every category weighs 0") {
			return
		}
		t.Fatalf("%s: score: %v", what, err)
	}
	near := func(name, got string, want float64) {
		f, err := strconv.ParseFloat(got, 64)
		if err != nil || math.Abs(f-want) > 1e-9 {
			t.Errorf("%s (%s, %v): %s = %q, score.Evaluate gives %.12g", what, st.Semantics, w, name, got, want)
		}
	}
	if st.Verdict != string(r.Verdict) {
		t.Errorf("%s (%s, %v): verdict %q, score.Evaluate gives %q", what, st.Semantics, w, st.Verdict, r.Verdict)
	}
	near("margin", st.Margin, r.Margin)
	if r.Thesis.HasScore {
		near("thesis score", st.Thesis, r.Thesis.Score)
	} else if st.Thesis != "" {
		t.Errorf("%s: thesis score %q under sum, want none", what, st.Thesis)
	}
	for _, a := range r.Arguments {
		near("score of "+a.ID, st.Scores[a.ID], a.Score)
	}
}

func htmlPage(t testing.TB, g *argument.Graph, withMap bool) []byte {
	t.Helper()
	var svg []byte
	if withMap {
		r, err := score.Evaluate(g, score.Weights{}, score.DefaultSemantics)
		if err != nil {
			t.Fatal(err)
		}
		if svg, err = RenderMap(context.Background(), requireDot(t), g, MapOptions{Result: r}, "svg"); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := NewHTMLEncoder(&buf, svg).Encode(testBrief(t, g)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (b *browser) selectSemantics(t *testing.T, sem score.Semantics) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const s = document.querySelector('select[data-argmap=semantics]'); s.value = %q; s.dispatchEvent(new Event('change')); return s.value })()`, sem)
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil || got != string(sem) {
		t.Fatalf("select %s: %q, %v", sem, got, err)
	}
}

// TestBrowserBuiltin loads the built-in brief, moves every slider with the keyboard under every
// semantics and checks that the page's numbers are argmap's.
func TestBrowserBuiltin(t *testing.T) {
	b := newBrowser(t)
	g := loadBuiltin(t)
	b.open(t, htmlPage(t, g, true))
	b.check(t, "load")
	compare(t, g, b.state(t), "as loaded")
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('input[type=range][data-category]').length`))
	if err != nil || n != len(g.Debate.Categories) {
		t.Fatalf("%d sliders, want %d (%v)", n, len(g.Debate.Categories), err)
	}
	for _, sem := range score.AllSemantics {
		b.selectSemantics(t, sem)
		compare(t, g, b.state(t), "semantics picked")
		for i := range n {
			id := fmt.Sprintf("#w%d", i)
			keys := strings.Repeat(kb.ArrowRight, 3+i*4)
			if sem == score.Euler {
				keys = strings.Repeat(kb.ArrowLeft, 7)
			}
			if err := chromedp.Do(b.ctx, chromedp.Focus(id), chromedp.KeyEvent(keys)); err != nil {
				t.Fatalf("move %s: %v", id, err)
			}
			compare(t, g, b.state(t), "slider "+id+" moved")
		}
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](`document.querySelector('[data-argmap=reset]').click()`)); err != nil {
			t.Fatal(err)
		}
		compare(t, g, b.state(t), "reset")
	}
	b.check(t, "sliders")

	// A click on a node of the map opens its argument.
	open, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById('arg_n3').dispatchEvent(new MouseEvent('click', {bubbles: true})) && document.getElementById('a-3').open`))
	if err != nil || !open {
		t.Errorf("a click on node n3 did not open its argument (%v)", err)
	}

	durations, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](`performance.getEntriesByName('argmap-redraw').map(e => e.duration)`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("redraws of the built-in debate: %d, median %.2f ms", len(durations), median(durations))

	for _, width := range []int64{1280, 400} {
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("ARGMAP_SCREENSHOTS"); dir != "" {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("brief-%d.png", width)), png, 0o644)
		}
	}

	prefer := true
	res, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &prefer})
	if err != nil {
		t.Fatal(err)
	}
	pdf := res.Data
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	opened, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('details[open]').length`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("printed on A4: %d pages, %d arguments open", pages, opened)
	if pages == 0 || pages > 10 {
		t.Errorf("the brief prints on %d A4 pages, want a handful (1 to 10)", pages)
	}
	if dir := os.Getenv("ARGMAP_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "brief.pdf"), pdf, 0o644)
	}
	b.check(t, "print")
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}

// TestBrowserRandom scores random debates, cyclic ones among them, under random weights and
// every semantics, in the page and in Go.
func TestBrowserRandom(t *testing.T) {
	b := newBrowser(t)
	rng := rand.New(rand.NewPCG(19, 2026))
	for seed := range int64(6) {
		g := argument.NewGraph(synth.Generate(synth.Options{Arguments: 30 + int(seed)*10, Cycles: int(seed % 3 * 2), Seed: seed}))
		b.open(t, htmlPage(t, g, false))
		for _, sem := range score.AllSemantics {
			b.selectSemantics(t, sem)
			for range 3 {
				var parts []string
				for i := range g.Debate.Categories {
					parts = append(parts, fmt.Sprintf(`s[%d].value = %q;`, i, strconv.FormatFloat(math.Round(rng.Float64()*100)/10, 'f', -1, 64)))
				}
				js := `(() => { const s = document.querySelectorAll('input[type=range][data-category]'); ` + strings.Join(parts, " ") +
					` s.forEach(e => e.dispatchEvent(new Event('input'))); })()`
				if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js)); err != nil {
					t.Fatal(err)
				}
				st := b.state(t)
				compare(t, g, st, fmt.Sprintf("random debate %d", seed))
				compareContributions(t, b, g, st, fmt.Sprintf("random debate %d", seed))
			}
		}
		b.check(t, fmt.Sprintf("random debate %d", seed))
	}
}

// compareContributions checks the page's contributions (the map's edge widths, the deciding
// arguments) against score.Evaluate's under the page's weights.
func compareContributions(t *testing.T, b *browser, g *argument.Graph, st pageState, what string) {
	t.Helper()
	w := score.Weights{}
	for c, v := range st.Weights {
		w[c], _ = strconv.ParseFloat(v, 64)
	}
	r, err := score.Evaluate(g, w, score.Semantics(st.Semantics))
	if err != nil {
		return // every weight 0: compare has said so
	}
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
		`(() => { const w = {}; document.querySelectorAll('input[type=range][data-category]').forEach(e => w[e.getAttribute('data-category')] = parseFloat(e.value));
		  return Array.from(window.argmapEvaluate(w, %q).contrib); })()`, st.Semantics)))
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Arguments {
		if math.Abs(got[i+1]-a.Contribution) > 1e-9 {
			t.Errorf("%s (%s, %v): contribution of %s = %.12g, score.Evaluate gives %.12g", what, st.Semantics, w, a.ID, got[i+1], a.Contribution)
		}
	}
}

// TestBrowserHostile loads the hostile corpus's page: no injected script runs (no dialog, no
// console message, no script element but argmap's two), and its text is shown as text.
func TestBrowserHostile(t *testing.T) {
	b := newBrowser(t)
	g := loadFixture(t, "hostile")
	_, dotErr := FindDot()
	b.open(t, htmlPage(t, g, dotErr == nil))
	scripts, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('script').length`))
	if err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('h1').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if scripts != 2 {
		t.Errorf("the page has %d script elements, want argmap's 2", scripts)
	}
	if !strings.Contains(title, "<script>") {
		t.Errorf("the title %q lost its <script> text", title)
	}
	for _, sem := range score.AllSemantics {
		b.selectSemantics(t, sem)
		compare(t, g, b.state(t), "hostile")
	}
	b.check(t, "hostile")
}

// TestBrowserLarge measures a slider move on a 1,000-argument debate (reported, not asserted).
func TestBrowserLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short")
	}
	b := newBrowser(t)
	g := argument.NewGraph(synth.Generate(synth.Options{Arguments: 1000, Seed: 1}))
	b.open(t, htmlPage(t, g, false))
	js := `(() => { const s = document.querySelector('input[type=range][data-category]'); for (let i = 0; i < 10; i++) { s.value = String(i); s.dispatchEvent(new Event('input')); }
	  return performance.getEntriesByName('argmap-redraw').map(e => e.duration); })()`
	durations, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](js))
	if err != nil {
		t.Fatal(err)
	}
	compare(t, g, b.state(t), "1,000 arguments")
	t.Logf("redraws of a 1,000-argument debate: %d, median %.2f ms", len(durations), median(durations))
	b.check(t, "large")
}

// TestBrowserFineWeights loads a page exported with weights finer than the sliders' tenths: the
// page starts from them, not from weights snapped to a step.
func TestBrowserFineWeights(t *testing.T) {
	b := newBrowser(t)
	g := loadBuiltin(t)
	w := score.Weights{"moral": 0.25, "strategic": 1.37, "political": 2}
	r, err := score.Evaluate(g, w, score.DefaultSemantics)
	if err != nil {
		t.Fatal(err)
	}
	brief := testBrief(t, g)
	brief.Verdict = NewVerdict("", "", r)
	var buf bytes.Buffer
	if err := NewHTMLEncoder(&buf, nil).Encode(brief); err != nil {
		t.Fatal(err)
	}
	b.open(t, buf.Bytes())
	st := b.state(t)
	for c, want := range w {
		if got := st.Weights[c]; got != strconv.FormatFloat(want, 'g', -1, 64) {
			t.Errorf("slider %s starts at %s, want %v", c, got, want)
		}
	}
	compare(t, g, st, "fine weights")
	b.check(t, "fine weights")
}
