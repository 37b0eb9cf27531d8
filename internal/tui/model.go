// Package tui is argmap's interactive explorer: a Bubble Tea model over the scored debate. It
// shows the argument tree, the selected argument in full, the verdict and one weight slider per
// category, and re-scores the whole debate (internal/score) on every change. It draws with
// render's Styles and Glyphs, so it looks like show, and it never touches a terminal itself: the
// caller runs the model in a tea.Program with the streams it chose.
package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/score"
)

// Options are what the explorer starts from.
type Options struct {
	Graph     *argument.Graph // the scored graph (already narrowed by the start filters)
	Weights   score.Weights   // start weights, as given
	Semantics score.Semantics
	Profile   string // the profile the start weights came from, "" for none
	Color     bool
	ASCII     bool
	// ScoreArgs are the flags of argmap score, other than weights and semantics, that the
	// printed command must repeat to score the same graph: corpus and filters.
	ScoreArgs []string
	// Contributions are the contribution functions to compute, the first drawn as each
	// argument's bar; empty for removal.
	Contributions []score.ContributionFunc
}

// Step is how far left and right move a weight.
const Step = 0.25

type pane int

const (
	paneTree pane = iota
	paneWeights
)

// Model is the explorer's state. Build it with New.
type Model struct {
	g    *argument.Graph
	opts Options
	st   render.Styles
	gl   render.Glyphs
	keys keyMap
	help help.Model

	cats    []string
	weights score.Weights // every category present
	sem     score.Semantics
	profile string
	res     *score.Result
	maxAbs  float64 // the largest absolute contribution, for the bars
	message string  // what the last change did
	flipped bool    // the last change flipped the verdict

	forest *forest
	folded map[int]bool
	rows   []row
	cursor int
	offset int
	back   []int // nodes jumped from, for b
	jump   int   // which relation target g goes to next

	side, cat int    // view filters: index into sides / categories, 0 for all
	search    string // view filter on title, claim, reasoning and quotes
	searching bool

	focus   pane
	wsel    int
	typed   string // a weight being typed
	picking bool
	pick    int
	detail  int // lines of the detail pane scrolled away

	width, height int
	err           error
}

var sides = []argument.Side{"", argument.Pro, argument.Con}

// New builds the explorer and scores the debate once.
func New(opts Options) (*Model, error) {
	g := opts.Graph
	m := &Model{
		g: g, opts: opts,
		st:      render.NewStyles(opts.Color, g.Debate.Categories),
		gl:      render.NewGlyphs(opts.ASCII),
		keys:    newKeyMap(opts.ASCII),
		cats:    g.Debate.Categories,
		weights: opts.Weights.Full(g.Debate.Categories),
		sem:     opts.Semantics,
		profile: opts.Profile,
		folded:  map[int]bool{},
		width:   80, height: 24,
	}
	if m.sem == "" {
		m.sem = score.DefaultSemantics
	}
	m.help = newHelp(m.st, opts.ASCII)
	res, err := m.evaluate()
	if err != nil {
		return nil, err
	}
	m.setResult(res)
	m.refilter()
	return m, nil
}

// Init starts nothing: the model waits for the window size and keys.
func (m *Model) Init() tea.Cmd { return nil }

// Result is the current scored debate.
func (m *Model) Result() *score.Result { return m.res }

