package tui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/render"
)

type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Fold, Pane, Left, Right, Digit          key.Binding
	Jump, Back, Semantics, Profile, Search  key.Binding
	Side, Category, Help, Quit              key.Binding
	Scroll, Next                            key.Binding
}

func newKeyMap(ascii bool) keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		if ascii {
			k, desc = asciiHelp.Replace(k), asciiHelp.Replace(desc)
		}
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
		Top:       b([]string{"home"}, "home", "top"),
		Bottom:    b([]string{"end"}, "end", "bottom"),
		Fold:      b([]string{"enter", "space"}, "enter", "fold"),
		Pane:      b([]string{"tab", "shift+tab"}, "tab", "weights"),
		Left:      b([]string{"left", "h"}, "←/→", "weight"),
		Right:     b([]string{"right", "l"}, "h/l", "weight −/+"),
		Digit:     b([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "."}, "0-9", "type a weight"),
		Jump:      b([]string{"g"}, "g", "go to what it bears on"),
		Back:      b([]string{"b"}, "b", "back"),
		Semantics: b([]string{"s"}, "s", "semantics"),
		Profile:   b([]string{"p"}, "p", "profile"),
		Search:    b([]string{"/"}, "/", "search"),
		Side:      b([]string{"f"}, "f", "side filter"),
		Category:  b([]string{"c"}, "c", "category filter"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q", "ctrl+c"}, "q", "quit"),
		Next:      b([]string{"]"}, "]", "mark the next it bears on"),
		Scroll:    b([]string{"J", "K", "shift+down", "shift+up"}, "J/K", "scroll the detail"),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Fold, k.Pane, k.Left, k.Semantics, k.Profile, k.Search, k.Help, k.Quit}
}

// shortHelpFor is the help line for w columns: as many of the short help's keys as fit, the
// way out and to the full help first, in the short help's order.
func (k keyMap) shortHelpFor(h help.Model, w int) []key.Binding {
	h.SetWidth(0) // measure whole lines: with a width, the help cuts them itself
	width := func(line []key.Binding) int {
		return lipgloss.Width(h.ShortHelpView(line))
	}
	all := k.ShortHelp()
	priority := []key.Binding{k.Quit, k.Help, k.Pane, k.Left, k.Fold, k.Semantics, k.Search, k.Profile, k.Up}
	keep := map[string]bool{}
	for _, b := range priority {
		keep[b.Help().Key] = true
		var line []key.Binding
		for _, a := range all {
			if keep[a.Help().Key] {
				line = append(line, a)
			}
		}
		if width(line) > w {
			delete(keep, b.Help().Key)
		}
	}
	var line []key.Binding
	for _, a := range all {
		if keep[a.Help().Key] {
			line = append(line, a)
		}
	}
	return line
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Fold},
		{k.Pane, k.Left, k.Right, k.Digit, k.Semantics, k.Profile},
		{k.Jump, k.Next, k.Back, k.Scroll, k.Search, k.Side, k.Category, k.Help, k.Quit},
	}
}

// newHelp styles the help bubble with render's styles, so that NO_COLOR leaves it plain.
func newHelp(st render.Styles, ascii bool) help.Model {
	h := help.New()
	h.Styles = help.Styles{
		Ellipsis: st.Muted, ShortKey: st.Heading, ShortDesc: st.Muted, ShortSeparator: st.Muted,
		FullKey: st.Heading, FullDesc: st.Muted, FullSeparator: st.Muted,
	}
	if ascii {
		h.ShortSeparator, h.Ellipsis = " | ", "..."
	} else {
		h.ShortSeparator = " · "
	}
	return h
}

// asciiHelp spells the arrows of the help in ASCII, for --ascii.
var asciiHelp = strings.NewReplacer("↑", "up", "↓", "dn", "←", "left", "→", "right", "−", "-")

