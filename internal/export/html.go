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
	w   io.Writer
	svg []byte
}

// NewHTMLEncoder returns an encoder that writes to w. svg is the map as RenderMap draws it, or
// nil when Graphviz is not installed (the page then says how to add it).
func NewHTMLEncoder(w io.Writer, svg []byte) *HTMLEncoder { return &HTMLEncoder{w: w, svg: svg} }

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

func newPageData(b *Brief) pageData {
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
		Weights: map[string]float64{},
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
<form class="controls" aria-label="Weights and semantics">
<fieldset>
<legend>Weights</legend>
{{range .Sliders}}<div class="slider"><label for="w{{.Index}}">{{flat .Name}}</label><input type="range" id="w{{.Index}}" min="0" max="{{.Max}}" step="{{.Step}}" value="{{.Value}}" data-category="{{.Name}}" aria-describedby="wv{{.Index}}"><output id="wv{{.Index}}" for="w{{.Index}}">{{.Value}}</output></div>
{{end}}</fieldset>
<div class="semantics"><label for="semantics">Semantics</label>
<select id="semantics" data-argmap="semantics">{{range .Semantics}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</select>
<button type="button" data-argmap="reset">Reset</button></div>
<p class="note">Move a weight with the mouse or the arrow keys: the verdict, the scores, the map and the deciding arguments follow.</p>
</form>
<div class="deciding-box">
<h3>Deciding arguments</h3>
<p class="note">The arguments whose removal would move the margin most, with how much each adds to it.</p>
<ol class="deciding" data-argmap="deciding"></ol>
</div>
</section>

<section aria-labelledby="map-h">
<h2 id="map-h">Map</h2>
{{if .SVG}}<figure class="map" data-argmap="map">{{.SVG}}</figure>
<p class="legend">Pro arguments are green rounded boxes, con arguments red boxes with cut corners; supports are solid green arrows, attacks dashed red ones; an arrow's width is how much its argument moves the margin. <span class="screen">Click a box to read the argument.</span></p>
{{else}}<p class="note" data-argmap="no-map">The map needs Graphviz, which was not installed when this page was made: install it (apt-get install graphviz) and export again. Everything else works without it.</p>{{end}}
</section>

{{if .Atlas}}<section aria-labelledby="atlas-h">
<h2 id="atlas-h">Across every weighting</h2>
<p class="note">The verdict over every weighting of the categories, coloured by verdict and shaded by margin, under the exported semantics; each profile is marked.</p>
<figure class="atlas" data-argmap="atlas">{{.Atlas}}</figure>
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
	var atlas template.HTML
	if b.Atlas != nil {
		var buf bytes.Buffer
		if err := NewAtlasSVGEncoder(&buf).Encode(&AtlasDoc{Title: g.Debate.Title, Atlases: []*score.Atlas{b.Atlas}, Own: b.AtlasOwn}); err != nil {
			return err
		}
		if atlas, err = inlineSVG(buf.Bytes()); err != nil {
			return fmt.Errorf("the atlas: %w", err)
		}
	}
	v := map[string]any{
		"Atlas":   atlas,
		"Debate":  g.Debate,
		"Verdict": b.Verdict,
		"Prose":   plainSentence(b.Verdict.Prose()),
		"SVG":     svg,
		"CSS":     template.CSS(pageCSS),
		"JS":      template.JS(pageJS),
		"Data":    newPageData(b),
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
