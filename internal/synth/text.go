package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argument"
)

// The word banks speak the language of the built-in debate, so that generated text has the
// lengths, punctuation and characters (curly quotes, accents, colons, hashes) of real prose.
var (
	subjects = []string{
		"granting asylum", "opening the border", "a generous visa policy", "admitting draft evaders",
		"the mobilization order", "frontline states", "Western governments", "the Kremlin",
		"Russian émigré communities", "host countries", "security services", "public opinion in the Baltics",
		"the European Union", "NATO planners", "human rights law", "a closed border", "humanitarian parole",
		"screening at the border", "exiled opposition groups", "ordinary Russians", "the men who flee",
		"Finland’s border guards", "the Georgian government", "Kazakhstan", "the Ukrainian side",
	}
	verbs = []string{
		"weakens", "strengthens", "undermines", "protects", "rewards", "punishes", "signals resolve to",
		"drains", "legitimises", "complicates", "shortens", "prolongs", "tests", "exposes", "reassures",
		"divides", "burdens", "shields", "emboldens", "discredits",
	}
	objects = []string{
		"the Russian war effort", "NATO’s eastern flank", "the moral standing of the West",
		"the Kremlin’s manpower reserves", "public trust in asylum systems", "domestic security",
		"the opposition in exile", "the families left behind", "Ukraine’s bargaining position",
		"the principle of non-refoulement", "the cohesion of the alliance", "the credibility of sanctions",
		"local labour markets", "the screening capacity of border guards", "the regime’s propaganda",
		"the next wave of conscripts", "the rule of law", "relations with Moscow",
	}
	modifiers = []string{
		"in the short run", "over the long term", "at little cost", "at a price frontline states must pay",
		"if screening works", "unless numbers overwhelm the border", "whatever the men’s motives",
		"because conscription is coercive", "as the war drags on", "according to the available evidence",
		"for as long as the mobilization lasts", "once the first trains reach the border",
		"even if only a few thousand leave", "in every scenario the planners modelled",
	}
	connectives = []string{"so", "and therefore", "which means", "and as a result", "while"}
	imperatives = []string{
		"Drain", "Protect", "Reward", "Weaken", "Reassure", "Expose", "Divide", "Shield", "Test",
		"Secure", "Defend", "Question", "Limit", "Welcome", "Screen",
	}
	titleNouns = []string{
		"security risk", "moral duty", "screening problem", "manpower drain", "precedent", "signal to Moscow",
		"burden on neighbours", "propaganda gift", "legal obligation", "fifth column", "brain drain",
		"price of cowardice", "open door", "closed door", "double standard",
	}
	adjectives = []string{
		"The hidden", "The real", "A dangerous", "The overlooked", "An honest", "The unavoidable",
		"A costly", "The moral", "The strategic", "A political",
	}
	firstNames  = []string{"Anna", "Mikko", "Nick", "Olga", "Jānis", "Tamar", "Dmitri", "Sarah", "Kęstutis", "Lena", "Ivan", "Maria"}
	lastNames   = []string{"Catoggio", "Virtanen", "Kalniņš", "Beridze", "Petrova", "O’Brien", "Nowak", "Smirnov", "Tamm", "García"}
	outlets     = []string{"The Dispatch", "Foreign Affairs", "The Economist", "Meduza", "Le Monde", "Yle News", "Balkan Insight", "War on the Rocks"}
	tagPool     = []string{"manpower", "security", "law", "economy", "alliance", "precedent", "public-opinion", "screening", "sanctions", "diaspora", "ukraine", "baltics"}
	notePrompts = []string{
		"Open question: does screening scale? #todo",
		"Check the figures against the 2022 border statistics.",
		"See also the argument on precedent - the two overlap.",
		"Weak link: the causal claim rests on one survey.",
		"“Internal security” is the phrase officials used, not ours.",
		"Strength lowered after review: the source is an op-ed.",
	}
)

// writer draws prose from the word banks.
type writer struct{ rng *rand.Rand }

func (w *writer) one(words []string) string { return words[w.rng.IntN(len(words))] }

