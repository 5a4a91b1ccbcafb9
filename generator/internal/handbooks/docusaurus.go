package handbooks

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// docusaurusStyle is a Docusaurus docs site: docs/ with .md and .mdx,
// _category_.json per folder (some with a generated index instead of a
// section page), sidebars.js, Docusaurus front matter, ::: admonitions, a
// Tabs page, and images in static/img linked from the site root.
type docusaurusStyle struct {
	base
	tabs *page
}

func (s *docusaurusStyle) noIndex(_ *gen, sec *section) bool {
	return len(sec.kids) == 0 && sectionIndex(sec)%2 == 1
}

func (s *docusaurusStyle) place(g *gen) {
	n := 0
	for _, p := range g.pages {
		if !p.isIndex && p.order%9 == 4 {
			p.mdx = true
			if s.tabs == nil || n == 4 {
				s.tabs = p
			}
			n++
		}
	}
	g.placeTree("docs", func(sec *section) string {
		if sec == g.root {
			return "docs/intro.md"
		}
		return path.Join(sec.dir, "index.md")
	})
	g.imagePool("static/img", plainImageNames())
}

// h1 is true on some pages: a "# Heading" that repeats the title.
func (s *docusaurusStyle) h1(p *page) bool { return p.order%4 == 3 || p.order%9 == 1 }

func (s *docusaurusStyle) frontMatter(g *gen, p *page) string {
	var b strings.Builder
	b.WriteString("---\n")
	switch {
	case p.sec == g.root && p.isIndex:
		fmt.Fprintf(&b, "slug: /\nsidebar_position: 1\ntitle: %s\n", yamlString(p.title))
	case p.isIndex:
		fmt.Fprintf(&b, "title: %s\nsidebar_position: 0\n", yamlString(p.title))
	case p.order%9 == 1:
		// Only a position: the title comes from the "# Heading".
		fmt.Fprintf(&b, "sidebar_position: %d\n", p.order)
	default:
		if p.order%5 == 2 {
			fmt.Fprintf(&b, "id: %s\n", docID(p))
		}
		fmt.Fprintf(&b, "title: %s\n", yamlString(p.title))
		if p.order%6 == 0 {
			fmt.Fprintf(&b, "sidebar_label: %s\n", yamlString(shortLabel(p.title)))
		}
		fmt.Fprintf(&b, "sidebar_position: %d\n", p.order)
		if g.r.IntN(6) == 0 {
			fmt.Fprintf(&b, "slug: /%s/%s\n", strings.TrimPrefix(p.sec.dir, "docs/"), p.slug)
		}
		if g.r.IntN(3) == 0 {
			fmt.Fprintf(&b, "description: %s\n", yamlString(g.sentence()))
		}
		if g.r.IntN(3) == 0 {
			fmt.Fprintf(&b, "last_update:\n  date: %s\n  author: %s\n", date(g, 2024), pick(g.r, []string{"Ana", "Ben", "Chloe", "Dev", "Emma"}))
		}
		if g.r.IntN(4) == 0 {
			fmt.Fprintf(&b, "tags: [%s, %s]\n", strings.ToLower(strings.ReplaceAll(pick(g.r, teams), " ", "-")), p.kind)
		}
		if g.r.IntN(10) == 0 {
			b.WriteString("hide_table_of_contents: true\n")
		}
	}
	if p.draft {
		b.WriteString("draft: true\n")
	}
	b.WriteString("---\n\n")
	if p == s.tabs {
		b.WriteString("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n")
	}
	return b.String()
}

// docID is the id a page declares; most keep their file name.
func docID(p *page) string {
	if p.order%10 == 2 {
		return p.slug + "-doc"
	}
	return p.slug
}