// Command is the argmap score command that reproduces the current weights and semantics.
func (m *Model) Command() string {
	parts := []string{"argmap", "score"}
	for _, a := range m.opts.ScoreArgs {
		parts = append(parts, shellQuote(a))
	}
	if m.profile != "" {
		// The weights are still the profile's: its name says more than its numbers.
		parts = append(parts, "--profile", shellQuote(m.profile))
	} else {
		ws := make([]string, len(m.cats))
		for i, c := range m.cats {
			ws[i] = c + "=" + formatWeight(m.weights[c])
		}
		parts = append(parts, "--weights", shellQuote(strings.Join(ws, ",")))
	}
	parts = append(parts, "--semantics", string(m.sem))
	return strings.Join(parts, " ")
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain word characters.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_=.,/:+@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func formatWeight(w float64) string { return report.Weightf(w) }

func (m *Model) setResult(r *score.Result) {
	m.res = r
	m.maxAbs = 0
	for _, a := range r.Arguments {
		m.maxAbs = max(m.maxAbs, math.Abs(m.contribution(a)))
	}
}

// evaluate scores the debate under the current weights and semantics.
func (m *Model) evaluate() (*score.Result, error) {
	return score.EvaluateWith(m.g, m.weights, m.sem, score.Options{Contributions: m.opts.Contributions})
}

// contribution is a's share of the margin by the first contribution function asked for.
func (m *Model) contribution(a score.ArgumentScore) float64 {
	if len(m.opts.Contributions) == 0 {
		return a.Contribution
	}
	return a.Value(m.opts.Contributions[0])
}

// rescore scores the debate under the current weights and semantics, and says what the change
// (named by what) did to the verdict.
func (m *Model) rescore(what string) {
	old := m.res
	r, err := m.evaluate()
	if err != nil {
		m.message, m.flipped = err.Error(), false
		return
	}
	m.setResult(r)
	m.flipped = r.Verdict != old.Verdict
	if m.flipped {
		m.message = fmt.Sprintf("verdict flipped %s %s %s: %s",
			strings.ToUpper(string(old.Verdict)), m.arrow(), strings.ToUpper(string(r.Verdict)), what)
		return
	}
	m.message = fmt.Sprintf("%s: margin %s %s %s", what, signed(old.Margin), m.arrow(), signed(r.Margin))
}

func (m *Model) arrow() string {
	if m.opts.ASCII {
		return "->"
	}
	return "→"
}

// setWeight changes one category's weight and re-scores. Weights stay at 0 or more, and one
// at least stays above 0 (score refuses all zeros).
func (m *Model) setWeight(c string, w float64) {
	w = math.Max(0, math.Round(w*1e6)/1e6)
	old := m.weights[c]
	if w == old {
		return
	}
	others := 0.0
	for _, k := range m.cats {
		if k != c {
			others += m.weights[k]
		}
	}
	if w == 0 && others == 0 {
		m.message, m.flipped = "one category at least must weigh above 0", false
		return
	}
	m.weights[c] = w
	m.profile = ""
	m.rescore(fmt.Sprintf("%s %s %s %s", clean(c), formatWeight(old), m.arrow(), formatWeight(w)))
}

func (m *Model) cycleSemantics() {
	i := slices.Index(score.AllSemantics, m.sem)
	old := m.sem
	m.sem = score.AllSemantics[(i+1)%len(score.AllSemantics)]
	m.rescore(fmt.Sprintf("semantics %s %s %s", old, m.arrow(), m.sem))
}

func (m *Model) applyProfile(p argument.Profile) {
	w := score.Weights(p.Weights)
	if err := w.Check(m.cats); err != nil {
		m.message, m.flipped = fmt.Sprintf("profile %s is unusable: %v", clean(p.Name), err), false
		return
	}
	m.weights = w.Full(m.cats)
	m.profile = p.Name
	m.rescore("profile " + clean(p.Name))
}

// filter is the view filter: which arguments the tree shows (scores stay those of the whole
// scored graph, as in show).
func (m *Model) filter() argument.Filter {
	var f argument.Filter
	if m.side > 0 {
		f.Sides = []argument.Side{sides[m.side]}
	}
	if m.cat > 0 {
		f.Categories = []string{m.cats[m.cat-1]}
	}
	f.Search = m.search
	return f
}

// refilter rebuilds the tree for the view filter, keeping the selected node when it stays.
func (m *Model) refilter() {
	sel := -1
	if m.cursor < len(m.rows) {
		sel = m.rows[m.cursor].Node
	}
	m.forest = buildForest(m.g, m.filter())
	m.reflow()
	m.cursor = 0
	if sel >= 0 {
		m.selectNode(sel)
	}
}

// reflow lays the rows out again after a fold.
func (m *Model) reflow() {
	m.rows = m.forest.flatten(m.folded, m.gl)
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
}

// selectNode moves the cursor to where x is drawn in full, opening the folds above it; it
// reports whether x is in the tree.
func (m *Model) selectNode(x int) bool {
	if _, ok := m.forest.full[x]; !ok {
		return false
	}
	m.forest.unfoldTo(x, m.folded)
	m.reflow()
	for i, r := range m.rows {
		if r.Node == x && r.Kind == report.RowFull {
			m.cursor = i
			m.detail = 0
			return true
		}
	}
	return false
}

// selected is the node under the cursor.
func (m *Model) selected() int {
	if m.cursor < len(m.rows) {
		return m.rows[m.cursor].Node
	}
	return argument.ThesisNode
}

// targets are what the selected argument supports and attacks, in that order.
func (m *Model) targets() []int {
	var out []int
	for _, t := range [...]argument.RelationType{argument.Support, argument.Attack} {
		for _, e := range m.g.Out(m.selected()) {
			if e.Type == t {
				out = append(out, e.Node)
			}
		}
	}
	return out
}

func (m *Model) goToTarget() {
	ts := m.targets()
	if len(ts) == 0 {
		m.message, m.flipped = "the selected argument supports or attacks nothing", false
		return
	}
	from := m.selected()
	to := ts[m.jump%len(ts)]
	if m.selectNode(to) {
		m.back = append(m.back, from)
		m.jump = 0
		return
	}
	m.message, m.flipped = fmt.Sprintf("%s is hidden by the filter", clean(m.g.ID(to))), false
}

func (m *Model) goBack() {
	for len(m.back) > 0 {
		x := m.back[len(m.back)-1]
		m.back = m.back[:len(m.back)-1]
		if m.selectNode(x) {
			return
		}
	}
}

func (m *Model) move(d int) {
	m.cursor = max(0, min(len(m.rows)-1, m.cursor+d))
	m.detail, m.jump = 0, 0
}

// toggle folds or opens the selected node; on a reference it goes to the node in full.
func (m *Model) toggle() {
	if m.cursor >= len(m.rows) {
		return
	}
	r := m.rows[m.cursor]
	if r.Kind != report.RowFull {
		from := r.Node
		if m.selectNode(r.Node) {
			m.back = append(m.back, from)
		}
		return
	}
	if len(r.Children) == 0 {
		return
	}
	if m.folded[r.Node] {
		delete(m.folded, r.Node)
	} else {
		m.folded[r.Node] = true
	}
	m.reflow()
}
