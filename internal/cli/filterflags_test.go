package cli

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
)

func filterDebate() *argument.Debate {
	return &argument.Debate{
		Categories: []string{"moral", "strategic", "political"},
		Thesis:     argument.Thesis{ID: "t"},
		Arguments: []*argument.Argument{
			{ID: "a", Side: argument.Pro, Category: "moral", Tags: []string{"law"}, Strength: 0.5},
			{ID: "b", Side: argument.Con, Category: "strategic", Tags: []string{"war", "cost"}, Strength: 0.8},
		},
	}
}

func parseFilter(t *testing.T, args ...string) (argument.Filter, error) {
	t.Helper()
	var ff filterFlags
	cmd := &cobra.Command{Use: "x"}
	ff.add(cmd)
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	return ff.resolve(filterDebate())
}

func TestFilterFlagsResolve(t *testing.T) {
	tests := []struct {
		args []string
		want argument.Filter
	}{
		{nil, argument.Filter{}},
		{[]string{"--side", "pro"}, argument.Filter{Sides: []argument.Side{argument.Pro}}},
		{[]string{"--side", " CON "}, argument.Filter{Sides: []argument.Side{argument.Con}}},
		{[]string{"--category", "moral,strategic"}, argument.Filter{Categories: []string{"moral", "strategic"}}},
		{[]string{"--category", "moral", "--category", "political"}, argument.Filter{Categories: []string{"moral", "political"}}},
		{[]string{"--category", "moral, strategic,"}, argument.Filter{Categories: []string{"moral", "strategic"}}},
		{[]string{"--tag", "war", "--tag", "law,cost"}, argument.Filter{Tags: []string{"war", "law", "cost"}}},
		{[]string{"--min-strength", "0.6"}, argument.Filter{MinStrength: 0.6}},
		{[]string{"--search", "  Putin "}, argument.Filter{Search: "Putin"}},
	}
	for _, tt := range tests {
		got, err := parseFilter(t, tt.args...)
		if err != nil {
			t.Errorf("%q: unexpected error %v", tt.args, err)
			continue
		}
		if !slices.Equal(got.Sides, tt.want.Sides) || !slices.Equal(got.Categories, tt.want.Categories) ||
			!slices.Equal(got.Tags, tt.want.Tags) || got.MinStrength != tt.want.MinStrength || got.Search != tt.want.Search {
			t.Errorf("%q: got %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

func TestFilterFlagsErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--side", "both"}, `invalid --side "both": use one of pro, con`},
		{[]string{"--category", "moral,economic"}, `invalid --category "economic": use one of moral, strategic, political`},
		{[]string{"--tag", "nope"}, `invalid --tag "nope": use one of cost, law, war`},
		{[]string{"--min-strength", "1.5"}, `invalid --min-strength 1.5: give a number from 0 to 1`},
		{[]string{"--min-strength", "NaN"}, `invalid --min-strength NaN: give a number from 0 to 1`},
		{[]string{"--min-strength", "-0.1"}, `invalid --min-strength -0.1: give a number from 0 to 1`},
	}
	for _, tt := range tests {
		_, err := parseFilter(t, tt.args...)
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.args, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %q, want %q", tt.args, err, tt.want)
		}
		var ue *UsageError
		if !errors.As(err, &ue) || exitCode(err) != exitUsage {
			t.Errorf("%q: error %T is not a usage error (exit %d)", tt.args, err, exitCode(err))
		}
		var fe *argument.FilterError
		if !errors.As(err, &fe) {
			t.Errorf("%q: error does not wrap *argument.FilterError", tt.args)
		}
	}
}
