// Package synth writes synthetic playbooks of any size for benchmarks and
// stress tests: every kind of page, relations and cross-links included, so
// that the whole pipeline is exercised, not just markdown.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write creates a playbook with about n pages in dir.
func Write(dir string, n int) error {
	files := map[string]string{
		"playbook.toml": `title = "Synthetic Playbook"
base_url = "https://example.com/"
[owners.marketing]
name = "Marketing"
[owners.sales]
name = "Sales"
[[brand.colours]]
name = "Blue"
hex = "#0B4F8A"
`,
		"content/_index.md":               "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
		"content/objections/_index.md":    "+++\ntitle = \"Objections\"\n+++\n",
		"content/closing-tools/_index.md": "+++\ntitle = \"Closing tools\"\n+++\n",
		"content/glossary/_index.md":      "+++\ntitle = \"Glossary\"\n+++\n",
		"content/personas/_index.md":      "+++\ntitle = \"Personas\"\n+++\n",
		"content/plays/_index.md":         "+++\ntitle = \"Plays\"\n+++\n",
		"content/guides/_index.md":        "+++\ntitle = \"Guides\"\n+++\n",
	}
	personas, tools, objections, terms, plays, guides := proportions(n)
	categories := []string{"price", "timing", "competitor", "authority", "need", "risk"}
	for i := 0; i < personas; i++ {
		files[fmt.Sprintf("content/personas/persona-%d.md", i)] = fmt.Sprintf(`+++
title = "Persona %d"
role = "Director of Operations %d"
goals = ["On-time delivery", "Lower freight spend"]
pains = ["Manual carrier booking"]
value = ["Save six hours a week"]
owners = ["marketing"]
reviewed = 2026-06-01
+++
%s`, i, i, prose(i, 3))
	}
	for i := 0; i < tools; i++ {
		files[fmt.Sprintf("content/closing-tools/tool-%d.md", i)] = fmt.Sprintf(`+++
title = "Closing tool %d"
when = "The buyer doubts value %d."
value = "Proof before commitment."
cost = "Two weeks of onboarding."
approver = "Regional Sales Director"
owners = ["sales"]
reviewed = 2026-06-01
+++
## How to run it

%s`, i, i, prose(i, 4))
	}
	for i := 0; i < objections; i++ {
		files[fmt.Sprintf("content/objections/objection-%d.md", i)] = fmt.Sprintf(`+++
title = "Objection %d"
says = "Your offer number %d is too expensive for us."
category = %q
personas = ["persona-%d"]
stages = ["proposal"]
proof = ["Customers cut expedites **30%%**."]
closing_tools = ["tool-%d", "tool-%d"]
avoid = ["I can get you a discount."]
owners = ["sales", "marketing"]
reviewed = 2026-06-01
weight = %d
+++
## Acknowledge

> That's a fair concern, and a common one.

## Respond

Offer the [closing tool](../closing-tools/tool-%d.md#how-to-run-it) rather than a discount.

%s`, i, i, categories[i%len(categories)], i%personas, i%tools, (i+1)%tools, i+1, i%tools, prose(i, 5))
	}
	for i := 0; i < terms; i++ {
		files[fmt.Sprintf("content/glossary/term-%d.md", i)] = fmt.Sprintf(`+++
title = "Term %d"
marketing = "Marketing's meaning of term %d."
sales = "Sales' meaning of term %d."
agreed = "The agreed meaning of term %d."
aliases = ["alias-%d"]
audience = "external"
reviewed = 2026-06-01
+++
%s`, i, i, i, i, i, prose(i, 2))
	}
	for i := 0; i < plays; i++ {
		files[fmt.Sprintf("content/plays/play-%d.md", i)] = fmt.Sprintf(`+++
title = "Play %d"
persona = "persona-%d"
stage = "discovery"
goal = "Agree the next step."
questions = ["What does an expedite cost you?"]
objections = ["objection-%d"]
closing_tools = ["tool-%d"]
reviewed = 2026-06-01
+++
## Before the call

- [ ] Read the account notes.

%s`, i, i%personas, i%objections, i%tools, prose(i, 4))
	}
	for i := 0; i < guides; i++ {
		files[fmt.Sprintf("content/guides/guide-%d.md", i)] = fmt.Sprintf(`+++
title = "Guide %d"
reviewed = 2026-06-01
+++
See [objection %d](../objections/objection-%d.md).

| Lane | Volume |
|------|--------|
| A-B  | %d     |

%s`, i, i%objections, i%objections, i, prose(i, 6))
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var words = strings.Fields(`freight carrier lane shipment expedite planner visibility tender
rate invoice pallet warehouse dispatch route delivery customer budget value pilot rollout
contract renewal reference sponsor onboarding training spreadsheet integration security`)

// prose returns n paragraphs of deterministic filler with some emphasis.
func prose(seed, n int) string {
	var b strings.Builder
	for p := 0; p < n; p++ {
		b.WriteString("## Section ")
		fmt.Fprintf(&b, "%d\n\n", p+1)
		for w := 0; w < 60; w++ {
			word := words[(seed*7+p*13+w*31)%len(words)]
			if w%17 == 5 {
				word = "**" + word + "**"
			}
			b.WriteString(word)
			if w%12 == 11 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// proportions splits about n pages among the kinds roughly as in a real
// playbook (the seven section pages included).
func proportions(n int) (personas, tools, objections, terms, plays, guides int) {
	personas = max(3, n/50)
	tools = max(3, n/10)
	objections = max(3, n*3/10)
	terms = max(3, n/5)
	plays = max(3, n/10)
	guides = max(1, n-personas-tools-objections-terms-plays-7)
	return
}
