package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// A synthetic playbook for benchmarks and recall tests: titles like real
// objection cards and closing tools, each with a distinctive name (a
// competitor, customer, product or jargon word), and bodies drawn from a
// Zipf distribution over common English and sales words with a long tail of
// made-up words, which gives a vocabulary of realistic size and shape.

// commonWords are ranked roughly by frequency in sales prose.
var commonWords = strings.Fields(`the to and a of you it in that is for we they our this with on be your
are not have can what as but their do if at or about will so them how when an there from more one
customer price value budget team cost call deal time need buyer question use they're it's don't
just like make right now help work sales marketing want first next week who already get year
proposal contract pilot risk proof plan approve approval decision director manager discount
savings freight carrier shipment lane rate invoice delivery spend volume expedite planner
visibility tender warehouse dispatch route pallet integration security onboarding training
reference sponsor rollout renewal competitor switch tool platform data report dashboard support
problem pain goal outcome result percent month quarter today meeting email follow agree step
ask listen acknowledge clarify respond confirm objection close closing message persona stage
discovery qualification negotiation champion executive finance procurement legal operations
supply chain logistics transport network process manual spreadsheet error late cost-saving
return investment roi payback case study evidence metric benchmark target forecast pipeline
account owner review feedback loop talk track phrase avoid instead offer option terms payment
credit phased success workshop expensive cheaper affordable priority busy later timing peak season
authority boss board sign signoff contract lock-in incumbent existing vendor provider switching
migration implementation effort resources staff capacity adoption change management training
hours savings margin revenue growth churn retention loyalty satisfaction service level agreement
compliance audit certification standard policy regulation region country market segment industry
retail manufacturing food beverage chemicals automotive pharma electronics apparel furniture
quick simple clear honest fair strong weak good better best worse worst new old small large
every each other another many few most some any all both either neither own same different
should could would might must may shall also still even only very really quite rather almost
because since while until unless although though whether where why which whose whom`)

// objectionTitles and others are patterns for titles; %s is a name.
var (
	objectionTitles = []string{
		"Too expensive for our budget at %s", "We already use %s", "Not a priority for %s right now",
		"No budget this year for %s", "I need to ask my boss about %s", "%s is cheaper",
		"Worried about implementation risk with %s", "Our carriers won't adopt %s",
		"Locked into a contract with %s", "Data security concerns about %s",
		"Call back after peak season at %s", "We built our own %s tool",
	}
	toolTitles = []string{
		"Paid pilot with %s", "Phased rollout at %s", "Reference call with %s",
		"Executive sponsor for %s", "Payment terms for %s", "Success plan with %s",
		"Training credits for %s", "ROI workshop at %s", "Carrier onboarding service for %s",
	}
	playTitles = []string{
		"Discovery call with %s", "Proposal review at %s", "Negotiation plan for %s",
		"Qualification call with %s", "Renewal conversation at %s",
	}
	guideTitles = []string{
		"How %s handles freight spend", "Lane analysis for %s", "Quarterly business review with %s",
		"Case study: %s cut expedites", "Onboarding checklist for %s", "Benchmark report on %s",
	}
	headingWords = []string{
		"Acknowledge", "Clarify", "Respond", "Confirm", "Proof points", "When to use it",
		"Value to the customer", "Cost to us", "Who approves it", "Phrases to avoid",
		"Before the call", "Questions to ask", "Next steps", "Talk track", "Background",
	}
	categories = []string{"price", "timing", "competitor", "authority", "need", "risk"}
	stages     = []string{"discovery", "qualification", "proposal", "negotiation", "closing"}
)

// pseudoWord makes a pronounceable word of n syllables.
func pseudoWord(r *rand.Rand, n int) string {
	onsets := []string{"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n", "p", "pl", "qu", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "th"}
	vowels := []string{"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"}
	codas := []string{"", "", "", "n", "r", "s", "l", "x", "m", "nd", "rt", "st"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 || r.IntN(5) > 0 {
			b.WriteString(onsets[r.IntN(len(onsets))])
		}
		b.WriteString(vowels[r.IntN(len(vowels))])
		if i == n-1 || r.IntN(3) == 0 {
			b.WriteString(codas[r.IntN(len(codas))])
		}
	}
	return b.String()
}

