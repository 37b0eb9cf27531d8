package export

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/report"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// The page's own script and stylesheet, embedded whole: the page loads nothing.
var (
	//go:embed page/argmap.js
	pageJS string
	//go:embed page/argmap.css
	pageCSS string
)

// HTMLEncoder writes the brief as one self-contained HTML page: the brief's content, the map
// inline, the verdict per profile, where it flips, every argument with its answers, and live
// weights re-scored in the page by a JavaScript port of argmap's scoring.
type HTMLEncoder struct {
	w       io.Writer
	svg     []byte
	explain *PageContribution
	omitted int // arguments of a map left out for its size; 0 when none was
}

// PageMapArguments is the most arguments whose map the HTML page draws. Past it Graphviz takes
// seconds to minutes (10,000 arguments run past its 60 s timeout), and the map, tens of
// thousands of points wide, reads at no width a page can show.
const PageMapArguments = 1000

// OmitMap says that the map of a debate of n arguments was left out for its size (more than
// PageMapArguments): the page says so, and how to draw a part of it.
func (e *HTMLEncoder) OmitMap(n int) *HTMLEncoder {
	e.omitted = n
	return e
}

// NewHTMLEncoder returns an encoder that writes to w. svg is the map as RenderMap draws it, or
// nil when Graphviz is not installed (the page then says how to add it).
func NewHTMLEncoder(w io.Writer, svg []byte) *HTMLEncoder { return &HTMLEncoder{w: w, svg: svg} }

// Explain sets how the page explains the verdict (see NewPageContribution); without it, by
// Shapley values where the page can compute them exactly, as argmap score does by default.
func (e *HTMLEncoder) Explain(p PageContribution) *HTMLEncoder {
	e.explain = &p
	return e
}

// PageContribution is the contribution function the HTML page explains the verdict by, in its
// deciding arguments and its map's edge widths: one its script computes again at every move of
// a slider, to Go's numbers. Those are exact Shapley values and removal; Shapley values past
// the exact limit are sampled in Go, which the page cannot redo at every move, so there it
// explains by removal and says why.
type PageContribution struct {
	Func    score.ContributionFunc // score.Shapley or score.Removal
	Asked   score.ContributionFunc // the one asked for: Func unless the page fell back to removal
	Players int                    // the arguments with a path to the thesis
	Limit   int                    // the most players whose Shapley values are exact (fewer on a graph with cycles)
}

// NewPageContribution decides how the page of g explains the verdict when funcs are asked for
// (the first explains; none: Shapley values). Restricted removal and the gradient are not
// computed by the page's script: asked for first, they are an error.
func NewPageContribution(g *argument.Graph, funcs []score.ContributionFunc) (PageContribution, error) {
	asked := score.DefaultContributionFunc
	if len(funcs) > 0 {
		asked = funcs[0]
	}
	p := PageContribution{Func: asked, Asked: asked, Limit: score.ExactShapleyPlayers}
	if _, acyclic := g.TopoOrder(); !acyclic {
		p.Limit = score.ExactShapleyCyclic
	}
	for i, c := range g.Connected() {
		if i > 0 && c {
			p.Players++
		}
	}
	switch asked {
	case score.Shapley:
		if p.Players > p.Limit {
			p.Func = score.Removal
		}
	case score.Removal:
	default:
		return p, errors.New("the page's script computes shapley and removal contributions only")
	}
	return p, nil
}

// FellBack reports whether the page explains by removal where Shapley values were asked for.
func (p PageContribution) FellBack() bool { return p.Func != p.Asked }