// clause is "subject verb object", lower case unless the subject is a name.
func (w *writer) clause() string {
	subject, verb := w.one(subjects), w.one(verbs)
	if plural[subject] {
		verb = pluralVerb(verb)
	}
	return subject + " " + verb + " " + w.one(objects)
}

// plural lists the subjects that take a plural verb.
var plural = map[string]bool{
	"frontline states": true, "Western governments": true, "Russian émigré communities": true,
	"host countries": true, "security services": true, "NATO planners": true,
	"exiled opposition groups": true, "ordinary Russians": true, "the men who flee": true,
	"Finland’s border guards": true,
}

// pluralVerb turns "weakens" into "weaken" and "punishes" into "punish", in the first word.
func pluralVerb(v string) string {
	word, rest, _ := strings.Cut(v, " ")
	switch {
	case strings.HasSuffix(word, "shes"), strings.HasSuffix(word, "ches"), strings.HasSuffix(word, "sses"):
		word = word[:len(word)-2]
	default:
		word = strings.TrimSuffix(word, "s")
	}
	if rest != "" {
		return word + " " + rest
	}
	return word
}

func (w *writer) title() string {
	switch w.rng.IntN(3) {
	case 0:
		return w.one(imperatives) + " " + w.one(objects)
	case 1:
		return w.one(adjectives) + " " + w.one(titleNouns)
	default:
		return capitalize(w.one(titleNouns)) + " " + w.one(modifiers)
	}
}

func (w *writer) claim() string {
	s := w.clause() + " " + w.one(modifiers)
	if w.rng.IntN(2) == 0 {
		s += ", " + w.one(connectives) + " " + w.clause()
	}
	return capitalize(s) + "."
}

func (w *writer) reasoning() string {
	n := 2 + w.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		switch w.rng.IntN(4) {
		case 0:
			parts[i] = capitalize(w.clause()) + ", " + w.one(connectives) + " " + w.clause() + "."
		case 1:
			parts[i] = "The evidence is mixed: " + w.clause() + " " + w.one(modifiers) + "."
		case 2:
			parts[i] = "Critics reply that " + w.clause() + "; the point survives only " + w.one(modifiers) + "."
		default:
			parts[i] = "This matters because " + w.clause() + "."
		}
	}
	return strings.Join(parts, " ")
}

func (w *writer) quote() string {
	s := w.clause() + " " + w.one(modifiers)
	switch w.rng.IntN(3) {
	case 0:
		return "As one official put it, “" + s + ".”"
	case 1:
		return s + ", " + w.one(connectives) + " " + w.clause()
	default:
		return capitalize(s) + "."
	}
}

func (w *writer) evidence() string {
	return fmt.Sprintf("%d,%03d men crossed in the first %d days; %s", 1+w.rng.IntN(300), w.rng.IntN(1000), 2+w.rng.IntN(30), w.clause())
}

func (w *writer) note() string { return w.one(notePrompts) }

func (w *writer) tags() []string {
	n := w.rng.IntN(4)
	if n == 0 {
		return nil
	}
	tags := make([]string, 0, n)
	for len(tags) < n {
		t := w.one(tagPool)
		dup := false
		for _, u := range tags {
			dup = dup || u == t
		}
		if !dup {
			tags = append(tags, t)
		}
	}
	return tags
}

func (w *writer) headline() string {
	return capitalize(w.clause()) + "?"
}

func (w *writer) source(i int) argument.Source {
	return argument.Source{
		ID:          fmt.Sprintf("src-%d", i+1),
		Title:       w.headline(),
		Author:      w.one(firstNames) + " " + w.one(lastNames),
		Publication: w.one(outlets),
		Date:        fmt.Sprintf("%d-%02d-%02d", 2019+w.rng.IntN(6), 1+w.rng.IntN(12), 1+w.rng.IntN(28)),
		URL:         fmt.Sprintf("https://example.org/articles/%d", i+1),
	}
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// slug makes an id from the first words of a title: lower case ASCII letters and digits joined
// by hyphens.
func slug(s string) string {
	var b strings.Builder
	words := 0
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-':
			if !hyphen && b.Len() > 0 {
				words++
				if words == 3 {
					return b.String()
				}
			}
			hyphen = b.Len() > 0
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}
