package corpus

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func lowerLimit[T any](t *testing.T, v *T, to T) {
	t.Helper()
	old := *v
	*v = to
	t.Cleanup(func() { *v = old })
}

const limitDebate = "argmap: 1\ndebate: {id: d, title: D, question: Q, thesis: {id: t, claim: T}, sources: [{id: s, title: S}]}\n"

func limitArgs(from, n int) string {
	var b strings.Builder
	b.WriteString("arguments:\n")
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, side: pro, category: moral, title: A, claim: C, strength: 0.5, supports: [t], quotes: [{source: s, text: x}]}\n", i)
	}
	return b.String()
}

func TestLoadStopsPastMaxArguments(t *testing.T) {
	lowerLimit(t, &maxArguments, 5)
	fsys := fstest.MapFS{
		"0.yaml": {Data: []byte(limitDebate)},
		"1.yaml": {Data: []byte(limitArgs(0, 4))},
		"2.yaml": {Data: []byte(limitArgs(4, 3))},
	}
	d, problems, err := Load(fsys, ".")
	if err == nil {
		t.Fatal("Load() of 7 arguments with a limit of 5: no error")
	}
	want := "2.yaml:3:5: error: the corpus holds more than 5 arguments, the most argmap loads: split the debate into smaller ones"
	if len(problems) != 1 || problems[0].String() != want {
		t.Errorf("problems = %q, want just %q", problems, want)
	}
	if d != nil && len(d.Arguments) > 5 {
		t.Errorf("the debate kept %d arguments past the limit of 5", len(d.Arguments))
	}
}

func TestLoadStopsPastMaxCorpusSize(t *testing.T) {
	lowerLimit(t, &maxCorpusSize, 1000)
	fsys := fstest.MapFS{
		"0.yaml": {Data: []byte(limitDebate)},
		"1.yaml": {Data: []byte(limitArgs(0, 4))},
		"2.yaml": {Data: []byte(limitArgs(4, 4))},
		"3.yaml": {Data: []byte(limitArgs(8, 4))},
	}
	_, problems, err := Load(fsys, ".")
	if err == nil {
		t.Fatal("Load() past the corpus size: no error")
	}
	want := "2.yaml: error: the corpus files add up to more than the 1000 bytes a corpus may hold: split the debate into smaller ones"
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != want {
		t.Errorf("problems =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
