package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// WriteRealistic creates a playbook with about n pages in dir, like Write
// (the same sections, kinds, proportions and front matter fields, so the
// same pages link to each other) but with text that reads like a real
// playbook to a search engine: distinctive titles combined from word lists
// (competitors, customers, cities, features, departments…), so that
// 10,000 titles are nearly all different, and bodies of a few headed
// sections drawn from a vocabulary of about 6,000 words with a Zipf-like
// distribution: common English and sales words first, their inflected
// forms, then a long tail of made-up words. The same seed always writes
// the same files.
func WriteRealistic(dir string, n int, seed uint64) error {
	g := newRealistic(n, seed)
	return writeFiles(dir, g.files())
}

func writeFiles(dir string, files map[string]string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// vocabularySize is the number of distinct body words WriteRealistic draws
// from, before names, cities and other title fillers.
const vocabularySize = 6000

type realistic struct {
	n        int
	r        *rand.Rand
	words    []string  // ranked vocabulary
	cum      []float64 // Zipf cumulative weights over words
	brands   []string  // competitors
	accounts []string  // customers
	coined   []string  // internal jargon for glossary terms
}

func newRealistic(n int, seed uint64) *realistic {
	g := &realistic{n: n, r: rand.New(rand.NewPCG(seed, seed^0x5bd1e9955bd1e995))}
	seen := map[string]bool{}
	add := func(w string) bool {
		if seen[w] {
			return false
		}
		seen[w] = true
		g.words = append(g.words, w)
		return true
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range contentWords {
		add(w)
	}
	// Inflected forms rank after their stems.
	isVerb := map[string]bool{}
	for _, v := range verbs {
		isVerb[v] = true
	}
	for _, w := range contentWords {
		if isLower(w) && len(w) >= 3 {
			for _, f := range inflections(w, isVerb[w]) {
				add(f)
			}
		}
	}
	// Title fillers are words too, so that they reach the bodies.
	for _, list := range [][]string{features, departments, roles, risks, lanes, events} {
		for _, phrase := range list {
			for _, w := range strings.Fields(strings.ToLower(phrase)) {
				if isLower(w) {
					add(w)
				}
			}
		}
	}
	for len(g.words) < vocabularySize {
		if w := g.pseudoWord(2 + g.r.IntN(2)); len(w) >= 4 && len(w) <= 10 {
			add(w)
		}
	}
	total := 0.0
	g.cum = make([]float64, len(g.words))
	for i := range g.words {
		total += 1 / math.Pow(float64(i)+2.7, 1.05)
		g.cum[i] = total
	}

	// Competitors are brand-like compounds (FreightDesk), customers a
	// made-up surname and a trade (Pellworth Foods), both mostly unique.
	for _, h := range brandHeads {
		for _, t := range brandTails {
			g.brands = append(g.brands, h+t)
		}
	}
	g.r.Shuffle(len(g.brands), func(i, j int) { g.brands[i], g.brands[j] = g.brands[j], g.brands[i] })
	g.brands = g.brands[:min(len(g.brands), max(12, n/60))]
	taken := map[string]bool{}
	for _, w := range g.words {
		taken[w] = true
	}
	name := func(syllables int) string {
		for {
			w := g.pseudoWord(syllables)
			if len(w) >= 5 && !taken[w] {
				taken[w] = true
				return strings.ToUpper(w[:1]) + w[1:]
			}
		}
	}
	for i := 0; i < max(20, n/8); i++ {
		g.accounts = append(g.accounts, name(2+g.r.IntN(2))+" "+accountTails[g.r.IntN(len(accountTails))])
	}
	for i := 0; i < max(10, n/10); i++ {
		g.coined = append(g.coined, name(2+g.r.IntN(2)))
	}
	return g
}

func isLower(w string) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// inflections are a word's plural or third person and, for a verb, its
// -ing and -ed forms.
func inflections(w string, verb bool) []string {
	var s string
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		s = w + "es"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		s = w[:len(w)-1] + "ies"
	default:
		s = w + "s"
	}
	if !verb {
		return []string{s}
	}
	stem := w
	switch {
	case doubled[w]:
		stem = w + w[len(w)-1:]
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee"):
		stem = w[:len(w)-1]
	}
	ed := stem + "ed"
	if strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])) {
		ed = w[:len(w)-1] + "ied"
	}
	if irregular[w] != "" {
		ed = irregular[w]
	}
	return []string{s, stem + "ing", ed}
}

