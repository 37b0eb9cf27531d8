package corpus

import (
	"maps"
	"strings"
	"testing"
)

func TestReadWeights(t *testing.T) {
	tests := []struct {
		src  string
		want map[string]float64
		err  string // the first problem, as String prints it
	}{
		{"moral: 2\nstrategic: .5\npolitical: 1e0\n", map[string]float64{"moral": 2, "strategic": 0.5, "political": 1}, ""},
		{`{"moral": 2, "political": 0}`, map[string]float64{"moral": 2, "political": 0}, ""},
		{"moral: 1_000\n", nil, "w.yaml:1:8: error: the weight of moral must be a plain decimal number, not 1_000 (a number with underscores): write 1000"},
		{"moral: 0x10\n", nil, "w.yaml:1:8: error: the weight of moral must be a plain decimal number, not 0x10 (a hexadecimal number): write 16"},
		{"moral: 0x1p3\n", nil, "w.yaml:1:8: error: the weight of moral must be a plain decimal number, not 0x1p3 (a hexadecimal number): write 8"},
		{"moral: lots\n", nil, `w.yaml:1:8: error: the weight of moral must be a number of 0 or more, not the text "lots"`},
		{"moral: '2'\n", nil, `w.yaml:1:8: error: the weight of moral must be a number of 0 or more, not the text "2"`},
		{"moral: -1\n", nil, "w.yaml:1:8: error: the weight of moral must be a finite number of 0 or more, not -1"},
		{"moral: 1\nmoral: 2\n", nil, `w.yaml:2:1: error: duplicate key "moral" (first at line 1): remove one of them`},
		{"moral: 1\n---\nmoral: 2\n", nil, "w.yaml:2:1: error: a second YAML document: a weights file holds one document; remove the --- line and merge it, or move it to a file of its own"},
		{"moral: 1\n---\nmoral: [2\n", nil, "w.yaml:4:1: error: invalid YAML"},
		{"- moral\n", nil, "w.yaml: error: want a map of category to number, e.g. {moral: 2, strategic: 1}"},
		{"", nil, "w.yaml: error: want a map of category to number, e.g. {moral: 2, strategic: 1}"},
	}
	for _, tt := range tests {
		got, problems := ReadWeights("w.yaml", []byte(tt.src))
		if tt.err == "" {
			if len(problems) > 0 || !maps.Equal(got, tt.want) {
				t.Errorf("ReadWeights(%q) = %v, %v, want %v", tt.src, got, problems, tt.want)
			}
			continue
		}
		if got != nil || len(problems) == 0 || !strings.HasPrefix(problems[0].String(), tt.err) {
			t.Errorf("ReadWeights(%q) = %v, %v, want the problem %s", tt.src, got, problems, tt.err)
		}
	}
}