// Update handles keys, the mouse and resizes.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.MouseWheelMsg:
		m.wheel(msg)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) wheel(msg tea.MouseWheelMsg) {
	d := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		d = -3
	case tea.MouseWheelDown:
		d = 3
	default:
		return
	}
	if l := m.layout(); l.wide && msg.X >= l.treeW {
		m.detail = max(0, m.detail+d)
		return
	}
	c, dt := m.cursor, m.detail
	m.move(d)
	if m.cursor == c {
		m.detail = dt
	}
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	s := msg.String()
	if s == "ctrl+c" {
		return tea.Quit
	}
	switch {
	case m.searching:
		m.searchKey(msg)
		return nil
	case m.picking:
		m.pickKey(s)
		return nil
	case m.help.ShowAll:
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		m.help.ShowAll = false
		return nil
	}
	if m.focus == paneWeights && m.weightKey(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = true
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-max(m.layout().treeH-1, 1))
	case key.Matches(msg, k.PageDown):
		m.move(max(m.layout().treeH-1, 1))
	case key.Matches(msg, k.Top):
		m.move(-len(m.rows))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.rows))
	case key.Matches(msg, k.Fold):
		m.toggle()
	case key.Matches(msg, k.Scroll):
		if s == "J" || s == "shift+down" {
			m.detail++
		} else {
			m.detail = max(m.detail-1, 0)
		}
	case key.Matches(msg, k.Pane):
		m.focus = paneWeights
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right), key.Matches(msg, k.Digit):
		// The sliders live in the weights pane: go there and apply the key.
		m.focus = paneWeights
		m.weightKey(msg)
	case key.Matches(msg, k.Jump):
		m.goToTarget()
	case key.Matches(msg, k.Next):
		m.jump++
	case key.Matches(msg, k.Back):
		m.goBack()
	case key.Matches(msg, k.Semantics):
		m.cycleSemantics()
	case key.Matches(msg, k.Profile):
		if len(m.g.Debate.Profiles) == 0 {
			m.message, m.flipped = "the corpus defines no profiles", false
		} else {
			m.picking, m.pick = true, 0
		}
	case key.Matches(msg, k.Search):
		m.searching = true
	case key.Matches(msg, k.Side):
		m.side = (m.side + 1) % len(sides)
		m.refilter()
	case key.Matches(msg, k.Category):
		m.cat = (m.cat + 1) % (len(m.cats) + 1)
		m.refilter()
	}
	return nil
}

// weightKey handles a key in the weights pane and reports whether it used it.
func (m *Model) weightKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	c := m.cats[m.wsel]
	switch s := msg.String(); {
	case key.Matches(msg, k.Digit):
		if len(m.typed) < 8 {
			m.typed += s
		}
	case s == "backspace" && m.typed != "":
		m.typed = m.typed[:len(m.typed)-1]
	case s == "enter" && m.typed != "":
		w, err := strconv.ParseFloat(m.typed, 64)
		m.typed = ""
		if err != nil {
			m.message, m.flipped = "type a weight as a number, e.g. 1.5", false
			return true
		}
		m.setWeight(c, w)
	case (s == "enter" || s == "space") && m.typed == "":
		// Nothing typed: the fold keys must not fold the tree behind the sliders.
	case s == "esc":
		if m.typed == "" {
			m.focus = paneTree
		}
		m.typed = ""
	case key.Matches(msg, k.Pane):
		m.typed = ""
		m.focus = paneTree
	case key.Matches(msg, k.Left):
		m.typed = ""
		m.setWeight(c, math.Floor(m.weights[c]/Step+1e-9)*Step-stepBelow(m.weights[c]))
	case key.Matches(msg, k.Right):
		m.typed = ""
		m.setWeight(c, math.Floor(m.weights[c]/Step+1e-9)*Step+Step)
	case key.Matches(msg, k.Up):
		m.typed = ""
		m.wsel = (m.wsel + len(m.cats) - 1) % len(m.cats)
	case key.Matches(msg, k.Down):
		m.typed = ""
		m.wsel = (m.wsel + 1) % len(m.cats)
	default:
		return false
	}
	return true
}

// stepBelow is how far below the grid point under w the left key goes: a whole step from a
// point on the grid, none from a weight typed between two points (it lands on the one below).
func stepBelow(w float64) float64 {
	if r := math.Mod(w, Step); r > 1e-9 && Step-r > 1e-9 {
		return 0
	}
	return Step
}

func (m *Model) searchKey(msg tea.KeyPressMsg) {
	switch s := msg.String(); s {
	case "enter":
		m.searching = false
	case "esc":
		m.searching, m.search = false, ""
		m.refilter()
	case "backspace":
		if r := []rune(m.search); len(r) > 0 {
			m.search = string(r[:len(r)-1])
			m.refilter()
		}
	default:
		if t := msg.Key().Text; t != "" && len([]rune(m.search)) < 64 {
			m.search += t
			m.refilter()
		}
	}
}

func (m *Model) pickKey(s string) {
	ps := m.g.Debate.Profiles
	switch s {
	case "up", "k":
		m.pick = (m.pick + len(ps) - 1) % len(ps)
	case "down", "j":
		m.pick = (m.pick + 1) % len(ps)
	case "enter", "space":
		m.picking = false
		m.applyProfile(ps[m.pick])
	case "esc", "q", "p":
		m.picking = false
	}
}

// profileWeights lists a profile's weights in category order.
func (m *Model) profileWeights(p argument.Profile) string {
	parts := make([]string, 0, len(m.cats))
	for _, c := range m.cats {
		w, ok := p.Weights[c]
		if !ok {
			w = 1
		}
		parts = append(parts, clean(c)+" "+formatWeight(w))
	}
	return strings.Join(parts, " "+m.gl.Dot+" ")
}
