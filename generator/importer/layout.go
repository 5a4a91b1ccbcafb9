package importer

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/playbook-ssg/playbook/generator/internal/junk"
	"go.yaml.in/yaml/v3"
)

// What happens to a file of the source.
type action int

const (
	actPage   action = iota // a markdown page, converted into content/
	actFile                 // a file pages link to (image, PDF), moved as it is
	actNav                  // the old navigation (SUMMARY.md, _category_.json): read, then left out
	actConfig               // the old tool's configuration or theme: left out
	actSkip                 // not content (build output, litter, hidden files): left alone
	actKeep                 // kept where it is in place (README, LICENSE, .github), not copied to DIR
)

func (a action) String() string {
	return [...]string{"page", "file", "navigation", "old configuration", "skipped", "kept"}[a]
}

// file is one file of the source and what the import does with it.
type file struct {
	Old string // path in SRC, slash-separated
	New string // path in the playbook, "" when it is not carried over
	Act action
	Why string // for -v and the report
}

// layout is where a kind of handbook keeps its pages, files and
// configuration.
type layout struct {
	kind        Kind
	contentRoot string   // folder of pages in SRC, "" for the top
	flatten     string   // a folder under contentRoot whose pages move up (Jekyll's docs/)
	static      string   // folder of files the old site served as they are, carried over under static/
	staticAtTop bool     // static's files were served at the site root (Hugo's static/x.png at /x.png), not under /static/
	assetsFrom  string   // a folder moved to assetsTo (GitBook's .gitbook/assets)
	assetsTo    string   // under content/
	config      []string // the old tool's files and folders, left out
	outputs     []string // the old tool's build output
	routeBase   string   // Docusaurus: where docs were served ("/docs/" by default)
	siteTitle   string
	description string
	baseURL     string
	configFile  string // the old tool's main configuration, for the report
	menuOrder   []string
	// aside names folders of the old tool that stay in place but under
	// another name, because Playbook would read them as its own (Hugo's
	// layouts/ would become template overrides).
	aside map[string]asideDir
}

// asideDir is where a folder of the old tool goes in place, and why.
type asideDir struct{ to, why string }

var (
	jsTitle     = regexp.MustCompile(`(?m)^\s*title:\s*['"\x60]([^'"\x60]*)['"\x60]`)
	jsTagline   = regexp.MustCompile(`(?m)^\s*tagline:\s*['"\x60]([^'"\x60]*)['"\x60]`)
	jsURL       = regexp.MustCompile(`(?m)^\s*url:\s*['"\x60]([^'"\x60]*)['"\x60]`)
	jsBaseURL   = regexp.MustCompile(`(?m)^\s*baseUrl:\s*['"\x60]([^'"\x60]*)['"\x60]`)
	jsRouteBase = regexp.MustCompile(`routeBasePath:\s*['"\x60]([^'"\x60]*)['"\x60]`)
	jsDocsPath  = regexp.MustCompile(`(?s)docs:\s*\{[^}]*?\bpath:\s*['"\x60]([^'"\x60]*)['"\x60]`)
)

