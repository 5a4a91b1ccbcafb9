package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// body writes a page's markdown after its front matter.
func (g *gen) body(p *page) string {
	var b strings.Builder
	if g.st.h1(p) {
		fmt.Fprintf(&b, "# %s\n\n", p.title)
	}
	if p.isIndex {
		g.indexBody(&b, p)
		return b.String()
	}
	b.WriteString(g.paragraph(p, 1) + "\n\n")
	h2s := 0
	for _, h := range p.headings {
		if h.level == 2 {
			h2s++
		}
	}
	problemAt := g.r.IntN(max(1, h2s-1))
	quirkAt := g.r.IntN(max(1, h2s-1))
	i := -1
	for _, h := range p.headings {
		if h.level == 3 {
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", h.text, g.paragraph(p, g.r.IntN(2)))
			if g.r.IntN(2) == 0 {
				b.WriteString(g.list(p, 2+g.r.IntN(3), 0) + "\n")
			}
			continue
		}
		i++
		fmt.Fprintf(&b, "## %s\n\n", h.text)
		if h.text == "Related pages" {
			b.WriteString(g.list(p, 2+g.r.IntN(3), 2+g.r.IntN(2)) + "\n")
			break
		}
		b.WriteString(g.paragraph(p, g.r.IntN(2)) + "\n\n")
		switch g.r.IntN(7) {
		case 0, 1:
			b.WriteString(g.list(p, 3+g.r.IntN(3), g.r.IntN(2)) + "\n")
		case 2:
			b.WriteString(g.table(p) + "\n")
		case 3:
			c := pick(g.r, codeSamples)
			fmt.Fprintf(&b, "```%s\n%s\n```\n\n", c.lang, c.text)
		case 4:
			b.WriteString(g.st.image(g, p, pick(g.r, g.images), g.fill("Diagram of the {stage} stage")) + "\n\n")
		case 5:
			kind := pick(g.r, []string{"note", "tip", "warning", "info"})
			b.WriteString(g.st.callout(g, p, kind, "", g.sentence()+" "+g.sentence()) + "\n\n")
		default:
			// A link to a heading further down this page.
			for _, o := range p.headings {
				if o.level == 2 && o.text != h.text && g.r.IntN(2) == 0 {
					fmt.Fprintf(&b, "See [%s](#%s) on this page.\n\n", strings.ToLower(o.text), o.id)
					break
				}
			}
		}
		if i == quirkAt {
			if q := g.st.quirk(g, p); q != "" {
				b.WriteString(q + "\n\n")
			}
		}
		if i == problemAt && p.problem != "" && p.problem != "date" {
			b.WriteString(g.plant(p) + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// indexBody writes a section page: what the section holds and who owns it.
func (g *gen) indexBody(b *strings.Builder, p *page) {
	s := p.sec
	fmt.Fprintf(b, "%s %s\n\n", g.sentence(), g.sentence())
	for _, h := range p.headings {
		fmt.Fprintf(b, "## %s\n\n", h.text)
		switch h.text {
		case "In this section":
			for _, k := range s.kids {
				if t := firstPage(k); t != nil {
					fmt.Fprintf(b, "- %s\n", g.st.link(g, p, t, "", k.title))
				}
			}
			for _, q := range s.pages {
				if q.linkable() {
					fmt.Fprintf(b, "- %s\n", g.st.link(g, p, q, "", q.title))
				}
			}
			b.WriteString("\n")
		case "Owners":
			fmt.Fprintf(b, "%s owns this section. %s\n\n", pick(g.r, teams), g.sentence())
		default:
			fmt.Fprintf(b, "%s\n\n", g.paragraph(p, 0))
			b.WriteString(g.st.callout(g, p, "tip", "Keep it current", "Open a pull request when something here is out of date.") + "\n\n")
		}
	}
}

// firstPage is the page that stands for a section in links: its section
// page, or its first linkable page when it has none.
func firstPage(s *section) *page {
	if s.index != nil {
		return s.index
	}
	for _, p := range s.pages {
		if p.linkable() {
			return p
		}
	}
	for _, k := range s.kids {
		if p := firstPage(k); p != nil {
			return p
		}
	}
	return nil
}

func (g *gen) sentence() string { return g.fill(pick(g.r, sentences)) }

// paragraph writes two to four sentences and links other pages.
func (g *gen) paragraph(p *page, links int) string {
	var parts []string
	used := map[int]bool{}
	for i := 1 + g.r.IntN(3); i >= 0; i-- {
		k := g.r.IntN(len(sentences))
		for used[k] {
			k = (k + 1) % len(sentences)
		}
		used[k] = true
		parts = append(parts, g.fill(sentences[k]))
	}
	for ; links > 0; links-- {
		to, anchor := g.target(p)
		if to == nil {
			break
		}
		text := strings.ToLower(to.title[:1]) + to.title[1:]
		if anchor != "" {
			parts = append(parts, fmt.Sprintf("Read %s first.", g.st.link(g, p, to, anchor, "the part on "+strings.ToLower(headingText(to, anchor)))))
		} else {
			parts = append(parts, fmt.Sprintf("See %s for details.", g.st.link(g, p, to, "", text)))
		}
	}
	return strings.Join(parts, " ")
}

func headingText(p *page, id string) string {
	for _, h := range p.headings {
		if h.id == id {
			return h.text
		}
	}
	return id
}

// target picks a page to link from p, and sometimes one of its headings.
func (g *gen) target(from *page) (*page, string) {
	var to *page
	for try := 0; try < 10 && (to == nil || to == from || !to.linkable()); try++ {
		switch g.r.IntN(5) {
		case 0, 1:
			if len(from.sec.pages) > 0 {
				to = pick(g.r, from.sec.pages)
			}
		case 2:
			to = firstPage(pick(g.r, g.sections))
		default:
			to = pick(g.r, g.pages)
		}
	}
	if to == nil || to == from || !to.linkable() {
		return nil, ""
	}
	anchor := ""
	if len(to.headings) > 0 && g.r.IntN(3) == 0 {
		anchor = pick(g.r, to.headings).id
	}
	return to, anchor
}

// list writes a bullet list of n items, links of them linking pages.
func (g *gen) list(p *page, n, links int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i < links {
			if to, anchor := g.target(p); to != nil {
				text := to.title
				if anchor != "" {
					text += ": " + strings.ToLower(headingText(to, anchor))
				}
				fmt.Fprintf(&b, "- %s\n", g.st.link(g, p, to, anchor, text))
				continue
			}
		}
		fmt.Fprintf(&b, "- %s\n", g.fill(pick(g.r, listItems)))
	}
	return b.String()
}

func (g *gen) table(p *page) string {
	switch p.kind {
	case "pricing":
		var b strings.Builder
		b.WriteString("| Tier | Seats | List price | Maximum discount | Approver |\n|---|---:|---:|---:|---|\n")
		for i, t := range []string{"Starter", "Team", "Business", "Enterprise"} {
			fmt.Fprintf(&b, "| %s | %d | %d EUR | %d%% | %s |\n", t, 5<<i, 900*(i+1)+g.r.IntN(9)*10, 5+5*i, pick(g.r, []string{"Rep", "Sales manager", "Regional director", "Deal desk"}))
		}
		return b.String()
	case "brand":
		var b strings.Builder
		b.WriteString("| Colour | Hex | Use |\n|---|---|---|\n")
		for _, c := range [][2]string{{"Ocean", "#0B4F8A"}, {"Sand", "#F2E3C6"}, {"Coral", "#E4572E"}, {"Ink", "#1B1B1E"}} {
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", c[0], c[1], pick(g.r, []string{"Headlines", "Backgrounds", "Calls to action", "Body text", "Charts"}))
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("| Step | Owner | When |\n|---|---|---|\n")
	for i := 1; i <= 3+g.r.IntN(3); i++ {
		fmt.Fprintf(&b, "| %d. %s | %s | %s |\n", i, g.fill(pick(g.r, listItems)), pick(g.r, teams), pick(g.r, []string{"Same day", "Within a week", "Before the call", "After signature", "Every quarter"}))
	}
	return b.String()
}

var retiredWords = []string{"discount", "pricing", "tiers", "matrix", "bands", "approvals", "territories", "quotas", "commission", "partner", "reseller", "onboarding", "signature", "logo", "palette", "launch", "webinar", "forecast", "pipeline", "renewals", "legacy", "trial", "bundle", "rebate"}

// plant writes a planted problem and records it.
func (g *gen) plant(p *page) string {
	two := func() string {
		a, b := pick(g.r, retiredWords), pick(g.r, retiredWords)
		for a == b {
			b = pick(g.r, retiredWords)
		}
		return a + "-" + b
	}
	switch p.problem {
	case "anchor":
		m := g.marker(func() string { return fmt.Sprintf("%s-%d", two(), 2015+g.r.IntN(5)) })
		g.addProblem(p.file, "anchor", m)
		to, _ := g.target(p)
		if to == nil || g.r.IntN(4) == 0 {
			return fmt.Sprintf("The old [%s](#%s) section was folded into this page.", strings.ReplaceAll(m, "-", " "), m)
		}
		return fmt.Sprintf("Compare with %s.", g.st.link(g, p, to, m, "the "+strings.ReplaceAll(m, "-", " ")+" section"))
	case "link":
		m := g.marker(func() string { return "retired-" + two() + ".md" })
		g.addProblem(p.file, "link", m)
		return fmt.Sprintf("This replaces the %s.", g.st.rawLink(g, p, m, "old "+strings.ReplaceAll(strings.TrimSuffix(m, ".md"), "-", " ")+" page"))
	case "image":
		m := g.marker(func() string { return fmt.Sprintf("old-%s-%d.png", two(), 2015+g.r.IntN(5)) })
		g.addProblem(p.file, "image", m)
		return g.st.image(g, p, m, "Chart that was removed")
	}
	return ""
}

// rel returns the path of file to relative to the folder of file from.
func rel(from, to string) string {
	fd := strings.Split(path.Dir(from), "/")
	if fd[0] == "." {
		fd = nil
	}
	td := strings.Split(to, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}

// mdLink is a markdown link with an optional anchor.
func mdLink(text, target, anchor string) string {
	if anchor != "" {
		target += "#" + anchor
	}
	return fmt.Sprintf("[%s](%s)", text, target)
}