// hash is the CSP source that allows exactly s as an inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// pageData is what the page's script scores with, as JSON.
type pageData struct {
	Semantics        string             `json:"semantics"`
	Categories       []string           `json:"categories"`
	DebateCategories []string           `json:"debateCategories"`
	Used             []string           `json:"used"`
	Thesis           int                `json:"thesis"`
	Nodes            []pageNode         `json:"nodes"`
	Order            []int              `json:"order"`
	BlockStart       []int              `json:"blockStart"`
	Cyclic           []bool             `json:"cyclic"`
	Solver           pageSolver         `json:"solver"`
	Weights          map[string]float64 `json:"weights"`
	Contrib          string             `json:"contrib"`      // the page's contribution function: shapley or removal
	ShapleyLimit     int                `json:"shapleyLimit"` // the most players the script computes Shapley values for
	Atlas            *pageAtlas         `json:"atlas,omitempty"`
}

// pageAtlas is what the script places its marker on the atlas by: the axes, the categories
// held off them, where the diagram is drawn in the atlas SVG's coordinates, and each
// semantics' verdict at every cell (p, c or t, in score.Atlas.Index order).
type pageAtlas struct {
	Axes       []string          `json:"axes"`
	Names      []string          `json:"names"` // the axes as the page writes them
	Held       []string          `json:"held"`  // the other categories, in debate order
	HeldNames  []string          `json:"heldNames"`
	HeldW      []float64         `json:"heldW"` // their weights on the map
	Total      float64           `json:"total"` // the weight the axes share on the map
	Strip      bool              `json:"strip"`
	Resolution int               `json:"resolution"`
	X          float64           `json:"x"` // the diagram's origin (svgPanel.origin) and side
	Y          float64           `json:"y"`
	Side       float64           `json:"side"`
	Cells      map[string]string `json:"cells"`
}

type pageNode struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Sign      float64  `json:"sign"`
	Cat       int      `json:"cat"`
	Tau       float64  `json:"tau"`
	In        [][2]int `json:"in"`
	Connected bool     `json:"connected"`
}

type pageSolver struct {
	Precision float64 `json:"precision"`
	Tolerance float64 `json:"tolerance"`
	MaxPlain  int     `json:"maxPlain"`
	StallSpan int     `json:"stallSpan"`
	MaxSteps  int     `json:"maxSteps"`
	Step      float64 `json:"step"`
}

func newPageData(b *Brief, p PageContribution) pageData {
	g := b.Graph
	sem := score.Semantics(b.Verdict.Semantics)
	if !sem.Valid() {
		sem = score.DefaultSemantics
	}
	plan := score.NewModel(g, sem).Plan()
	d := pageData{
		Semantics: string(sem), Categories: plan.Categories, DebateCategories: g.Debate.Categories,
		Used: []string{}, Thesis: argument.ThesisNode, Order: plan.Order, BlockStart: plan.BlockStart, Cyclic: plan.Cyclic,
		Solver: pageSolver{Precision: score.SolverPrecision, Tolerance: score.Tolerance, MaxPlain: score.SolverMaxPlain,
			StallSpan: score.SolverStallSpan, MaxSteps: score.SolverMaxSteps, Step: score.SolverStep},
		Weights: map[string]float64{}, Contrib: string(p.Func), ShapleyLimit: p.Limit,
	}
	for _, w := range b.Verdict.Weights {
		d.Weights[w.Category] = w.Weight
	}
	for _, c := range g.Debate.Categories {
		for _, a := range g.Debate.Arguments {
			if a.Category == c {
				d.Used = append(d.Used, c)
				break
			}
		}
	}
	connected := g.Connected()
	for i := 0; i < g.Len(); i++ {
		n := pageNode{ID: g.ID(i), Cat: -1, Tau: g.Debate.Thesis.Base, In: [][2]int{}, Connected: connected[i]}
		if a := g.Argument(i); a != nil {
			n.Title, n.Tau, n.Sign = safetext.Flat(a.Title), a.Strength, 1
			if a.Side == argument.Con {
				n.Sign = -1
			}
			for k, c := range plan.Categories {
				if c == a.Category {
					n.Cat = k
				}
			}
		}
		for _, e := range g.In(i) {
			att := 0
			if e.Type == argument.Attack {
				att = 1
			}
			n.In = append(n.In, [2]int{e.Node, att})
		}
		d.Nodes = append(d.Nodes, n)
	}
	return d
}