// corpus draws words for a synthetic playbook.
type corpus struct {
	r     *rand.Rand
	words []string
	cum   []float64 // Zipf cumulative weights over words
	names []string  // distinctive names, one or two pages each
}

func newCorpus(seed uint64, tail, names int) *corpus {
	c := &corpus{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	seen := map[string]bool{}
	for _, w := range commonWords {
		seen[w] = true
	}
	c.words = slices.Clone(commonWords)
	for len(c.words) < len(commonWords)+tail {
		w := pseudoWord(c.r, 2+c.r.IntN(3))
		if !seen[w] && len(w) >= 4 {
			seen[w] = true
			c.words = append(c.words, w)
		}
	}
	for len(c.names) < names {
		w := pseudoWord(c.r, 2+c.r.IntN(2))
		if !seen[w] && len(w) >= 5 {
			seen[w] = true
			c.names = append(c.names, strings.ToUpper(w[:1])+w[1:])
		}
	}
	total := 0.0
	c.cum = make([]float64, len(c.words))
	for i := range c.words {
		total += 1 / math.Pow(float64(i)+2.7, 1.05)
		c.cum[i] = total
	}
	return c
}

func (c *corpus) word() string {
	x := c.r.Float64() * c.cum[len(c.cum)-1]
	i, _ := slices.BinarySearch(c.cum, x)
	return c.words[min(i, len(c.words)-1)]
}

func (c *corpus) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = c.word()
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

func (c *corpus) paragraph(words int, mention string) string {
	var parts []string
	for words > 0 {
		n := min(words, 8+c.r.IntN(12))
		parts = append(parts, c.sentence(n))
		words -= n
	}
	if mention != "" {
		i := c.r.IntN(len(parts))
		parts[i] = strings.TrimSuffix(parts[i], ".") + " at " + mention + "."
	}
	return strings.Join(parts, " ")
}

// syntheticDocs returns n pages and the distinctive name of each.
func syntheticDocs(n int, seed uint64) ([]Doc, []string) {
	c := newCorpus(seed, 30000, n)
	docs := make([]Doc, n)
	names := make([]string, n)
	for i := range docs {
		name := c.names[i]
		names[i] = name
		var kind, title, slug string
		facets := map[string][]string{}
		switch k := c.r.IntN(100); {
		case k < 30:
			kind, title = "objection", fmt.Sprintf(objectionTitles[c.r.IntN(len(objectionTitles))], name)
			facets["category"] = []string{categories[c.r.IntN(len(categories))]}
			facets["stage"] = []string{stages[c.r.IntN(len(stages))], stages[c.r.IntN(len(stages))]}
			facets["persona"] = []string{fmt.Sprintf("persona-%d", c.r.IntN(40))}
		case k < 40:
			kind, title = "closing-tool", fmt.Sprintf(toolTitles[c.r.IntN(len(toolTitles))], name)
		case k < 60:
			kind, title = "term", name
		case k < 70:
			kind, title = "play", fmt.Sprintf(playTitles[c.r.IntN(len(playTitles))], name)
			facets["stage"] = []string{stages[c.r.IntN(len(stages))]}
			facets["persona"] = []string{fmt.Sprintf("persona-%d", c.r.IntN(40))}
		case k < 72:
			kind, title = "persona", "Persona: "+name
		default:
			kind, title = "guide", fmt.Sprintf(guideTitles[c.r.IntN(len(guideTitles))], name)
		}
		facets["owners"] = []string{[]string{"sales", "marketing", "enablement"}[c.r.IntN(3)]}
		slug = strings.ToLower(name)
		d := Doc{URL: fmt.Sprintf("/%ss/%s-%d/", kind, slug, i), Title: title, Kind: kind, Facets: facets}
		d.Sections = append(d.Sections, Section{Text: c.paragraph(30+c.r.IntN(50), name)})
		for s, m := 0, 2+c.r.IntN(5); s < m; s++ {
			h := headingWords[c.r.IntN(len(headingWords))]
			mention := ""
			if c.r.IntN(4) == 0 {
				mention = c.names[c.r.IntN(n)] // a cross-reference
			}
			d.Sections = append(d.Sections, Section{
				Anchor:  fmt.Sprintf("%s-%d", strings.ToLower(strings.ReplaceAll(h, " ", "-")), s),
				Heading: h,
				Text:    c.paragraph(40+c.r.IntN(80), mention),
			})
		}
		docs[i] = d
	}
	return docs, names
}