// newLayout reads what the layout needs from the source's configuration.
func newLayout(src string, kind Kind) *layout {
	read := func(name string) []byte {
		b, _ := os.ReadFile(filepath.Join(src, filepath.FromSlash(name)))
		return b
	}
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(src, filepath.FromSlash(name)))
		return err == nil
	}
	l := &layout{kind: kind}
	switch kind {
	case Hugo:
		l.contentRoot, l.static, l.staticAtTop = "content", "static", true
		l.config = []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json", "config", "archetypes", "layouts", "themes", "assets", "data", "i18n", "go.mod", "go.sum", "package.json", "package-lock.json", ".hugo_build.lock"}
		l.outputs = []string{"public", "resources"}
		l.aside = map[string]asideDir{
			"layouts": {"hugo-layouts", "Playbook would read layouts/ as its own templates"},
			"public":  {"hugo-public", "Hugo's last build: Playbook builds into public/ and refuses to replace a folder it did not make"},
		}
		for _, name := range []string{"hugo.toml", "config.toml", "hugo.yaml", "config.yaml"} {
			b := read(name)
			if b == nil {
				continue
			}
			l.configFile = name
			var cfg struct {
				Title   string `toml:"title" yaml:"title"`
				BaseURL string `toml:"baseURL" yaml:"baseURL"`
				Params  struct {
					Description string `toml:"description" yaml:"description"`
				} `toml:"params" yaml:"params"`
				Menu struct {
					Main []struct {
						Name   string `toml:"name" yaml:"name"`
						URL    string `toml:"url" yaml:"url"`
						Weight int    `toml:"weight" yaml:"weight"`
					} `toml:"main" yaml:"main"`
				} `toml:"menu" yaml:"menu"`
			}
			if strings.HasSuffix(name, ".toml") {
				_, _ = toml.Decode(string(b), &cfg)
			} else {
				_ = yaml.Unmarshal(b, &cfg)
			}
			l.siteTitle, l.baseURL, l.description = cfg.Title, cfg.BaseURL, cfg.Params.Description
			main := cfg.Menu.Main
			for i := 1; i < len(main); i++ { // stable insertion sort by weight
				for j := i; j > 0 && main[j].Weight < main[j-1].Weight; j-- {
					main[j], main[j-1] = main[j-1], main[j]
				}
			}
			for _, m := range main {
				if top := topFolder(m.URL); top != "" {
					l.menuOrder = append(l.menuOrder, top)
				}
			}
			break
		}
	case Docusaurus:
		l.contentRoot, l.static, l.staticAtTop, l.routeBase = "docs", "static", true, "/docs/"
		l.config = []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "sidebars.js", "sidebars.ts", "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "babel.config.js", "tsconfig.json", "src", "i18n", "versioned_docs", "versioned_sidebars", "versions.json", ".docusaurus"}
		l.outputs = []string{"build"}
		for _, name := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"} {
			b := read(name)
			if b == nil {
				continue
			}
			l.configFile = name
			s := string(b)
			l.siteTitle = firstGroup(jsTitle, s)
			l.description = firstGroup(jsTagline, s)
			if u := firstGroup(jsURL, s); u != "" {
				l.baseURL = strings.TrimSuffix(u, "/") + "/" + strings.TrimPrefix(firstGroup(jsBaseURL, s), "/")
			}
			if m := jsRouteBase.FindStringSubmatch(s); m != nil {
				l.routeBase = "/" + strings.Trim(m[1], "/") + "/"
				if l.routeBase == "//" {
					l.routeBase = "/"
				}
			}
			if p := firstGroup(jsDocsPath, s); p != "" && exists(p) {
				l.contentRoot = strings.Trim(path.Clean(p), "/")
			}
			break
		}
	case MkDocs:
		l.contentRoot = "docs"
		l.config = []string{"mkdocs.yml", "mkdocs.yaml", "requirements.txt", "overrides", "theme"}
		l.outputs = []string{"site"}
		for _, name := range []string{"mkdocs.yml", "mkdocs.yaml"} {
			b := read(name)
			if b == nil {
				continue
			}
			l.configFile = name
			var cfg struct {
				SiteName        string   `yaml:"site_name"`
				SiteDescription string   `yaml:"site_description"`
				SiteURL         string   `yaml:"site_url"`
				DocsDir         string   `yaml:"docs_dir"`
				ExtraCSS        []string `yaml:"extra_css"`
				ExtraJS         []string `yaml:"extra_javascript"`
				Theme           struct {
					CustomDir string `yaml:"custom_dir"`
				} `yaml:"theme"`
			}
			_ = yaml.Unmarshal(b, &cfg) // !!python tags and the like: what could be read is used
			l.siteTitle, l.description, l.baseURL = cfg.SiteName, cfg.SiteDescription, cfg.SiteURL
			if cfg.DocsDir != "" {
				l.contentRoot = strings.Trim(path.Clean(cfg.DocsDir), "/")
			}
			for _, f := range append(cfg.ExtraCSS, cfg.ExtraJS...) {
				l.config = append(l.config, path.Join(l.contentRoot, f))
			}
			if cfg.Theme.CustomDir != "" {
				l.config = append(l.config, path.Clean(cfg.Theme.CustomDir))
			}
			break
		}
	case GitBook:
		l.config = []string{".gitbook.yaml"}
		l.assetsFrom, l.assetsTo = ".gitbook/assets", "assets"
		var cfg struct {
			Root string `yaml:"root"`
		}
		if b := read(".gitbook.yaml"); b != nil {
			l.configFile = ".gitbook.yaml"
			_ = yaml.Unmarshal(b, &cfg)
			if r := strings.Trim(path.Clean("/"+cfg.Root), "/"); r != "" && exists(r) {
				l.contentRoot = r
				l.assetsFrom = path.Join(r, ".gitbook/assets")
			}
		}
	case MdBook:
		l.contentRoot = "src"
		l.config = []string{"book.toml", "theme"}
		l.outputs = []string{"book"}
		var cfg struct {
			Book struct {
				Title       string `toml:"title"`
				Description string `toml:"description"`
				Src         string `toml:"src"`
			} `toml:"book"`
			Build struct {
				BuildDir string `toml:"build-dir"`
			} `toml:"build"`
			Output struct {
				HTML struct {
					SiteURL string `toml:"site-url"`
				} `toml:"html"`
			} `toml:"output"`
		}
		if b := read("book.toml"); b != nil {
			l.configFile = "book.toml"
			_, _ = toml.Decode(string(b), &cfg)
			l.siteTitle, l.description = cfg.Book.Title, cfg.Book.Description
			if cfg.Book.Src != "" {
				l.contentRoot = strings.Trim(path.Clean(cfg.Book.Src), "/")
			}
			if cfg.Build.BuildDir != "" {
				l.outputs = []string{strings.Trim(path.Clean(cfg.Build.BuildDir), "/")}
			}
		}
	case Jekyll:
		l.static = "assets"
		l.config = []string{"_config.yml", "_config.yaml", "Gemfile", "Gemfile.lock", "_includes", "_layouts", "_sass", "_data", "_plugins", "vendor", ".jekyll-cache", ".sass-cache", "404.html", "package.json"}
		l.outputs = []string{"_site"}
		if exists("docs") && !exists("docs/index.md") && !exists("docs/README.md") {
			l.flatten = "docs"
		}
		var cfg struct {
			Title       string `yaml:"title"`
			Description string `yaml:"description"`
			URL         string `yaml:"url"`
			BaseURL     string `yaml:"baseurl"`
		}
		for _, name := range []string{"_config.yml", "_config.yaml"} {
			if b := read(name); b != nil {
				l.configFile = name
				_ = yaml.Unmarshal(b, &cfg)
				l.siteTitle, l.description = cfg.Title, cfg.Description
				if cfg.URL != "" {
					l.baseURL = strings.TrimSuffix(cfg.URL, "/") + "/" + strings.Trim(cfg.BaseURL, "/")
				}
				break
			}
		}
	case Plain:
		// A site built by a tool not named here (Next.js, Gatsby, a
		// script) usually keeps its pages in content/ or docs/ and the
		// rest of the repository around them.
		for _, dir := range []string{"content", "docs"} {
			if hasPages(filepath.Join(src, dir)) {
				l.contentRoot = dir
				break
			}
		}
		if l.contentRoot != "" {
			for _, dir := range []string{"static", "public"} {
				if fi, err := os.Stat(filepath.Join(src, dir)); err == nil && fi.IsDir() && (dir == "static" || exists("package.json")) {
					l.static, l.staticAtTop = dir, true // Next.js serves public/x at /x
					break
				}
			}
		}
	}
	return l
}