// The page, with every corpus string escaped by html/template for where it lands, after
// safetext has made its invisible characters visible.
var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"line":   safetext.Line,
	"flat":   safetext.Flat,
	"paras":  safetext.Paragraphs,
	"fixed":  report.Fixed,
	"word":   report.OutcomeText,
	"margin": report.MarginText,
	"weight": report.Weightf,
	"signed": report.Signed,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{{flat .Debate.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<header>
<h1>{{flat .Debate.Title}}</h1>
{{with .Debate.Question}}<p class="question"><strong>Question:</strong> {{line .}}</p>{{end}}
<p class="thesis"><strong>Thesis:</strong> {{line .Debate.Thesis.Claim}}</p>
{{with .Source}}<p class="note">Source: {{.}}</p>{{end}}
{{if .Debate.Verdict.Text}}<h2 id="author-h">The author's verdict</h2>
<blockquote class="author" data-argmap="author-verdict">{{line .Debate.Verdict.Text}}</blockquote>{{end}}
</header>
<main>
<section class="live" aria-labelledby="verdict-h">
<h2 id="verdict-h">Verdict</h2>
<div class="verdict-box" aria-live="polite">
<p>The debate comes out <strong class="outcome {{.Verdict.Outcome}}" data-argmap="verdict" data-value="{{.Verdict.Outcome}}">{{word .Verdict.Outcome}}</strong>,
margin <strong data-argmap="margin" data-value="{{.Verdict.Margin}}">{{margin .Verdict.Margin .Verdict.Outcome}}</strong>;
thesis score <strong data-argmap="thesis-score" data-value="{{if .Verdict.HasThesis}}{{.Verdict.Thesis}}{{end}}">{{if .Verdict.HasThesis}}{{fixed .Verdict.Thesis}}{{else}}none under sum{{end}}</strong>.</p>
<p class="warning" data-argmap="warning" hidden>A cycle of the graph did not settle under these weights: treat the verdict with care.</p>
<p class="note">As exported: {{.Prose}}</p>
</div>
<div class="controls" role="group" aria-label="Weights and semantics">
<fieldset>
<legend>Weights</legend>
{{range .Sliders}}<div class="slider"><label for="w{{.Index}}">{{flat .Name}}</label><input type="range" id="w{{.Index}}" min="0" max="{{.Max}}" step="{{.Step}}" value="{{.Value}}" data-category="{{.Name}}" aria-describedby="wv{{.Index}}"><output id="wv{{.Index}}" for="w{{.Index}}">{{.Value}}</output></div>
{{end}}</fieldset>
<div class="semantics"><label for="semantics">Semantics</label>
<select id="semantics" data-argmap="semantics">{{range .Semantics}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</select>
<button type="button" data-argmap="reset">Reset</button></div>
<p class="note">Move a weight with the mouse or the arrow keys: the verdict, the scores, the map, the deciding arguments and the ring on the atlas follow.</p>
</div>
<div class="deciding-box">
<h3>What decides it</h3>
<p class="note" data-argmap="explained-by" data-value="{{.Explain.Func}}"><strong>{{.Explain.Label}}</strong> {{.Explain.Meaning}}</p>
{{with .Explain.Note}}<p class="note" data-argmap="explained-note">{{.}}</p>{{end}}
<div class="deciding" data-argmap="deciding">
{{range .Deciding}}<h4>Toward {{.Toward}}</h4>
<ol data-toward="{{.Toward}}">{{range .Rows}}<li class="{{.Side}}"><a href="#a-{{.Index}}">{{flat .Title}}</a> <span class="share" data-argmap-contribution="{{.ID}}" data-value="{{.Value}}">{{signed .Value}}</span></li>{{else}}<li class="none">No argument pushes the margin toward {{.Toward}} by as much as 0.0005.</li>{{end}}</ol>
{{end}}</div>
</div>
</section>

<section aria-labelledby="map-h">
<h2 id="map-h">Map</h2>
{{if .SVG}}<figure class="map" data-argmap="map">{{.SVG}}</figure>
<p class="legend">Pro arguments are green rounded boxes, con arguments red boxes with cut corners; supports are solid green arrows, attacks dashed red ones; an arrow's width is how much its argument moves the margin. <span class="screen">Click a box to read the argument.</span></p>
{{else if ne .Omitted "0"}}<p class="note" data-argmap="no-map">The map of these {{.Omitted}} arguments is left out: past {{.MapMax}} it is too large to lay out quickly or to read on a page. Draw a part of it with <code>argmap export --format svg --category NAME</code> (or <code>--side</code>, <code>--search</code>).</p>
{{else}}<p class="note" data-argmap="no-map">The map needs Graphviz, which was not installed when this page was made: install it (apt-get install graphviz) and export again. Everything else works without it.</p>{{end}}
</section>

{{if .Atlases}}<section aria-labelledby="atlas-h">
<h2 id="atlas-h">Across every weighting</h2>
<p class="note">The verdict over every weighting of the categories, coloured by verdict and shaded by margin, under the semantics picked above; each profile is marked, and a black ring marks the sliders' weights as they move.</p>
<figure class="atlas" data-argmap="atlas">{{range .Atlases}}<div class="atlas-view" data-argmap-atlas="{{.Semantics}}"{{if not .Shown}} hidden{{end}}>{{.SVG}}</div>{{end}}
<figcaption data-argmap="atlas-marker" aria-live="polite">{{.AtlasMarker}}</figcaption></figure>
</section>{{end}}

{{if .Profiles}}<section aria-labelledby="profiles-h">
<h2 id="profiles-h">Every profile</h2>
<p class="note">Each profile's weights and verdict under the same semantics.</p>
<div class="tables"><table data-argmap="profiles">
<thead><tr><th>Profile</th>{{range .Debate.Categories}}<th class="num">{{flat .}}</th>{{end}}<th>Verdict</th><th class="num">Margin</th></tr></thead>
<tbody>{{range .Profiles}}<tr><td>{{flat .Profile}}{{with .Description}}<br><span class="note">{{line .}}</span>{{end}}</td>{{range .Weights}}<td class="num">{{weight .Weight}}</td>{{end}}<td><span class="outcome {{.Outcome}}">{{word .Outcome}}</span></td><td class="num">{{margin .Margin .Outcome}}</td></tr>
{{end}}</tbody></table></div>
</section>{{end}}

{{with .Flips}}<section aria-labelledby="flips-h">
<h2 id="flips-h">Where the verdict flips</h2>
<p class="note">Each category's weight moved alone from {{.From}} to {{.To}}, everything else held as in the verdict.</p>
<div class="tables"><table data-argmap="flips">
<thead><tr><th>Category</th><th class="num">Weight</th><th>Flips at</th><th>Verdict holds between</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{flat .Category}}{{if .Critical}} (most critical){{end}}</td><td class="num">{{.Weight}}</td><td>{{.Flips}}</td><td>{{.Stable}}</td></tr>
{{end}}</tbody></table></div>
</section>{{end}}

<section aria-labelledby="clash-h">
<h2 id="clash-h">The clash</h2>
<p class="note">Every argument with its answers: what supports it and what attacks it. Open one to read it.</p>
{{range .Arguments}}<details class="arg {{.Side}}" id="a-{{.Index}}">
<summary><span class="side {{.Side}}">{{.SideWord}}</span>{{flat .Arg.Title}} <span class="score">{{flat .Arg.Category}} · strength {{fixed .Arg.Strength}} · score <span data-argmap-score="{{.Arg.ID}}" data-value="{{.Score}}">{{fixed .Score}}</span></span></summary>
<p>{{line .Arg.Claim}}</p>
{{range paras .Arg.Reasoning}}<p class="reasoning">{{.}}</p>{{end}}
{{range .Arg.Quotes}}<blockquote>{{line .Text}}</blockquote>{{end}}
{{if .Targets}}<p>It {{range $i, $t := .Targets}}{{if $i}}; {{end}}{{$t.Verb}} <a href="#{{$t.Anchor}}">{{flat $t.Title}}</a>{{end}}.</p>{{end}}
{{if .Answers}}<p>Answers:</p><ul class="answers">{{range .Answers}}<li><span class="side {{.Side}}">{{.Verb}}</span><a href="#{{.Anchor}}">{{flat .Title}}</a></li>{{end}}</ul>{{else}}<p class="note">Nothing in the debate answers it.</p>{{end}}
</details>
{{end}}</section>
</main>
<script type="application/json" id="argmap-data">{{.Data}}</script>
<script>{{.JS}}</script>
</body>
</html>
`))

type pageExplain struct {
	Func           score.ContributionFunc
	Label, Meaning string
	Note           string
}

// explainText is the one sentence on what the page's contributions mean, as the brief's
// "What decides it" says it (report.ContributionSection), without its numbers, which move.
func explainText(p PageContribution) pageExplain {
	e := pageExplain{Func: p.Func}
	e.Label, e.Meaning = report.ShareMeaning(p.Func)
	if p.FellBack() {
		e.Note = fmt.Sprintf("argmap score explains by Shapley values, but for the %s arguments that reach the thesis here (exact up to %d) it estimates them from sampled orders, which the page cannot redo at every move: the page explains by removal, as argmap score --contributions removal does.",
			report.Thousands(p.Players), p.Limit)
	}
	return e
}

type pageToward struct {
	Toward string
	Rows   []pageShare
}

type pageShare struct {
	Index           int
	ID, Title, Side string
	Value           float64
}

// deciding lists the arguments that push the margin most toward pro and toward con by r's
// contribution function, up to top each way, as report.NewDeciders picks them for the brief's
// "What decides it"; the script redraws the same lists.
func deciding(g *argument.Graph, r *score.Result, top int) []pageToward {
	d := report.NewDeciders(r)
	pro, con, _ := d.Top(top)
	out := []pageToward{{Toward: "pro"}, {Toward: "con"}}
	for t, list := range [][]score.ArgumentScore{pro, con} {
		for _, a := range list {
			i, _ := g.Index(a.ID)
			out[t].Rows = append(out[t].Rows, pageShare{Index: i, ID: a.ID, Title: g.Argument(i).Title, Side: string(a.Side), Value: a.Value(d.Func)})
		}
	}
	return out
}

type pageAtlasView struct {
	Semantics score.Semantics
	SVG       template.HTML
	Shown     bool
}

// pageAtlases draws the atlas under every semantics, the brief's own among them, for the page
// to show the one picked; and says where the page's marker goes.
func pageAtlases(b *Brief, w score.Weights) ([]pageAtlasView, *pageAtlas, error) {
	first := b.Atlas
	pa := &pageAtlas{Axes: first.Axes, Total: first.Total, Strip: len(first.Axes) == 2, Resolution: first.Resolution,
		Held: []string{}, HeldNames: []string{}, HeldW: []float64{}, Cells: map[string]string{}}
	for _, c := range first.Axes {
		pa.Names = append(pa.Names, safetext.Flat(c))
	}
	for _, c := range first.Categories {
		if v, ok := first.Held[c]; ok {
			pa.Held, pa.HeldNames, pa.HeldW = append(pa.Held, c), append(pa.HeldNames, safetext.Flat(c)), append(pa.HeldW, v)
		}
	}
	panel := svgPanelAt(0, 1, len(first.Axes))
	pa.X, pa.Y = panel.origin()
	pa.Side = panel.side
	// Each semantics' atlas is drawn on a goroutine of its own: they share nothing.
	views := make([]pageAtlasView, len(score.AllSemantics))
	cells := make([]string, len(score.AllSemantics))
	errs := make([]error, len(score.AllSemantics))
	var wg sync.WaitGroup
	for k, sem := range score.AllSemantics {
		wg.Go(func() {
			views[k], cells[k], errs[k] = pageAtlasOf(b, w, sem)
		})
	}
	wg.Wait()
	for k, sem := range score.AllSemantics {
		if errs[k] != nil {
			return nil, nil, errs[k]
		}
		pa.Cells[string(sem)] = cells[k]
	}
	return views, pa, nil
}

// pageAtlasOf draws the atlas of the brief under sem (the brief's own when it is its
// semantics), and spells each cell's verdict.
func pageAtlasOf(b *Brief, w score.Weights, sem score.Semantics) (pageAtlasView, string, error) {
	g := b.Graph
	a := b.Atlas
	if sem != a.Semantics {
		var err error
		if a, err = report.BriefAtlas(g, w, sem, b.Verdict.Profile); err != nil {
			return pageAtlasView{}, "", err
		}
	}
	var buf bytes.Buffer
	if err := NewAtlasSVGEncoder(&buf).Encode(&AtlasDoc{Title: g.Debate.Title, Atlases: []*score.Atlas{a}, Own: b.AtlasOwn}); err != nil {
		return pageAtlasView{}, "", err
	}
	svg, err := inlineSVG(buf.Bytes())
	if err != nil {
		return pageAtlasView{}, "", fmt.Errorf("the atlas: %w", err)
	}
	cells := make([]byte, len(a.Cells))
	for i, c := range a.Cells {
		cells[i] = string(c.Verdict)[0]
	}
	return pageAtlasView{Semantics: sem, SVG: svg, Shown: sem == b.Atlas.Semantics}, string(cells), nil
}

// markerText says where the page's marker sits on the atlas a at the weights w, whose verdict
// is live: the text the script writes again at every move.
func markerText(pa *pageAtlas, a *score.Atlas, w score.Weights, live score.Verdict) string {
	sum := 0.0
	for _, c := range pa.Axes {
		sum += w.Get(c)
	}
	if !(sum > 0) {
		return "The weights now give " + andList(pa.Names) + " no weight: the ring has no place on the map."
	}
	var at score.Coord
	parts := make([]string, len(pa.Axes))
	for k, c := range pa.Axes {
		at[k] = w.Get(c) / sum
		parts[k] = pa.Names[k] + " " + strconv.Itoa(int(math.Round(100*at[k]))) + "%"
	}
	s := "The ring marks the weights now (" + strings.Join(parts, ", ")
	if len(pa.Held) > 0 { // four categories or more: three axes
		s += " of the weight the three share"
	}
	s += ")"
	var off []string
	for k, c := range pa.Held {
		if math.Abs(w.Get(c)/sum-pa.HeldW[k]/pa.Total) > 1e-12 {
			off = append(off, pa.HeldNames[k])
		}
	}
	if len(off) > 0 {
		held := " weighs otherwise than the map holds it"
		if len(off) > 1 {
			held = " weigh otherwise than the map holds them"
		}
		return s + ", but " + andList(off) + held + ", so its colour there need not be the verdict, which is " + verdictWord(live) + "."
	}
	cell := a.Nearest(at).Verdict
	region := strings.ToUpper(string(cell))
	if cell == score.VerdictTie {
		region = "tie"
	}
	s += ": in the " + region + " region of the map."
	if cell != live {
		s += " Between the map's points, these exact weights give " + verdictWord(live) + "."
	}
	return s
}

func verdictWord(v score.Verdict) string {
	if v == score.VerdictTie {
		return "a tie"
	}
	return strings.ToUpper(string(v))
}

// andList joins names as "a, b and c".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

type pageSlider struct {
	Index      int
	Name       string
	Value, Max string
	Step       string
}

type pageOption struct {
	Value, Label string
	Selected     bool
}

type pageLink struct {
	Verb, Title, Anchor, Side string
}

type pageArgument struct {
	Index          int
	Arg            *argument.Argument
	Side, SideWord string
	Score          float64
	Targets        []pageLink
	Answers        []pageLink
}

type pageFlips struct {
	From, To string
	Rows     []pageFlipRow
}

type pageFlipRow struct {
	Category              string
	Critical              bool
	Weight, Flips, Stable string
}

// Encode writes the page.
func (e *HTMLEncoder) Encode(b *Brief) error {
	g := b.Graph
	svg, err := inlineSVG(e.svg)
	if err != nil {
		return err
	}
	explain := e.explain
	if explain == nil {
		p, err := NewPageContribution(g, nil)
		if err != nil {
			return err
		}
		explain = &p
	}
	sem := score.Semantics(b.Verdict.Semantics)
	if !sem.Valid() {
		sem = score.DefaultSemantics
	}
	w := score.Weights{}
	for _, x := range b.Verdict.Weights {
		w[x.Category] = x.Weight
	}
	// The deciding arguments as the script will draw them, for a reader without it: Go's
	// numbers by the page's own function, whatever the brief was scored with.
	r, err := score.EvaluateWith(g, w, sem, score.Options{Contributions: []score.ContributionFunc{explain.Func}})
	if err != nil {
		return err
	}
	data := newPageData(b, *explain)
	var atlases []pageAtlasView
	var marker string
	if b.Atlas != nil {
		if atlases, data.Atlas, err = pageAtlases(b, w); err != nil {
			return err
		}
		marker = markerText(data.Atlas, b.Atlas, w, r.Verdict)
	}
	v := map[string]any{
		"Atlases":     atlases,
		"AtlasMarker": marker,
		"Explain":     explainText(*explain),
		"Deciding":    deciding(g, r, 5),
		"Debate":      g.Debate,
		"Verdict":     b.Verdict,
		"Prose":       plainSentence(b.Verdict.Prose()),
		"SVG":         svg,
		"Omitted":     report.Thousands(e.omitted),
		"MapMax":      report.Thousands(PageMapArguments),
		"CSS":         template.CSS(pageCSS),
		"JS":          template.JS(pageJS),
		"Data":        data,
		"CSP": "default-src 'none'; script-src " + hash(pageJS) + "; style-src " + hash(pageCSS) +
			"; img-src data:; base-uri 'none'; form-action 'none'; connect-src 'none'",
	}
	if len(g.Debate.Sources) > 0 {
		s := g.Debate.Sources[0]
		text := safetext.Flat(s.Title)
		if s.Author != "" {
			text = safetext.Flat(s.Author) + ", " + text
		}
		if s.Publication != "" {
			text += ", " + safetext.Flat(s.Publication)
		}
		if s.Date != "" {
			text += " (" + safetext.Flat(s.Date) + ")"
		}
		v["Source"] = text
	}
	var sliders []pageSlider
	for i, w := range b.Verdict.Weights {
		// A range input snaps its value to its step: a weight finer than tenths gets a slider
		// with no step, so that the page starts from the weights it was exported with.
		step := "0.1"
		if x := w.Weight * 10; x != math.Round(x) {
			step = "any"
		}
		sliders = append(sliders, pageSlider{Index: i, Name: w.Category, Value: report.Weightf(w.Weight), Max: report.Weightf(max(10, w.Weight)), Step: step})
	}
	v["Sliders"] = sliders
	var opts []pageOption
	for _, s := range score.AllSemantics {
		name, _ := report.SemanticsName(string(s))
		opts = append(opts, pageOption{Value: string(s), Label: name, Selected: string(s) == b.Verdict.Semantics})
	}
	v["Semantics"] = opts
	v["Profiles"] = b.Profiles
	if s := b.Sensitivity; s != nil {
		f := pageFlips{From: flipNum(s.From), To: flipNum(s.To)}
		for _, c := range s.ByCategory {
			flips := flipsText(c.Flips, c.Weight)
			if !c.HasArguments {
				flips += " (no arguments)"
			}
			f.Rows = append(f.Rows, pageFlipRow{Category: c.Category, Critical: c.Category == s.Critical, Weight: flipNum(c.Weight), Flips: flips, Stable: stableText(c.Stable)})
		}
		v["Flips"] = f
	}
	var args []pageArgument
	for i := 1; i < g.Len(); i++ {
		a := g.Argument(i)
		pa := pageArgument{Index: i, Arg: a, Side: string(a.Side), SideWord: "PRO"}
		if a.Side == argument.Con {
			pa.SideWord = "CON"
		}
		if i-1 < len(b.Scores) {
			pa.Score = b.Scores[i-1]
		}
		for _, ed := range g.Out(i) {
			verb := "supports"
			if ed.Type == argument.Attack {
				verb = "attacks"
			}
			pa.Targets = append(pa.Targets, link(g, ed.Node, verb))
		}
		for _, ed := range g.In(i) {
			verb := "supported by"
			if ed.Type == argument.Attack {
				verb = "attacked by"
			}
			pa.Answers = append(pa.Answers, link(g, ed.Node, verb))
		}
		args = append(args, pa)
	}
	v["Arguments"] = args

	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, v); err != nil {
		return err
	}
	_, err = e.w.Write(buf.Bytes())
	return err
}

func link(g *argument.Graph, i int, verb string) pageLink {
	if i == argument.ThesisNode {
		return pageLink{Verb: verb, Title: "the thesis", Anchor: "verdict-h", Side: "thesis"}
	}
	a := g.Argument(i)
	return pageLink{Verb: verb, Title: a.Title, Anchor: "a-" + strconv.Itoa(i), Side: string(a.Side)}
}

// svgElements are the elements Graphviz writes for argmap's map; inlineSVG refuses any other,
// so that nothing but a drawing can reach the page, whatever Graphviz did with a label.
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "path": true, "polygon": true, "polyline": true,
	"ellipse": true, "text": true, "defs": true, "circle": true, "line": true, "rect": true,
}

var svgSize = regexp.MustCompile(`^<svg width="[0-9.]+pt" height="[0-9.]+pt"`)

// inlineSVG checks Graphviz's SVG and readies it to go inside the page: without the XML
// declaration, and sized by the stylesheet.
func inlineSVG(svg []byte) (template.HTML, error) {
	if svg == nil {
		return "", nil
	}
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return "", errors.New("graphviz wrote no <svg> element")
	}
	svg = svg[i:]
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("graphviz wrote SVG that does not parse: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if !svgElements[se.Name.Local] {
				return "", fmt.Errorf("graphviz wrote an unexpected <%s> element", se.Name.Local)
			}
			for _, a := range se.Attr {
				if len(a.Name.Local) > 1 && a.Name.Local[:2] == "on" || a.Name.Local == "href" || a.Name.Local == "style" {
					return "", fmt.Errorf("graphviz wrote an unexpected %s attribute", a.Name.Local)
				}
			}
		}
	}
	svg = svgSize.ReplaceAll(svg, []byte(`<svg role="img" aria-labelledby="map-h"`))
	return template.HTML(svg), nil
}

// plainSentence spells a sentence from report as text, corpus names made flat; the template
// escapes it for HTML.
func plainSentence(s report.Sentence) string {
	var out []byte
	for _, sp := range s {
		t := sp.Text
		if sp.Role != report.Plain {
			t = safetext.Flat(t)
		}
		out = append(out, t...)
	}
	return string(out)
}