var (
	verbs = strings.Fields(`ask listen acknowledge clarify respond confirm agree show share send compare
prove reduce increase save cut move switch replace connect book ship deliver measure check approve sign
negotiate escalate prepare follow explain understand choose decide expect need want know think build
run start stop keep lose win pay buy sell quote bid plan track load schedule tender dispatch route audit
forecast review support offer report change call deal help work use`)
	doubled   = map[string]bool{"cut": true, "run": true, "stop": true, "win": true, "ship": true, "plan": true, "bid": true}
	irregular = map[string]string{"cut": "cut", "run": "ran", "send": "sent", "win": "won", "lose": "lost",
		"pay": "paid", "buy": "bought", "sell": "sold", "keep": "kept", "know": "knew", "think": "thought",
		"build": "built", "choose": "chose", "show": "shown", "understand": "understood", "bid": "bid",
		"deal": "dealt", "mean": "meant"}
)

// pseudoWord makes a pronounceable word of n syllables.
func (g *realistic) pseudoWord(n int) string {
	onsets := []string{"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n", "p", "pl", "qu", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "th"}
	vowels := []string{"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"}
	codas := []string{"", "", "", "n", "r", "s", "l", "x", "m", "nd", "rt", "st"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 || g.r.IntN(5) > 0 {
			b.WriteString(onsets[g.r.IntN(len(onsets))])
		}
		b.WriteString(vowels[g.r.IntN(len(vowels))])
		if i == n-1 || g.r.IntN(3) == 0 {
			b.WriteString(codas[g.r.IntN(len(codas))])
		}
	}
	return b.String()
}

func (g *realistic) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *realistic) word() string {
	x := g.r.Float64() * g.cum[len(g.cum)-1]
	i, _ := slices.BinarySearch(g.cum, x)
	return g.words[min(i, len(g.words)-1)]
}

// fill replaces the placeholders of a pattern.
func (g *realistic) fill(pattern string) string {
	city := g.pick(cities)
	city2 := g.pick(cities)
	for city2 == city {
		city2 = g.pick(cities)
	}
	return strings.NewReplacer(
		"{brand}", g.pick(g.brands), "{account}", g.pick(g.accounts), "{city2}", city2, "{city}", city,
		"{feature}", g.pick(features), "{dept}", g.pick(departments), "{role}", g.pick(roles),
		"{period}", g.pick(periods), "{event}", g.pick(events), "{risk}", g.pick(risks),
		"{lane}", g.pick(lanes), "{concession}", g.pick(concessions), "{coined}", g.pick(g.coined),
	).Replace(pattern)
}

func capitalize(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

// sentence is a drawn sentence, or one of the sales patterns filled in.
func (g *realistic) sentence() string {
	if g.r.IntN(3) == 0 {
		return capitalize(g.fill(g.pick(sentencePatterns)))
	}
	n := 6 + g.r.IntN(14)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
		if i > 2 && i < n-1 && g.r.IntN(30) == 0 {
			ws[i] = "**" + ws[i] + "**"
		}
	}
	s := capitalize(strings.Join(ws, " "))
	if g.r.IntN(8) == 0 {
		return s + "?"
	}
	return s + "."
}

func (g *realistic) paragraph() string {
	n := 2 + g.r.IntN(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.sentence()
	}
	return strings.Join(parts, " ")
}

// sections writes m headed sections, the first headings taken from fixed
// (in order, as a card of that kind has them), then varied ones.
func (g *realistic) sections(fixed []string, m int) string {
	var b strings.Builder
	used := map[string]bool{}
	for s := 0; s < m; s++ {
		h := ""
		if s < len(fixed) && g.r.IntN(4) > 0 {
			h = fixed[s]
		} else {
			h = capitalize(g.fill(g.pick(dynamicHeading)))
		}
		if used[h] {
			continue
		}
		used[h] = true
		fmt.Fprintf(&b, "## %s\n\n", h)
		switch g.r.IntN(6) {
		case 0:
			for q := 0; q < 2+g.r.IntN(3); q++ {
				fmt.Fprintf(&b, "- %s\n", g.sentence())
			}
			b.WriteString("\n")
		case 1:
			fmt.Fprintf(&b, "> %s\n\n", g.sentence())
		}
		for p := 0; p < 1+g.r.IntN(2); p++ {
			b.WriteString(g.paragraph())
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// titles draws count distinct titles from patterns, with a slug for each.
func (g *realistic) titles(patterns []string, count int, seen map[string]bool) (titles, slugs []string) {
	for len(titles) < count {
		t := ""
		for try := 0; try < 20; try++ {
			t = capitalize(g.fill(g.pick(patterns)))
			if !seen[strings.ToLower(t)] {
				break
			}
		}
		seen[strings.ToLower(t)] = true
		titles = append(titles, t)
	}
	slugSeen := map[string]int{}
	for _, t := range titles {
		s := slugify(t)
		slugSeen[s]++
		if c := slugSeen[s]; c > 1 {
			s = fmt.Sprintf("%s-%d", s, c)
		}
		slugs = append(slugs, s)
	}
	return titles, slugs
}

func slugify(t string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.ReplaceAll(t, "'", "")) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
			if b.Len() >= 60 {
				break
			}
		} else {
			dash = true
		}
	}
	return b.String()
}