func firstGroup(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// topFolder returns the first folder of a site path ("/sales/x/" gives
// "sales"), or "".
func topFolder(u string) string {
	u = strings.Trim(u, "/")
	if u == "" || strings.Contains(u, ":") {
		return ""
	}
	top, _, _ := strings.Cut(u, "/")
	return top
}

// under reports whether p is dir or inside it ("" holds everything).
func under(p, dir string) bool {
	return dir == "" || p == dir || strings.HasPrefix(p, dir+"/")
}

func rel(p, dir string) string {
	if dir == "" {
		return p
	}
	return strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
}

// assetExt lists what a file at the top of a handbook must be to be
// content there; other top-level files (LICENSE, Makefile) are the
// repository's.
var assetExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".webp": true, ".avif": true, ".pdf": true, ".csv": true, ".xlsx": true, ".docx": true, ".pptx": true, ".mp4": true, ".zip": true, ".ico": true}

// classify decides what happens to one file of the source.
func (l *layout) classify(p string) file {
	f := file{Old: p}
	base := path.Base(p)
	for _, c := range l.config {
		if under(p, c) {
			f.Act, f.Why = actConfig, "the old tool's configuration or theme"
			return f
		}
	}
	for _, o := range l.outputs {
		if under(p, o) {
			f.Act, f.Why = actSkip, "the old tool's build output"
			return f
		}
	}
	if junk.Is(base) || strings.HasPrefix(base, "~$") || base == "Thumbs.db" || base == "desktop.ini" {
		f.Act, f.Why = actSkip, "editor or operating-system litter"
		return f
	}
	if l.assetsFrom != "" && under(p, l.assetsFrom) {
		f.Act, f.New, f.Why = actFile, path.Join("content", l.assetsTo, rel(p, l.assetsFrom)), "moved out of "+l.assetsFrom+"/, which is hidden"
		return f
	}
	if l.static != "" && under(p, l.static) {
		f.Act, f.Why = actFile, "served at the site root, as before"
		if l.staticAtTop {
			f.New = path.Join("static", rel(p, l.static))
		} else {
			f.New = path.Join("static", p)
		}
		return f
	}
	if hidden(p) {
		if strings.HasPrefix(p, ".github/") || p == ".gitignore" || p == ".gitattributes" || p == ".editorconfig" {
			f.Act, f.Why = actKeep, "the repository's, not the site's"
			return f
		}
		f.Act, f.Why = actSkip, "hidden (its name starts with a dot)"
		return f
	}
	if !under(p, l.contentRoot) {
		f.Act, f.Why = actKeep, "outside "+l.contentRoot+"/, not the site's content"
		return f
	}
	r := rel(p, l.contentRoot)
	switch {
	case base == "SUMMARY.md" && (l.kind == GitBook || l.kind == MdBook) && !strings.Contains(r, "/"):
		f.Act, f.Why = actNav, "the old navigation, read for titles and order"
		return f
	case base == "_category_.json" || base == "_category_.yml" || base == "_category_.yaml":
		f.Act, f.Why = actNav, "the old navigation, read for titles and order"
		return f
	}
	if l.contentRoot == "" && !strings.Contains(r, "/") && !isPage(r) && !assetExt[strings.ToLower(path.Ext(r))] {
		f.Act, f.Why = actKeep, "the repository's, not the site's"
		return f
	}
	if l.kind == Jekyll && !isPage(r) && strings.HasPrefix(r, "_") {
		f.Act, f.Why = actConfig, "the old tool's configuration or theme"
		return f
	}
	if l.kind == Plain || l.kind == GitBook || l.kind == Jekyll {
		if !strings.Contains(r, "/") && (strings.EqualFold(base, "CONTRIBUTING.md") || strings.EqualFold(base, "LICENSE.md") || strings.EqualFold(base, "CHANGELOG.md") || strings.EqualFold(base, "CODE_OF_CONDUCT.md")) {
			f.Act, f.Why = actKeep, "the repository's, not the site's"
			return f
		}
		if l.kind == Jekyll && strings.EqualFold(base, "README.md") && !strings.Contains(r, "/") {
			f.Act, f.Why = actKeep, "the repository's README (Jekyll's home page is index.md)"
			return f
		}
	}
	if l.flatten != "" && under(r, l.flatten) {
		r = rel(r, l.flatten)
	}
	if l.kind == Jekyll && under(r, "_posts") {
		r = path.Join("posts", rel(r, "_posts"))
	}
	if isPage(r) {
		f.Act, f.New = actPage, path.Join("content", strings.TrimSuffix(r, path.Ext(r))+".md")
		return f
	}
	f.Act, f.New = actFile, path.Join("content", r)
	return f
}

func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}
