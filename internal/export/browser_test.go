package export

import (
	"bytes"
	"context"
	"fmt"
	htmlpkg "html"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
	"github.com/argmap/argmap/internal/report"
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
	if err := NewHTMLEncoder(&buf, svg).Encode(testBriefWithAtlas(t, g)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setWeights moves the sliders to w (a category missing from it to 1) and redraws.
func (b *browser) setWeights(t *testing.T, g *argument.Graph, w score.Weights) {
	t.Helper()
	var parts []string
	for i, c := range g.Debate.Categories {
		parts = append(parts, fmt.Sprintf(`s[%d].value = %q;`, i, strconv.FormatFloat(w.Get(c), 'f', -1, 64)))
	}
	js := `(() => { const s = document.querySelectorAll('input[type=range][data-category]'); ` + strings.Join(parts, " ") +
		` s.forEach(e => e.dispatchEvent(new Event('input'))); })()`
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js)); err != nil {
		t.Fatal(err)
	}
}

// randomWeights is a weight in tenths from 0 to 10 for each category.
func randomWeights(rng *rand.Rand, g *argument.Graph) score.Weights {
	w := score.Weights{}
	for _, c := range g.Debate.Categories {
		w[c] = math.Round(rng.Float64()*100) / 10
	}
	return w
}