// fullID is a page's Docusaurus document ID, as sidebars.js names it.
func fullID(p *page) string {
	dir := strings.TrimPrefix(strings.TrimPrefix(path.Dir(p.file), "docs"), "/")
	name := strings.TrimSuffix(strings.TrimSuffix(path.Base(p.file), ".mdx"), ".md")
	if !p.isIndex && p.order%5 == 2 && p.order%9 != 1 {
		name = docID(p)
	}
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func shortLabel(title string) string {
	w := strings.Fields(title)
	if len(w) > 3 {
		w = w[:3]
	}
	return strings.Join(w, " ")
}

func (s *docusaurusStyle) image(g *gen, _ *page, name, alt string) string {
	return fmt.Sprintf("![%s](/img/%s)", alt, name)
}

func (s *docusaurusStyle) callout(g *gen, _ *page, kind, title, body string) string {
	if kind == "warning" && title == "" && g.r.IntN(2) == 0 {
		title = pick(g.r, []string{"Check with legal", "Before you promise anything", "Approval needed"})
	}
	if title != "" {
		return fmt.Sprintf(":::%s %s\n\n%s\n\n:::", kind, title, body)
	}
	return fmt.Sprintf(":::%s\n\n%s\n\n:::", kind, body)
}

func (s *docusaurusStyle) quirk(g *gen, p *page) string {
	if p == s.tabs {
		return fmt.Sprintf("<Tabs>\n  <TabItem value=\"email\" label=\"Email\" default>\n\n%s\n\n  </TabItem>\n  <TabItem value=\"phone\" label=\"Phone\">\n\n%s\n\n  </TabItem>\n</Tabs>", g.sentence(), g.sentence())
	}
	if g.r.IntN(4) != 0 {
		return ""
	}
	return s.callout(g, p, "warning", "", g.sentence())
}

func (s *docusaurusStyle) finish(g *gen) {
	g.files["docusaurus.config.js"] = []byte(fmt.Sprintf(`// @ts-check

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: %q,
  tagline: 'How we sell, market and work',
  url: 'https://handbook.example.com',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  onBrokenMarkdownLinks: 'warn',
  favicon: 'img/favicon.ico',
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          routeBasePath: '/',
          sidebarPath: require.resolve('./sidebars.js'),
          editUrl: 'https://git.example.com/handbook/edit/main/',
          showLastUpdateTime: true,
        },
        blog: false,
        theme: {customCss: require.resolve('./src/css/custom.css')},
      }),
    ],
  ],
};

module.exports = config;
`, g.root.title))
	g.files["src/css/custom.css"] = []byte(":root {\n  --ifm-color-primary: #0b4f8a;\n}\n")
	g.files["package.json"] = []byte(`{
  "name": "handbook",
  "private": true,
  "scripts": {"start": "docusaurus start", "build": "docusaurus build"},
  "dependencies": {"@docusaurus/core": "3.5.2", "@docusaurus/preset-classic": "3.5.2", "react": "18.3.1", "react-dom": "18.3.1"}
}
`)
	g.files["static/img/favicon.ico"] = pngFor("favicon")
	var b strings.Builder
	b.WriteString("/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */\nconst sidebars = {\n  handbook: [\n")
	b.WriteString("    'intro',\n")
	var items func(sec *section, indent string)
	items = func(sec *section, indent string) {
		for _, p := range sec.pages {
			if !p.draft {
				fmt.Fprintf(&b, "%s'%s',\n", indent, fullID(p))
			}
		}
		for _, k := range sec.kids {
			fmt.Fprintf(&b, "%s{\n%s  type: 'category',\n%s  label: '%s',\n", indent, indent, indent, k.title)
			if k.index != nil {
				fmt.Fprintf(&b, "%s  link: {type: 'doc', id: '%s'},\n", indent, fullID(k.index))
			} else {
				fmt.Fprintf(&b, "%s  link: {type: 'generated-index'},\n", indent)
			}
			fmt.Fprintf(&b, "%s  items: [\n", indent)
			items(k, indent+"    ")
			fmt.Fprintf(&b, "%s  ],\n%s},\n", indent, indent)
		}
	}
	items(g.root, "    ")
	b.WriteString("  ],\n};\n\nmodule.exports = sidebars;\n")
	g.files["sidebars.js"] = []byte(b.String())
	for _, sec := range g.sections[1:] {
		cat := map[string]any{"label": sec.title, "position": sectionIndex(sec) + 2}
		if sec.index == nil {
			cat["link"] = map[string]any{"type": "generated-index", "description": "Everything about " + strings.ToLower(sec.title) + "."}
		}
		if sec.depth > 1 {
			cat["collapsed"] = true
		}
		data, _ := json.MarshalIndent(cat, "", "  ") // maps of strings and numbers always marshal
		g.files[path.Join(sec.dir, "_category_.json")] = append(data, '\n')
	}
}
