package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/argmap/argmap/internal/argument"
	"github.com/argmap/argmap/internal/corpus"
	"github.com/argmap/argmap/internal/safetext"
	"github.com/argmap/argmap/internal/score"
)

// weightFlags are the weighting flags shared by score and show: one of --weights, --profile or
// --weights-file, and --semantics. Bind them with add; resolve them once the debate is loaded
// (the categories and profiles come from the corpus).
type weightFlags struct {
	weights   string
	profile   string
	file      string
	semantics string
}

// add registers the weight flags on cmd.
func (f *weightFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.weights, "weights", "", "category `weights`, e.g. moral=2,strategic=1 (a category left out weighs 1)")
	fl.StringVar(&f.profile, "profile", "", "weigh the categories as the corpus profile `name` does")
	fl.StringVar(&f.file, "weights-file", "", "read category weights from a YAML or JSON `file` (a map of category to number)")
	fl.StringVar(&f.semantics, "semantics", string(score.DefaultSemantics), "how strength flows through the graph: "+semanticsList())
}

// resolve returns the weights the flags ask for (every category at 1 when none is given), a
// label saying where they came from, and the semantics. Bad values are usage errors that name
// the flag and what would have been valid.
func (f *weightFlags) resolve(d *argument.Debate) (w score.Weights, label string, sem score.Semantics, err error) {
	sem, err = parseSemantics(f.semantics)
	if err != nil {
		return nil, "", "", err
	}
	var given []string
	for flag, v := range map[string]string{"--weights": f.weights, "--profile": f.profile, "--weights-file": f.file} {
		if v != "" {
			given = append(given, flag)
		}
	}
	if len(given) > 1 {
		return nil, "", "", usageErrorf("give only one of --weights, --profile and --weights-file")
	}
	switch {
	case f.profile != "":
		w, err = profileWeights(d, f.profile)
		label = f.profile
	case f.weights != "":
		w, err = parseWeightsFlag(d, f.weights)
		label = f.weights
	case f.file != "":
		w, err = readWeightsFile(d, f.file)
		label = filepath.Base(f.file)
	default:
		w, label = score.Weights{}, "default"
	}
	if err != nil {
		return nil, "", "", err
	}
	return w, label, sem, nil
}

func semanticsList() string {
	names := make([]string, len(score.AllSemantics))
	for i, s := range score.AllSemantics {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// parseSemantics reads one --semantics value.
func parseSemantics(s string) (score.Semantics, error) {
	sem, err := score.ParseSemantics(strings.TrimSpace(s))
	if err != nil {
		return "", &UsageError{Err: fmt.Errorf("invalid --semantics: %w", err)}
	}
	return sem, nil
}

// parseWeightsFlag reads a --weights value and checks it against the debate's categories.
func parseWeightsFlag(d *argument.Debate, spec string) (score.Weights, error) {
	w, err := score.ParseWeights(spec)
	if err == nil {
		err = w.Check(d.Categories)
	}
	if err != nil {
		return nil, &UsageError{Err: fmt.Errorf("invalid --weights: %w", err)}
	}
	return w, nil
}

// profileWeights returns the weights of a corpus profile.
func profileWeights(d *argument.Debate, name string) (score.Weights, error) {
	p, ok := d.Profile(name)
	if !ok {
		if len(d.Profiles) == 0 {
			return nil, &UsageError{Err: fmt.Errorf("unknown profile %q: the corpus defines no profiles; use --weights instead", name)}
		}
		return nil, &UsageError{Err: fmt.Errorf("unknown profile %q: use one of %s", name, strings.Join(d.ProfileNames(), ", "))}
	}
	w := score.Weights(p.Weights)
	if err := w.Check(d.Categories); err != nil {
		return nil, fmt.Errorf("profile %q in the corpus is unusable: %w", name, err)
	}
	return w, nil
}

// maxWeightsFile bounds what --weights-file reads: a weights map is a few lines.
const maxWeightsFile = 1 << 20

// readWeightsFile reads a YAML or JSON map of category to weight, through the corpus's decoder of
// a profile's weights, so that the two accept and refuse the same numbers. Errors name the
// file, and the line and column of a bad entry.
func readWeightsFile(d *argument.Debate, path string) (score.Weights, error) {
	fail := func(format string, args ...any) error {
		return &UsageError{Err: fmt.Errorf("invalid --weights-file %s: %s", safetext.Line(path), fmt.Sprintf(format, args...))}
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fail("no such file")
		}
		return nil, fail("%v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxWeightsFile+1))
	if err != nil {
		return nil, fail("%v", err)
	}
	if len(data) > maxWeightsFile {
		return nil, fail("larger than 1 MiB; a weights file is a map of category to number")
	}
	weights, problems := corpus.ReadWeights(path, data)
	if len(problems) > 0 {
		p := problems[0] // the first is enough to fix: a weights file is a few lines
		if p.Pos.Line > 0 {
			return nil, &UsageError{Err: fmt.Errorf("invalid --weights-file %s:%d:%d: %s", safetext.Line(path), p.Pos.Line, p.Pos.Column, p.Message)}
		}
		return nil, fail("%s", p.Message)
	}
	w := score.Weights(weights)
	if err := w.Check(d.Categories); err != nil {
		return nil, fail("%v", err)
	}
	return w, nil
}