// explainedBy is the contribution function the page says it explains the verdict by.
func (b *browser) explainedBy(t *testing.T) score.ContributionFunc {
	t.Helper()
	f, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('[data-argmap=explained-by]').getAttribute('data-value')`))
	if err != nil {
		t.Fatal(err)
	}
	return score.ContributionFunc(f)
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
	html := htmlPage(t, g, true)
	b.open(t, html)
	b.check(t, "load")
	compare(t, g, b.state(t), "as loaded")
	if f := b.explainedBy(t); f != score.Shapley {
		t.Errorf("the built-in page explains by %q, want shapley (17 players, exact as in argmap score)", f)
	}
	// The lists Go wrote for a reader without the script are the ones the script draws.
	var static []shareRow
	for _, m := range regexp.MustCompile(`<ol data-toward="(pro|con)">|data-argmap-contribution="([^"]+)" data-value="([^"]+)"`).FindAllStringSubmatch(string(html), -1) {
		if m[1] != "" {
			static = append(static, shareRow{Toward: m[1]})
			continue
		}
		v, _ := strconv.ParseFloat(m[3], 64)
		static = append(static, shareRow{Toward: static[len(static)-1].Toward, ID: m[2], Value: v})
	}
	static = slices.DeleteFunc(static, func(r shareRow) bool { return r.ID == "" })
	if live := b.deciding(t); !sameShares(live, static, nil) {
		t.Errorf("the page's deciding arguments at load are %v, Go wrote %v", live, static)
	}
	compareContributions(t, b, g, b.state(t), score.Shapley, "as loaded")
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
			st := b.state(t)
			compare(t, g, st, "slider "+id+" moved")
			compareContributions(t, b, g, st, score.Shapley, "slider "+id+" moved")
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

	t.Logf("redraws of the built-in debate: %s", b.redraws(t))

	for _, width := range []int64{1280, 400} {
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("ARGMAP_SCREENSHOTS"); dir != "" {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%d.png", width)), png, 0o644)
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

// redraws sums up the page's measures argmap-redraw by semantics: how many, the median and
// the slowest, in milliseconds.
func (b *browser) redraws(t *testing.T) string {
	t.Helper()
	type measure struct {
		Semantics string
		Duration  float64
	}
	ms, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]measure](`performance.getEntriesByName('argmap-redraw').map(e => ({Semantics: e.detail.semantics, Duration: e.duration}))`))
	if err != nil {
		t.Fatal(err)
	}
	by := map[string][]float64{}
	for _, m := range ms {
		by[m.Semantics] = append(by[m.Semantics], m.Duration)
	}
	var parts []string
	for _, sem := range score.AllSemantics {
		if d := by[string(sem)]; len(d) > 0 {
			parts = append(parts, fmt.Sprintf("%s %d, median %.1f ms, slowest %.1f", sem, len(d), median(d), slices.Max(d)))
		}
	}
	return strings.Join(parts, "; ")
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
// every semantics, in the page and in Go. They have more players than exact Shapley values
// allow, so the page explains them by removal.
func TestBrowserRandom(t *testing.T) {
	b := newBrowser(t)
	rng := rand.New(rand.NewPCG(19, 2026))
	for seed := range int64(6) {
		g := argument.NewGraph(synth.Generate(synth.Options{Arguments: 30 + int(seed)*10, Cycles: int(seed % 3 * 2), Seed: seed}))
		b.open(t, htmlPage(t, g, false))
		if f := b.explainedBy(t); f != score.Removal {
			t.Errorf("random debate %d explains by %q, want removal: its players are past the exact limit", seed, f)
		}
		for _, sem := range score.AllSemantics {
			b.selectSemantics(t, sem)
			for range 3 {
				b.setWeights(t, g, randomWeights(rng, g))
				st := b.state(t)
				compare(t, g, st, fmt.Sprintf("random debate %d", seed))
				compareContributions(t, b, g, st, score.Removal, fmt.Sprintf("random debate %d", seed))
			}
		}
		b.check(t, fmt.Sprintf("random debate %d", seed))
	}
}

// TestBrowserShapley computes exact Shapley values in the page for random debates small enough
// for them (up to 20 players acyclic, 12 with cycles) under random weights and every
// semantics, and checks them, the removal contributions and the deciding arguments against
// score.EvaluateWith's. The largest, with 20 players, times the redraw of 2²⁰ coalitions.
func TestBrowserShapley(t *testing.T) {
	b := newBrowser(t)
	rng := rand.New(rand.NewPCG(19, 7))
	for _, c := range []struct {
		n, cycles int
		seed      int64
	}{{8, 0, 1}, {14, 0, 2}, {20, 0, 3}, {8, 1, 4}, {10, 2, 5}, {12, 2, 6}} {
		what := fmt.Sprintf("%d arguments, %d cycles", c.n, c.cycles)
		g := argument.NewGraph(synth.Generate(synth.Options{Arguments: c.n, Cycles: c.cycles, Seed: c.seed}))
		if _, acyclic := g.TopoOrder(); acyclic != (c.cycles == 0) {
			t.Fatalf("%s: the generated debate is acyclic %v", what, acyclic)
		}
		b.open(t, htmlPage(t, g, false))
		if f := b.explainedBy(t); f != score.Shapley {
			t.Errorf("%s: the page explains by %q, want shapley", what, f)
		}
		for _, sem := range score.AllSemantics {
			b.selectSemantics(t, sem)
			for range 2 {
				b.setWeights(t, g, randomWeights(rng, g))
				st := b.state(t)
				compare(t, g, st, what)
				compareContributions(t, b, g, st, score.Shapley, what)
				compareContributions(t, b, g, st, score.Removal, what)
			}
		}
		t.Logf("%s, %d players: %s", what, players(g), b.redraws(t))
		b.check(t, what)
	}
}

func players(g *argument.Graph) int {
	n := 0
	for i, c := range g.Connected() {
		if i > 0 && c {
			n++
		}
	}
	return n
}

// shareRow is one line of the deciding arguments.
type shareRow struct {
	Toward, ID string
	Value      float64
}

const readDeciding = `Array.from(document.querySelectorAll('[data-argmap=deciding] [data-argmap-contribution]')).map(e =>
  ({Toward: e.closest('ol').getAttribute('data-toward'), ID: e.getAttribute('data-argmap-contribution'), Value: parseFloat(e.getAttribute('data-value'))}))`

func (b *browser) deciding(t *testing.T) []shareRow {
	t.Helper()
	rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]shareRow](readDeciding))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameShares reports whether two lists of deciding arguments agree: the same lengths, sides
// and values to 1e-9, and the same arguments but where two hold values within 1e-9 of each
// other (a tie, which rounding may order either way): there the argument the page names must
// have that value in value (Go's, by id).
func sameShares(got, want []shareRow, value map[string]float64) bool {
	if len(got) != len(want) {
		return false
	}
	for k := range got {
		if got[k].Toward != want[k].Toward || math.Abs(got[k].Value-want[k].Value) > 1e-9 {
			return false
		}
		if v, ok := value[got[k].ID]; got[k].ID != want[k].ID && (!ok || math.Abs(v-got[k].Value) > 1e-9) {
			return false
		}
	}
	return true
}

// compareContributions checks the page's contributions by f against score.EvaluateWith's under
// the page's weights and, when f is the page's own, the deciding arguments it shows (the map's
// edge widths follow the same numbers).
func compareContributions(t *testing.T, b *browser, g *argument.Graph, st pageState, f score.ContributionFunc, what string) {
	t.Helper()
	w := score.Weights{}
	for c, v := range st.Weights {
		w[c], _ = strconv.ParseFloat(v, 64)
	}
	r, err := score.EvaluateWith(g, w, score.Semantics(st.Semantics), score.Options{Contributions: []score.ContributionFunc{f}})
	if err != nil {
		return // every weight 0: compare has said so
	}
	if f == score.Shapley && (r.Shapley == nil || !r.Shapley.Exact) {
		t.Fatalf("%s: Go's Shapley values are not exact (%+v)", what, r.Shapley)
	}
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
		`(() => { const w = {}; document.querySelectorAll('input[type=range][data-category]').forEach(e => w[e.getAttribute('data-category')] = parseFloat(e.value));
		  return Array.from(window.argmapEvaluate(w, %q, %q).contrib); })()`, st.Semantics, f)))
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Arguments {
		if math.Abs(got[i+1]-a.Value(f)) > 1e-9 {
			t.Errorf("%s (%s, %v): %s contribution of %s = %.12g, score.EvaluateWith gives %.12g", what, st.Semantics, w, f, a.ID, got[i+1], a.Value(f))
		}
	}
	if f != b.explainedBy(t) {
		return
	}
	var want []shareRow
	value := map[string]float64{}
	for _, a := range r.Arguments {
		value[a.ID] = a.Value(f)
	}
	for _, side := range deciding(g, r, 5) {
		for _, row := range side.Rows {
			want = append(want, shareRow{Toward: side.Toward, ID: row.ID, Value: row.Value})
		}
	}
	if got := b.deciding(t); !sameShares(got, want, value) {
		t.Errorf("%s (%s, %v): the page's deciding arguments are %v, Go's %v", what, st.Semantics, w, got, want)
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
	js := `(() => { const s = document.querySelector('input[type=range][data-category]'); for (let i = 0; i < 10; i++) { s.value = String(i); s.dispatchEvent(new Event('input')); } })()`
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js)); err != nil {
		t.Fatal(err)
	}
	compare(t, g, b.state(t), "1,000 arguments")
	if f := b.explainedBy(t); f != score.Removal {
		t.Errorf("the 1,000-argument page explains by %s, want removal", f)
	}
	t.Logf("redraws of a 1,000-argument debate (by removal): %s", b.redraws(t))
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

// ringState is where the page's ring sits on the atlas and what it says.
type ringState struct {
	View, Caption, Title, Visibility, Dash string
	X, Y                                   float64
	Shown                                  []string // the atlas views not hidden
	Marks                                  [][2]float64
}

const readRing = `(() => {
  const ring = document.querySelector('[data-argmap=atlas-ring]');
  const m = /translate\(([-0-9.]+) ([-0-9.]+)\)/.exec(ring.getAttribute('transform') || '') || [0, 0, 0];
  const view = ring.closest('[data-argmap-atlas]');
  return {View: view.getAttribute('data-argmap-atlas'), Caption: document.querySelector('[data-argmap=atlas-marker]').textContent,
    Title: ring.querySelector('title').textContent, Visibility: ring.getAttribute('visibility'),
    Dash: ring.querySelectorAll('circle')[1].getAttribute('stroke-dasharray'), X: parseFloat(m[1]), Y: parseFloat(m[2]),
    Shown: Array.from(document.querySelectorAll('[data-argmap-atlas]')).filter(e => !e.hidden && e.offsetParent !== null).map(e => e.getAttribute('data-argmap-atlas')),
    Marks: Array.from(view.querySelectorAll('svg > g circle[r="4.5"]')).map(c => [parseFloat(c.getAttribute('cx')), parseFloat(c.getAttribute('cy'))])};
})()`

func (b *browser) ring(t *testing.T) ringState {
	t.Helper()
	st, err := chromedp.Run(b.ctx, chromedp.Evaluate[ringState](readRing))
	if err != nil {
		t.Fatalf("read the atlas: %v", err)
	}
	return st
}

// checkRing compares the ring with Go: the view of the semantics picked and no other shown,
// the words markerText writes for the page's weights (the region by score.Atlas.Nearest), and
// the marker placed where the atlas SVG draws a profile of the same weights.
func checkRing(t *testing.T, b *browser, g *argument.Graph, atlases map[score.Semantics]*score.Atlas, pa *pageAtlas, what string) ringState {
	t.Helper()
	st, ring := b.state(t), b.ring(t)
	w := score.Weights{}
	for c, v := range st.Weights {
		w[c], _ = strconv.ParseFloat(v, 64)
	}
	live := score.Verdict(st.Verdict)
	want := markerText(pa, atlases[score.Semantics(st.Semantics)], w, live)
	if ring.Caption != want || ring.Title != want {
		t.Errorf("%s (%s, %v): the atlas says %q (title %q), Go says %q", what, st.Semantics, w, ring.Caption, ring.Title, want)
	}
	if ring.View != st.Semantics || len(ring.Shown) != 1 || ring.Shown[0] != st.Semantics {
		t.Errorf("%s: the ring is on the %s atlas and %v are shown, want the %s atlas alone", what, ring.View, ring.Shown, st.Semantics)
	}
	return ring
}

// TestBrowserAtlas moves the sliders of the built-in debate and checks the ring on the atlas:
// at each profile's weights it lands on that profile's mark, every semantics shows its own
// atlas, and at random weights its words (the region it sits in) are Go's.
func TestBrowserAtlas(t *testing.T) {
	b := newBrowser(t)
	g := loadBuiltin(t)
	brief := testBrief(t, g)
	page := htmlPage(t, g, false)
	b.open(t, page)
	w0 := score.Weights{}
	_, pa, err := pageAtlases(brief, w0)
	if err != nil {
		t.Fatal(err)
	}
	atlases := map[score.Semantics]*score.Atlas{}
	for _, sem := range score.AllSemantics {
		if atlases[sem], err = report.BriefAtlas(g, w0, sem, ""); err != nil {
			t.Fatal(err)
		}
	}
	// At load the script's words are the ones Go wrote.
	static := regexp.MustCompile(`<figcaption data-argmap="atlas-marker" aria-live="polite">([^<]*)</figcaption>`).FindSubmatch(page)
	ring := checkRing(t, b, g, atlases, pa, "as loaded")
	if static == nil || htmlpkg.UnescapeString(string(static[1])) != ring.Caption {
		t.Errorf("Go wrote %q, the script %q", static, ring.Caption)
	}
	for _, sem := range score.AllSemantics {
		b.selectSemantics(t, sem)
		for k, p := range g.Debate.Profiles {
			b.setWeights(t, g, score.Weights(p.Weights))
			ring := checkRing(t, b, g, atlases, pa, "profile "+p.Name)
			if len(ring.Marks) != len(g.Debate.Profiles) {
				t.Fatalf("the %s atlas has %d profile marks, want %d", sem, len(ring.Marks), len(g.Debate.Profiles))
			}
			if m := ring.Marks[k]; math.Abs(ring.X-m[0]) > 0.01 || math.Abs(ring.Y-m[1]) > 0.01 {
				t.Errorf("%s, profile %s: the ring is at (%v, %v), the profile's mark at %v", sem, p.Name, ring.X, ring.Y, m)
			}
			if ring.Visibility != "visible" || ring.Dash != "none" {
				t.Errorf("profile %s: the ring is %s, dashed %s", p.Name, ring.Visibility, ring.Dash)
			}
		}
	}
	rng := rand.New(rand.NewPCG(19, 11))
	b.selectSemantics(t, score.DefaultSemantics)
	for k := range 60 {
		b.setWeights(t, g, randomWeights(rng, g))
		checkRing(t, b, g, atlases, pa, fmt.Sprintf("random weights %d", k))
	}
	// Weights between the map's points, where the nearest cell's verdict is not theirs: the
	// words say both.
	between := 0
	for m := 0.0; m <= 10 && between < 3; m++ {
		for s := 0.5; s <= 10 && between < 3; s += 0.5 {
			w := score.Weights{"moral": m, "strategic": s, "political": 2}
			r, err := score.Evaluate(g, w, score.DefaultSemantics)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(markerText(pa, atlases[score.DefaultSemantics], w, r.Verdict), "Between the map's points") {
				b.setWeights(t, g, w)
				checkRing(t, b, g, atlases, pa, "between the map's points")
				between++
			}
		}
	}
	if between == 0 {
		t.Error("no weighting between the map's points was tried")
	}
	b.setWeights(t, g, score.Weights{"moral": 0, "strategic": 0, "political": 0})
	if ring := b.ring(t); ring.Visibility != "hidden" || !strings.Contains(ring.Caption, "no place on the map") {
		t.Errorf("every weight 0: the ring is %s and says %q", ring.Visibility, ring.Caption)
	}
	b.check(t, "atlas")
}

// TestBrowserAtlasShapes checks the ring on the atlases of debates of two categories (a strip)
// and of four (three axes, the fourth held): on each profile's mark, and dashed, with words
// that say so, when the held category moves off the map's weight.
func TestBrowserAtlasShapes(t *testing.T) {
	b := newBrowser(t)
	for _, cats := range [][]string{{"moral", "strategic"}, {"moral", "strategic", "political", "legal"}} {
		what := fmt.Sprintf("%d categories", len(cats))
		g := argument.NewGraph(synth.Generate(synth.Options{Arguments: 40, Categories: cats, Seed: 5}))
		brief := testBrief(t, g)
		_, pa, err := pageAtlases(brief, score.Weights{})
		if err != nil {
			t.Fatal(err)
		}
		atlases := map[score.Semantics]*score.Atlas{}
		for _, sem := range score.AllSemantics {
			if atlases[sem], err = report.BriefAtlas(g, score.Weights{}, sem, ""); err != nil {
				t.Fatal(err)
			}
		}
		b.open(t, htmlPage(t, g, false))
		checkRing(t, b, g, atlases, pa, what+", as loaded")
		a := atlases[score.DefaultSemantics]
		placed := 0
		for k, p := range g.Debate.Profiles {
			b.setWeights(t, g, score.Weights(p.Weights))
			ring := checkRing(t, b, g, atlases, pa, what+", profile "+p.Name)
			if !a.Points[k].Placed {
				continue
			}
			if m := ring.Marks[placed]; math.Abs(ring.X-m[0]) > 0.01 || math.Abs(ring.Y-m[1]) > 0.01 {
				t.Errorf("%s, profile %s: the ring is at (%v, %v), the profile's mark at %v", what, p.Name, ring.X, ring.Y, m)
			}
			if dashed := ring.Dash != "none"; dashed != !a.Points[k].OnMap {
				t.Errorf("%s, profile %s: the ring dashed %v, the profile's mark on the map %v", what, p.Name, dashed, a.Points[k].OnMap)
			}
			placed++
		}
		if len(cats) == 4 {
			b.setWeights(t, g, score.Weights{"moral": 1, "strategic": 2, "political": 1, "legal": 6})
			ring := checkRing(t, b, g, atlases, pa, what+", legal moved")
			if ring.Dash == "none" || !strings.Contains(ring.Caption, "legal weighs otherwise than the map holds it") {
				t.Errorf("%s: with legal off the map the ring is dashed %q and says %q", what, ring.Dash, ring.Caption)
			}
			b.setWeights(t, g, score.Weights{"moral": 0, "strategic": 0, "political": 0, "legal": 2})
			checkRing(t, b, g, atlases, pa, what+", the axes at 0")
		}
		b.check(t, what)
	}
}