func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// acronym is the initials of a title of two words or more.
func acronym(t string) string {
	ws := strings.Fields(strings.NewReplacer("-", " ").Replace(t))
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteRune(unicode.ToUpper([]rune(w)[0]))
	}
	return b.String()
}

func (g *realistic) files() map[string]string {
	n := g.n
	files := map[string]string{
		"playbook.toml": `title = "Lanes Sales Playbook"
base_url = "https://example.com/"
[owners.marketing]
name = "Marketing"
[owners.sales]
name = "Sales"
[[brand.colours]]
name = "Blue"
hex = "#0B4F8A"
`,
		"content/_index.md":               "+++\ntitle = \"Home\"\n+++\nWhat to say, what to offer and what to avoid, agreed by marketing and sales.\n",
		"content/objections/_index.md":    "+++\ntitle = \"Objections\"\n+++\nWhat buyers say, and how to answer without discounting.\n",
		"content/closing-tools/_index.md": "+++\ntitle = \"Closing tools\"\n+++\nOffers that close a deal without cutting the price.\n",
		"content/glossary/_index.md":      "+++\ntitle = \"Glossary\"\n+++\nOne meaning for each word marketing and sales use.\n",
		"content/personas/_index.md":      "+++\ntitle = \"Personas\"\n+++\nWho we sell to and what they care about.\n",
		"content/plays/_index.md":         "+++\ntitle = \"Plays\"\n+++\nCall plans for each persona and deal stage.\n",
		"content/guides/_index.md":        "+++\ntitle = \"Guides\"\n+++\nAnalyses, checklists and case studies.\n",
	}
	personas, tools, objections, terms, plays, guides := proportions(n) // as Write
	categories := []string{"price", "timing", "competitor", "authority", "need", "risk"}
	stages := []string{"discovery", "qualification", "proposal", "negotiation", "closing"}
	owners := []string{`["sales"]`, `["marketing"]`, `["sales", "marketing"]`}

	seen := map[string]bool{}
	var personaTitles, personaSlugs []string
	for len(personaTitles) < personas {
		t := g.pick(personaRoles) + ", " + g.pick(segments)
		if seen[t] {
			t = g.pick(personaRoles) + " at " + g.pick(g.accounts)
		}
		if seen[t] {
			continue
		}
		seen[t] = true
		personaTitles = append(personaTitles, t)
		personaSlugs = append(personaSlugs, fmt.Sprintf("%s-%d", slugify(t), len(personaSlugs)))
	}
	toolTitles, toolSlugs := g.titles(toolPatterns, tools, seen)
	objTitles, objSlugs := g.titles(objectionPatterns, objections, seen)
	playTitles, playSlugs := g.titles(playPatterns, plays, seen)
	guideTitles, guideSlugs := g.titles(guidePatterns, guides, seen)

	// Glossary terms: jargon pairs (Tender acceptance rate) and coined
	// words, some with an acronym as alias.
	var termTitles, termSlugs []string
	var pairs []string
	for _, m := range jargonMods {
		for _, h := range jargonHeads {
			pairs = append(pairs, m+" "+h)
		}
	}
	g.r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	for i := 0; len(termTitles) < terms; i++ {
		t := ""
		if i%2 == 0 && len(pairs) > 0 {
			t, pairs = pairs[0], pairs[1:]
		} else {
			t = g.coined[(i/2)%len(g.coined)]
			if i/2 >= len(g.coined) || g.r.IntN(2) == 0 {
				t += " " + g.pick(jargonHeads)
			}
		}
		if seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		termTitles = append(termTitles, t)
		termSlugs = append(termSlugs, slugify(t))
	}
	aliasUsed := map[string]int{}
	for _, t := range termTitles {
		aliasUsed[acronym(t)]++
	}

	for i := 0; i < personas; i++ {
		t := personaTitles[i]
		role, _, _ := strings.Cut(t, ",")
		role, _, _ = strings.Cut(role, " at ")
		files["content/personas/"+personaSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
role = %q
goals = [%q, %q]
pains = [%q]
value = [%q]
owners = ["marketing"]
reviewed = 2026-06-01
+++
%s

%s`, t, role, capitalize(g.pick(features))+" that "+g.pick(roles)+" trust", "Fewer surprises during "+g.pick(events),
			capitalize(g.pick(risks))+" every "+g.pick([]string{"week", "month", "quarter"}),
			fmt.Sprintf("Save %d hours a week on %s", 2+g.r.IntN(12), g.pick(features)),
			g.paragraph(), g.sections([]string{"What they care about", "How they buy", "What they ask"}, 2+g.r.IntN(2)))
	}
	for i := 0; i < tools; i++ {
		files["content/closing-tools/"+toolSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
when = %q
value = %q
cost = %q
approver = %q
owners = ["sales"]
reviewed = 2026-06-01
+++
## How to run it

%s

%s`, toolTitles[i], capitalize(g.fill("the buyer doubts {feature} will work for their {role}.")),
			capitalize(g.fill("proof on their own {lane} lanes before they commit.")),
			fmt.Sprintf("%d weeks of %s.", 1+g.r.IntN(6), g.pick([]string{"onboarding", "engineering time", "consulting", "support"})),
			g.pick([]string{"Regional Sales Director", "Deal Desk", "VP Sales", "Head of Customer Success", "CFO"}),
			g.paragraph(), g.sections(toolHeadings, 2+g.r.IntN(3)))
	}
	for i := 0; i < objections; i++ {
		t := objTitles[i]
		files["content/objections/"+objSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
says = %q
category = %q
personas = [%q]
stages = [%q]
proof = [%q]
closing_tools = [%q, %q]
avoid = [%q]
owners = %s
reviewed = 2026-06-01
weight = %d
+++
## Acknowledge

> %s

## Respond

Offer the [%s](../closing-tools/%s.md#how-to-run-it) rather than a discount. %s

%s`, t, t+g.pick([]string{".", ", honestly.", ", to be frank.", ". That's where we are."}),
			categories[g.r.IntN(len(categories))], personaSlugs[g.r.IntN(personas)], stages[g.r.IntN(len(stages))],
			g.fill(fmt.Sprintf("{account} cut expedites **%d%%** in %d months.", 10+g.r.IntN(40), 3+g.r.IntN(12))),
			toolSlugs[i%tools], toolSlugs[(i+1)%tools],
			g.pick([]string{"I can get you a discount.", "That's not true.", "Everyone says that.", "Our price is our price.", "You're wrong about " + g.pick(g.brands) + "."}),
			owners[g.r.IntN(len(owners))], i+1,
			g.pick([]string{"That's a fair concern, and a common one.", "I hear that a lot, and it makes sense.", "Thanks for being straight with me."}),
			strings.ToLower(toolTitles[i%tools][:1])+toolTitles[i%tools][1:], toolSlugs[i%tools], g.paragraph(),
			g.sections(objectionHeadings, 2+g.r.IntN(3)))
	}
	for i := 0; i < terms; i++ {
		t := termTitles[i]
		alias := ""
		if a := acronym(t); a != "" && aliasUsed[a] == 1 {
			alias = "aliases = " + tomlList([]string{a}) + "\n"
		}
		files["content/glossary/"+termSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
marketing = %q
sales = %q
agreed = %q
%saudience = "external"
reviewed = 2026-06-01
+++
%s

%s`, t, g.sentence(), g.sentence(), g.sentence(), alias, g.paragraph(), g.sections(termHeadings, 1+g.r.IntN(2)))
	}
	for i := 0; i < plays; i++ {
		files["content/plays/"+playSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
persona = %q
stage = %q
goal = %q
questions = [%q]
objections = [%q]
closing_tools = [%q]
reviewed = 2026-06-01
+++
## Before the call

- [ ] Read the account notes.
- [ ] %s

%s`, playTitles[i], personaSlugs[i%personas], stages[g.r.IntN(len(stages))],
			capitalize(g.fill("agree a pilot of {feature} before {event}.")),
			capitalize(g.fill("how do {role} handle {feature} today?")),
			objSlugs[i%objections], toolSlugs[i%tools], g.sentence(),
			g.sections(playHeadings[1:], 2+g.r.IntN(3)))
	}
	for i := 0; i < guides; i++ {
		files["content/guides/"+guideSlugs[i]+".md"] = fmt.Sprintf(`+++
title = %q
reviewed = 2026-06-01
+++
See [%s](../objections/%s.md).

| Lane | Volume |
|------|--------|
| %s to %s | %d |

%s

%s`, guideTitles[i], strings.ToLower(objTitles[i%objections][:1])+objTitles[i%objections][1:], objSlugs[i%objections],
			g.pick(cities), g.pick(cities), 100+g.r.IntN(9900), g.paragraph(), g.sections(guideHeadings, 2+g.r.IntN(4)))
	}
	return files
}
