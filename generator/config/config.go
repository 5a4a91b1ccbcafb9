// Package config loads and validates playbook.toml, the site configuration.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/colour"
	"github.com/playbook-ssg/playbook/generator/tomlpos"
)

// FileName is the configuration file at the root of a playbook.
const FileName = "playbook.toml"

// Config is the parsed playbook.toml.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"base_url"`
	Language    string `toml:"language"`

	Repository Repository        `toml:"repository"`
	Owners     map[string]Owner  `toml:"owners"`
	Review     Review            `toml:"review"`
	Menu       Menu              `toml:"menu"`
	Brand      Brand             `toml:"brand"`
	Markdown   Markdown          `toml:"markdown"`
	Objections ObjectionSettings `toml:"objections"`
	Stages     []string          `toml:"stages"`
	Search     Search            `toml:"search"`
	Voice      []VoiceRule       `toml:"voice"`
	Versions   Versions          `toml:"versions"`
	Feedback   Feedback          `toml:"feedback"`
	Glossary   Glossary          `toml:"glossary"`
	Content    Content           `toml:"content"`
	Check      Check             `toml:"check"`

	// OwnerOrder lists owner ids in the order they are declared.
	OwnerOrder []string `toml:"-"`

	colourTables []string // where each brand colour was declared, for messages
	lines        tomlpos.Lines
	dropped      map[string]bool // keys whose values had the wrong type (see decodeTyped)
}

// Pos returns the line and column of a key in playbook.toml (0 when not
// found), for settings found wrong only later (a menu entry naming no
// section).
func (c *Config) Pos(key ...string) (line, col int) {
	p := c.lines.FindPos(key...)
	return p.Line, p.Col
}

// Repository locates the playbook in its code host, for "Edit this page".
type Repository struct {
	URL         string `toml:"url"`
	Branch      string `toml:"branch"`
	ContentPath string `toml:"content_path"` // folder of the playbook inside the repository
	EditURL     string `toml:"edit_url"`     // optional template with {path}; overrides the GitHub-style default
}

// Owner is a function or team that owns content.
type Owner struct {
	Name string `toml:"name"`
	Team string `toml:"team"` // code-host team handle, e.g. @org/marketing
}

// Review sets the default review interval.
type Review struct {
	Every string `toml:"every"`
}

// Menu orders top-level sections in navigation.
type Menu struct {
	Order []string `toml:"order"`
	// PerPage is how many cards a section page lists before it continues
	// on /page/2/ and so on (DefaultPerPage when unset).
	PerPage int `toml:"per_page"`
}

// DefaultPerPage is how many cards a section page lists when the config
// does not say: enough to scan on a phone, few enough that a section of
// thousands of objections stays quick to load and to rebuild.
const DefaultPerPage = 48

// Content says how content/ is read, for handbooks written for another
// tool.
type Content struct {
	// UnknownFields is the severity of a front matter key Playbook does
	// not know (kept in the page's Params): "warning" (the default),
	// "error" or "ignore". A near miss of a known field ("titel") and a
	// field of another kind are errors whatever this says.
	UnknownFields string `toml:"unknown_fields"`
	// Publish lists folders under content/ whose files are published
	// (when a page links to them) although their name starts with a dot
	// or an underscore, such as ".gitbook/assets". No pages are read
	// from them.
	Publish []string `toml:"publish"`
}

// Unknown-field severities.
const (
	UnknownWarning = "warning"
	UnknownError   = "error"
	UnknownIgnore  = "ignore"
)

// Check sets how strict build, serve and check are (docs/check.md).
type Check struct {
	// Severity sets a rule's severity: "error", "warning", "note" or
	// "off", by rule name ({ anchor = "warning" }).
	Severity map[string]string `toml:"severity"`
	// Baseline is the baseline file of known problems, relative to the
	// playbook folder; "" means .playbook-baseline.json when it exists.
	Baseline string `toml:"baseline"`
}

// Search configures the site search.
type Search struct {
	// Synonyms are groups of words or phrases a search treats as one, such
	// as ["ROI", "return on investment"]. Glossary terms and their aliases
	// are added to these.
	Synonyms [][]string `toml:"synonyms"`
	// BuiltinSynonyms turns off the reviewed list of common business
	// English synonyms shipped with Playbook when false (nil means on).
	BuiltinSynonyms *bool `toml:"builtin_synonyms"`
	// DropSynonyms leaves out every built-in group holding one of these
	// words, for a playbook where they mean something else.
	DropSynonyms []string `toml:"drop_synonyms"`
}

// Versions configures the released versions of the playbook, built from
// git tags into /v/<name>/ beside the latest (the working tree) at /.
type Versions struct {
	// Enabled turns versions off when false; they are on by default
	// wherever the playbook is in a git repository with matching tags.
	Enabled *bool `toml:"enabled"`
	// Tags is a glob matched against tag names (path.Match syntax), such
	// as "v*" (the default) or "20[0-9][0-9]-Q[1-4]".
	Tags string `toml:"tags"`
	// Names gives a tag a display name ("v2026.3" = "2026 Q3"); a tag
	// without one shows its own name. The path under /v/ is made from the
	// display name.
	Names map[string]string `toml:"names"`
	// Exclude lists tags matching Tags that are not built, such as one
	// whose content no longer builds.
	Exclude []string `toml:"exclude"`
	// Latest is the display name of the working tree's version ("Latest").
	Latest string `toml:"latest"`
	// Order is how releases are ordered, which decides the version each
	// is compared with: "name" (the default: v3.9 before v3.10, 2026-Q2
	// before 2026-Q3) or "date" (of the tagged commits).
	Order string `toml:"order"`
}

// On reports whether versions are built.
func (v Versions) On() bool { return v.Enabled == nil || *v.Enabled }

// DefaultVersionTags is the tag pattern when the config sets none.
const DefaultVersionTags = "v*"

// Glossary configures how pages use the glossary's terms.
type Glossary struct {
	// Links turns off, when false, linking the first mention of each
	// glossary term in a page's prose to the term, with its agreed
	// definition as a tooltip. On by default; a page can turn it off
	// with glossary_links = false in its front matter.
	Links *bool `toml:"links"`
}

// LinksOn reports whether terms are linked where pages use them.
func (g Glossary) LinksOn() bool { return g.Links == nil || *g.Links }

// Feedback configures the "Worked in a call" / "Didn't work" links on
// objection and closing-tool pages, which open a new issue in the
// playbook's repository prefilled with the page, version and commit.
type Feedback struct {
	// Enabled turns the links off when false. They are on when the new
	// issue's address is known: from URL, or from repository.url on
	// GitHub or GitLab.
	Enabled *bool `toml:"enabled"`
	// Provider is "github" or "gitlab": which code host's new-issue
	// address to build from repository.url. Empty guesses from its host.
	Provider string `toml:"provider"`
	// URL is the new-issue address as a template, for other hosts or
	// forms: {title}, {body}, {label}, {page}, {version} and {commit} are
	// replaced, URL-escaped.
	URL string `toml:"url"`
	// Labels are the labels of the two kinds of report, applied where the
	// host allows it from a link.
	Labels FeedbackLabels `toml:"labels"`
}

// IssueTemplate returns the new-issue address template of the feedback
// links, with the placeholders of Feedback.URL, and whether there is one:
// Feedback.URL, or one built from the repository's address on GitHub or
// GitLab (by Provider, or guessed from the host name).
func (c *Config) IssueTemplate() (string, bool) {
	f := c.Feedback
	if f.Enabled != nil && !*f.Enabled {
		return "", false
	}
	if f.URL != "" {
		return f.URL, true
	}
	repo := strings.TrimSuffix(strings.TrimSuffix(c.Repository.URL, "/"), ".git")
	if repo == "" {
		return "", false
	}
	provider := f.Provider
	if provider == "" {
		u, err := url.Parse(repo)
		if err != nil {
			return "", false
		}
		switch host := strings.ToLower(u.Hostname()); {
		case host == "github.com" || strings.HasPrefix(host, "github."):
			provider = "github"
		case host == "gitlab.com" || strings.HasPrefix(host, "gitlab."):
			provider = "gitlab"
		default:
			return "", false
		}
	}
	if provider == "gitlab" {
		// GitLab takes no labels from the address; the body ends with a
		// /label quick action instead.
		return repo + "/-/issues/new?issue[title]={title}&issue[description]={body}", true
	}
	return repo + "/issues/new?title={title}&body={body}&labels={label}", true
}

// FeedbackLabels name the labels of feedback issues.
type FeedbackLabels struct {
	Worked    string `toml:"worked"`
	NotWorked string `toml:"not_worked"`
}

// VoiceRule is one brand voice rule ([[voice]]): a word or phrase that
// prose should not use, with the wording to use instead or a reason it is
// banned. `playbook check` applies the rules (see generator/voice).
type VoiceRule struct {
	// Find is the phrase to look for, matched case-insensitively as whole
	// words, spaces matching any run of spaces and line breaks; with
	// Regex, a regular expression (Go syntax) matched the same way.
	Find  string `toml:"find"`
	Regex bool   `toml:"regex"`
	// Suggest is the preferred wording; empty means the phrase is banned.
	// In a regex rule it may use the expression's groups ($1, ${name}).
	Suggest string `toml:"suggest"`
	// Message says why, in the writer's terms.
	Message string `toml:"message"`
	// Severity is "error", "warning" (the default) or "info".
	Severity string `toml:"severity"`
	// Kinds limits the rule to pages of these kinds (all when empty).
	Kinds []string `toml:"kinds"`
}

// VoiceSeverities are the severities a voice rule may have.
func VoiceSeverities() []string { return []string{"error", "warning", "info"} }

// VoiceKinds are the page kinds a voice rule may be limited to: the kinds
// a page may declare, plus "section" (a folder's _index.md) and "home".
func VoiceKinds() []string {
	return []string{"page", "objection", "closing-tool", "term", "persona", "play", "brand", "section", "home"}
}

// Pattern returns the regular expression (Go syntax, without flags) that
// finds the rule's phrase: Find itself when Regex is set, else the phrase
// quoted, with spaces matching any run of white space and an apostrophe
// matching a typographic one too. It reports a Find that is empty, not a
// valid expression, matches empty text, or uses anchors (^, $, \A, \z,
// \b, \B: a rule always matches whole words, anywhere in a text).
func (r VoiceRule) Pattern() (string, error) {
	find := strings.TrimSpace(r.Find)
	if find == "" {
		return "", errors.New(`find is empty: write the word or phrase to look for, like "utilize"`)
	}
	if !r.Regex {
		words := strings.Fields(find)
		for i, w := range words {
			words[i] = strings.NewReplacer("'", "['’]", "’", "['’]").Replace(regexp.QuoteMeta(w))
		}
		return strings.Join(words, `\s+`), nil
	}
	re, err := syntax.Parse(find, syntax.Perl)
	if err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			return "", fmt.Errorf("find %q is not a valid regular expression: %s: %s", find, se.Code, se.Expr)
		}
		return "", fmt.Errorf("find %q is not a valid regular expression: %v", find, err)
	}
	if hasAnchor(re) {
		return "", fmt.Errorf(`find %q uses ^, $, \A, \z, \b or \B: leave them out, since a rule matches whole words anywhere in a text`, find)
	}
	compiled, err := regexp.Compile(find)
	if err != nil {
		return "", fmt.Errorf("find %q is not a usable regular expression: %v", find, err)
	}
	if compiled.MatchString("") {
		return "", fmt.Errorf("find %q matches empty text, so it would match everywhere: make at least one part required (\"discounts?\", not \"(discount)?\")", find)
	}
	return find, nil
}

// hasAnchor reports whether a parsed expression holds a line, text or
// word boundary assertion.
func hasAnchor(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if hasAnchor(sub) {
			return true
		}
	}
	return false
}

// Brand declares the brand colours and fonts once, for swatches and specimens.
type Brand struct {
	Colours []Colour `toml:"colours"`
	Colors  []Colour `toml:"colors"` // American spelling, merged into Colours
	Fonts   []Font   `toml:"fonts"`
	// Pairs are colour combinations the brand uses for text on a
	// background; `playbook check` holds them to WCAG AA contrast.
	Pairs []ColourPair `toml:"pairs"`
}

// ColourPair names two brand colours used together, text on background.
type ColourPair struct {
	Text       string `toml:"text"`
	Background string `toml:"background"`
	Large      bool   `toml:"large"` // large text only (AA asks 3:1 rather than 4.5:1)
}

// Colour is one brand colour.
type Colour struct {
	Name  string `toml:"name"`
	Hex   string `toml:"hex"`
	Usage string `toml:"usage"`
}

// Font is one brand typeface.
type Font struct {
	Name   string `toml:"name"`
	Role   string `toml:"role"`
	Stack  string `toml:"stack"`
	Sample string `toml:"sample"`
}

// Markdown holds rendering options.
type Markdown struct {
	// RawHTML is what happens to HTML written in markdown: "safe" (the
	// default: an allowlist of tags and attributes, as on GitHub),
	// "escape" (shown as text) or "unsafe" (passed through as written).
	RawHTML string `toml:"raw_html"`
	// UnsafeHTML is the older setting: true is raw_html = "unsafe", false
	// is "escape". Load folds it into RawHTML.
	UnsafeHTML     bool   `toml:"unsafe_html"`
	HighlightLight string `toml:"highlight_light"` // chroma style for light mode
	HighlightDark  string `toml:"highlight_dark"`  // chroma style for dark mode
	// MaxNesting is how deep lists, quotes and footnotes may nest in a
	// page (0: the default, 64); see limits.go.
	MaxNesting int `toml:"max_nesting"`
	// MaxPageSize is the largest page file, 5000000 or "5MB" (0: the
	// default, 5 MB); see limits.go.
	MaxPageSize Size `toml:"max_page_size"`
	// MaxTableCells is how many table cells (columns × rows) a page's
	// tables may have together (0: the default, 100,000); see limits.go.
	MaxTableCells int `toml:"max_table_cells"`
}

// ObjectionSettings configures objection categories.
type ObjectionSettings struct {
	Categories []string `toml:"categories"`
}

// DefaultCategories are the objection categories when the config sets none.
func DefaultCategories() []string {
	return []string{"price", "timing", "competitor", "authority", "need", "risk"}
}

// DefaultStages are the deal stages when the config sets none.
func DefaultStages() []string {
	return []string{"discovery", "qualification", "proposal", "negotiation", "closing"}
}

var (
	fontStackRe = regexp.MustCompile(`^[A-Za-z0-9 ,'"._-]+$`)
	languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// ValidFontStack reports whether a CSS font-family list holds only font
// names, quotes (balanced), commas and spaces, so it is safe in a style
// attribute.
func ValidFontStack(stack string) bool {
	return fontStackRe.MatchString(stack) && strings.Count(stack, "'")%2 == 0 && strings.Count(stack, `"`)%2 == 0
}

// Load reads and validates root/playbook.toml. Problems come back as
// diagnostics (see diag.From) naming the line.
func Load(root string) (*Config, error) {
	path := filepath.Join(root, FileName)
	src, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, diag.List{{File: FileName, Severity: diag.Error, Rule: "config",
				Message: fmt.Sprintf("no %s in %s: is this a playbook folder? (`playbook new` creates one; `playbook import` converts an existing handbook)", FileName, root)}}.Err()
		}
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return Parse(src)
}

// LoadAll is Load for `playbook check`, which reports every problem at
// once: the configuration comes back, with its problems, whenever the file
// could be decoded at all. Values found wrong are replaced by their
// defaults, so that the rest of the playbook can still be checked.
func LoadAll(root string) (*Config, diag.List, error) {
	src, err := os.ReadFile(filepath.Join(root, FileName))
	if err != nil {
		c, err := Load(root) // the same messages as a build
		list, _ := diag.From(err)
		return c, list, nil
	}
	c, diags := parse(src)
	return c, diags, nil
}

// Parse validates a playbook.toml held in memory.
func Parse(src []byte) (*Config, error) {
	c, diags := parse(src)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// parse decodes and validates src. The config is nil only when the file
// could not be decoded; otherwise wrong values are reported and replaced
// by their defaults.
func parse(src []byte) (*Config, diag.List) {
	var c Config
	var diags diag.List
	var raw map[string]any
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := parseErrorPos(src, pe)
			diags.Errorf(FileName, line, col, "config", "invalid TOML: %s", pe.Message)
			return nil, diags
		}
		diags.Errorf(FileName, 0, 0, "config", "%v", err)
		return nil, diags
	}
	lines := tomlpos.Scan(src)
	c.lines = lines
	var typeDiags diag.List
	c.dropped = decodeTyped(&c, raw, src, lines, &typeDiags)
	// The typed decoder recorded each key it set under its setting's
	// name, whatever its case ([Menu] Per_Page).
	defined := func(key ...string) bool {
		k := strings.Join(key, ".")
		_, set := lines[k]
		return set && !c.dropped[k]
	}
	for _, k := range md.Keys() {
		if len(k) == 2 && strings.EqualFold(k[0], "owners") && c.HasOwner(k[1]) {
			c.OwnerOrder = append(c.OwnerOrder, k[1])
		}
	}
	if c.BaseURL != "" {
		if err := CheckBaseURL(c.BaseURL); err != nil {
			errorAt(&diags, lines.FindPos("base_url"), "config", "base_url: %v", err)
		}
	}
	if !defined("menu", "per_page") {
		c.Menu.PerPage = DefaultPerPage
	}
	c.resolveRawHTML(defined("markdown", "unsafe_html"), &diags, lines)
	c.applyDefaults()
	c.validate(&diags, lines)
	c.Markdown.checkLimits(&diags, lines)
	diags = append(typeDiags, notRepeated(diags, typeDiags)...)
	diags.Sort()
	if diags.HasErrors() {
		c.replaceWrongValues()
	}
	return &c, diags
}

// parseErrorPos is where a syntax error is. BurntSushi/toml counts the
// line one short for an error at the end of the file ("a = \"\\" is at
// line 0), so the line and column are counted from its byte offset.
func parseErrorPos(src []byte, pe toml.ParseError) (line, col int) {
	start := pe.Position.Start
	if start < 0 || start > len(src) {
		return pe.Position.Line, pe.Position.Col
	}
	before := src[:start]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[lineStart:]) + 1
}

// notRepeated leaves out the later checks' problems on a line whose value
// was already reported as the wrong type: a value left out reads as
// missing ("name is required"), which is the same problem said worse.
// Lines are comparable because the typed decoder recorded where each key
// is, also inside inline tables and in other case, for later checks.
func notRepeated(later, typeErrs diag.List) diag.List {
	lines := map[int]bool{}
	for _, d := range typeErrs {
		lines[d.Line] = true
	}
	var out diag.List
	for _, d := range later {
		if !lines[d.Line] {
			out = append(out, d)
		}
	}
	return out
}

// replaceWrongValues puts defaults in place of values validate refused, so
// that a config with errors can still be used to check the content.
func (c *Config) replaceWrongValues() {
	def, _ := parse(nil)
	if _, err := ParseDuration(c.Review.Every); err != nil {
		c.Review.Every = def.Review.Every
	}
	if CheckBaseURL(c.BaseURL) != nil {
		c.BaseURL = def.BaseURL
	}
	if !languageTag.MatchString(c.Language) {
		c.Language = def.Language
	}
	if _, ok := styles.Registry[c.Markdown.HighlightLight]; !ok {
		c.Markdown.HighlightLight = def.Markdown.HighlightLight
	}
	if _, ok := styles.Registry[c.Markdown.HighlightDark]; !ok {
		c.Markdown.HighlightDark = def.Markdown.HighlightDark
	}
	if c.Menu.PerPage < 1 {
		c.Menu.PerPage = DefaultPerPage
	}
	if _, err := path.Match(c.Versions.Tags, ""); err != nil {
		c.Versions.Tags = DefaultVersionTags
	}
	if c.Feedback.Provider != "github" && c.Feedback.Provider != "gitlab" {
		c.Feedback.Provider = ""
	}
	if c.Versions.Order != "date" {
		c.Versions.Order = "name"
	}
	for rule, v := range c.Check.Severity {
		if l, err := diag.ParseLevel(v); err != nil || diag.CheckLevel(rule, l) != nil {
			delete(c.Check.Severity, rule)
		}
	}
	if b := path.Clean(filepath.ToSlash(c.Check.Baseline)); c.Check.Baseline != "" && (path.IsAbs(b) || filepath.IsAbs(c.Check.Baseline) || b == "." || b == ".." || strings.HasPrefix(b, "../")) {
		c.Check.Baseline = ""
	}
	switch c.Content.UnknownFields {
	case UnknownWarning, UnknownError, UnknownIgnore:
	default:
		c.Content.UnknownFields = UnknownWarning
	}
}

// rawHTMLModes are the values of markdown.raw_html, the default first.
func rawHTMLModes() []string { return []string{"safe", "escape", "unsafe"} }

// resolveRawHTML folds the older markdown.unsafe_html into raw_html and
// checks the value; a wrong value is reported and replaced by the default.
func (c *Config) resolveRawHTML(unsafeSet bool, diags *diag.List, lines tomlpos.Lines) {
	m := &c.Markdown
	if !slices.Contains(rawHTMLModes(), m.RawHTML) && m.RawHTML != "" {
		errorAt(diags, lines.FindPos("markdown", "raw_html"), "config", "markdown.raw_html %q: use \"safe\" (allowed tags and attributes, as on GitHub), \"escape\" (show HTML as text) or \"unsafe\" (pass it through)%s", m.RawHTML, diag.DidYouMean(m.RawHTML, rawHTMLModes()))
		m.RawHTML = ""
	}
	if unsafeSet {
		old := "escape"
		if m.UnsafeHTML {
			old = "unsafe"
		}
		if m.RawHTML != "" && (m.RawHTML == "unsafe") != m.UnsafeHTML {
			errorAt(diags, lines.FindPos("markdown", "unsafe_html"), "config", "markdown.unsafe_html = %v contradicts raw_html = %q: remove unsafe_html, the older name for raw_html = %q", m.UnsafeHTML, m.RawHTML, old)
		} else if m.RawHTML == "" {
			m.RawHTML = old
		}
	}
	if m.RawHTML == "" {
		m.RawHTML = rawHTMLModes()[0]
	}
	m.UnsafeHTML = m.RawHTML == "unsafe"
}

func (c *Config) applyDefaults() {
	for i := range c.Brand.Colours {
		c.colourTables = append(c.colourTables, fmt.Sprintf("colours[%d]", i))
	}
	for i := range c.Brand.Colors {
		c.colourTables = append(c.colourTables, fmt.Sprintf("colors[%d]", i))
	}
	c.Brand.Colours = append(c.Brand.Colours, c.Brand.Colors...)
	c.Brand.Colors = nil
	if c.Title == "" {
		c.Title = "Playbook"
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Repository.Branch == "" {
		c.Repository.Branch = "main"
	}
	if c.Review.Every == "" {
		c.Review.Every = "180d"
	}
	if len(c.Objections.Categories) == 0 {
		c.Objections.Categories = DefaultCategories()
	}
	if len(c.Stages) == 0 {
		c.Stages = DefaultStages()
	}
	if c.Markdown.HighlightLight == "" {
		c.Markdown.HighlightLight = "github"
	}
	if c.Markdown.HighlightDark == "" {
		c.Markdown.HighlightDark = "github-dark"
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if c.Versions.Tags == "" {
		c.Versions.Tags = DefaultVersionTags
	}
	if c.Versions.Latest == "" {
		c.Versions.Latest = "Latest"
	}
	if c.Versions.Order == "" {
		c.Versions.Order = "name"
	}
	if c.Content.UnknownFields == "" {
		c.Content.UnknownFields = UnknownWarning
	}
	if c.Feedback.Labels.Worked == "" {
		c.Feedback.Labels.Worked = "feedback: worked"
	}
	if c.Feedback.Labels.NotWorked == "" {
		c.Feedback.Labels.NotWorked = "feedback: didn't work"
	}
	for i := range c.Voice {
		if c.Voice[i].Severity == "" {
			c.Voice[i].Severity = "warning"
		}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
}

func (c *Config) validate(diags *diag.List, lines tomlpos.Lines) {
	if _, err := ParseDuration(c.Review.Every); err != nil {
		errorAt(diags, lines.FindPos("review", "every"), "config", "review.every: %v", err)
	}
	if u := c.Repository.URL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errorAt(diags, lines.FindPos("repository", "url"), "config", "repository.url %q must be a full address, like \"https://github.com/org/playbook\"", u)
	}
	if _, err := path.Match(c.Versions.Tags, ""); err != nil {
		errorAt(diags, lines.FindPos("versions", "tags"), "config", "versions.tags %q is not a valid pattern: use a glob like \"v*\" or \"2026-Q?\"", c.Versions.Tags)
	}
	switch c.Versions.Order {
	case "", "name", "date":
	default:
		errorAt(diags, lines.FindPos("versions", "order"), "config", "versions.order %q: use \"name\" (v3.9 before v3.10) or \"date\" (of the tagged commits)%s", c.Versions.Order, diag.DidYouMean(c.Versions.Order, []string{"name", "date"}))
	}
	switch c.Feedback.Provider {
	case "", "github", "gitlab":
	default:
		errorAt(diags, lines.FindPos("feedback", "provider"), "config", "feedback.provider %q: use \"github\" or \"gitlab\", or set feedback.url to a new-issue address template%s", c.Feedback.Provider, diag.DidYouMean(c.Feedback.Provider, []string{"github", "gitlab"}))
	}
	if u := c.Feedback.URL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errorAt(diags, lines.FindPos("feedback", "url"), "config", "feedback.url %q must be a full address, like \"https://github.com/org/playbook/issues/new?title={title}&body={body}\"", u)
	}
	if u := c.Content.UnknownFields; u != UnknownWarning && u != UnknownError && u != UnknownIgnore {
		levels := []string{UnknownWarning, UnknownError, UnknownIgnore}
		errorAt(diags, lines.FindPos("content", "unknown_fields"), "config", "content.unknown_fields %q: use \"warning\", \"error\" or \"ignore\"%s", u, diag.DidYouMean(u, levels))
	}
	for _, dir := range c.Content.Publish {
		if clean := path.Clean(strings.TrimPrefix(dir, "content/")); dir == "" || path.IsAbs(dir) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
			errorAt(diags, lines.FindPos("content", "publish"), "config", "content.publish %q: name a folder inside content/, like \".gitbook/assets\"", dir)
		}
	}
	if c.Menu.PerPage < 1 {
		errorAt(diags, lines.FindPos("menu", "per_page"), "config", "menu.per_page is %d: set how many cards a section page lists, like 48 (at least 1)", c.Menu.PerPage)
	}
	if !languageTag.MatchString(c.Language) {
		errorAt(diags, lines.FindPos("language"), "config", "language %q is not a language code: use one like \"en\", \"en-GB\" or \"de\"", c.Language)
	}
	for key, name := range map[string]string{"highlight_light": c.Markdown.HighlightLight, "highlight_dark": c.Markdown.HighlightDark} {
		if _, ok := styles.Registry[name]; !ok {
			errorAt(diags, lines.FindPos("markdown", key), "config", "markdown.%s: unknown highlight style %q%s; see the chroma style gallery for names", key, name, diag.DidYouMean(name, styles.Names()))
		}
	}
	for i, col := range c.Brand.Colours {
		table := c.colourTables[i]
		if col.Name == "" && !c.dropped["brand."+table+".name"] {
			errorAt(diags, lines.FindPos("brand", table), "config", "brand.%s: name is required", oneBased(table))
		}
		if !colour.Valid(col.Hex) {
			errorAt(diags, lines.FindPos("brand", table, "hex"), "config", "brand colour %q: hex %q is not a colour like \"#0B4F8A\"", col.Name, col.Hex)
		}
	}
	var names []string
	for _, col := range c.Brand.Colours {
		names = append(names, col.Name)
	}
	for i, pair := range c.Brand.Pairs {
		for key, name := range map[string]string{"text": pair.Text, "background": pair.Background} {
			if _, ok := c.Colour(name); !ok {
				errorAt(diags, lines.FindPos("brand", fmt.Sprintf("pairs[%d]", i), key), "config", "brand pair %d: %s %q is not a declared brand colour%s", i+1, key, name, diag.DidYouMean(name, names))
			}
		}
	}
	for i, f := range c.Brand.Fonts {
		if f.Stack != "" && !ValidFontStack(f.Stack) {
			errorAt(diags, lines.FindPos("brand", fmt.Sprintf("fonts[%d]", i), "stack"), "config", "brand font %q: stack %q may hold only font names, quotes, commas and spaces, like \"Inter, 'Segoe UI', sans-serif\"", f.Name, f.Stack)
		}
	}
	for i, group := range c.Search.Synonyms {
		pos := lines.FindPos("search", "synonyms")
		if len(group) < 2 {
			errorAt(diags, pos, "config", "search.synonyms group %d has %d entries: list two or more words that mean the same, like [\"ROI\", \"return on investment\"]", i+1, len(group))
		}
		for _, w := range group {
			if strings.TrimSpace(w) == "" {
				errorAt(diags, pos, "config", "search.synonyms group %d has an empty entry: remove it", i+1)
			}
		}
	}
	c.validateVoice(diags, lines)
	c.validateCheck(diags, lines)
	for id, o := range c.Owners {
		if o.Name == "" && !c.dropped["owners."+id+".name"] {
			errorAt(diags, lines.FindPos("owners", id), "config", "owners.%s: name is required (the display name, e.g. %q)", id, "Marketing")
		}
		if o.Team != "" && !strings.HasPrefix(o.Team, "@") {
			errorAt(diags, lines.FindPos("owners", id, "team"), "config", "owners.%s.team %q must be a handle starting with @ (e.g. \"@org/team\")", id, o.Team)
		}
	}
}

// validateVoice checks each [[voice]] rule, pointing at the key at fault.
func (c *Config) validateVoice(diags *diag.List, lines tomlpos.Lines) {
	kinds := VoiceKinds()
	for i, r := range c.Voice {
		table := fmt.Sprintf("voice[%d]", i)
		name := fmt.Sprintf("voice rule %d", i+1)
		if f := strings.TrimSpace(r.Find); f != "" {
			name += fmt.Sprintf(" (%q)", f)
		}
		if _, err := r.Pattern(); err != nil {
			errorAt(diags, lines.FindPos(table, "find"), "config", "%s: %v", name, err)
		} else if !r.Regex && r.Suggest != "" && strings.EqualFold(strings.Join(strings.Fields(r.Find), " "), strings.Join(strings.Fields(r.Suggest), " ")) {
			errorAt(diags, lines.FindPos(table, "suggest"), "config", "%s: suggest is the same as find, so the rule would flag the preferred wording: suggest a different phrase, or leave suggest out to ban it", name)
		}
		if r.Severity != "" && !slices.Contains(VoiceSeverities(), r.Severity) {
			errorAt(diags, lines.FindPos(table, "severity"), "config", "%s: severity %q is not one of: %s%s", name, r.Severity, strings.Join(VoiceSeverities(), ", "), diag.DidYouMean(r.Severity, VoiceSeverities()))
		}
		for _, k := range r.Kinds {
			if !slices.Contains(kinds, k) {
				errorAt(diags, lines.FindPos(table, "kinds"), "config", "%s: kind %q is not a page kind: use one of %s%s", name, k, strings.Join(kinds, ", "), diag.DidYouMean(k, kinds))
			}
		}
	}
}

// validateCheck checks [check]: each severity names a known rule and a
// level it may have, and the baseline is a path inside the playbook.
func (c *Config) validateCheck(diags *diag.List, lines tomlpos.Lines) {
	rules := make([]string, 0, len(c.Check.Severity))
	for rule := range c.Check.Severity {
		rules = append(rules, rule)
	}
	slices.Sort(rules)
	for _, rule := range rules {
		pos := lines.FindPos("check", "severity", rule)
		if pos.Line == 0 {
			pos = lines.FindPos("check", "severity")
		}
		level, err := diag.ParseLevel(c.Check.Severity[rule])
		if err == nil {
			err = diag.CheckLevel(rule, level)
		}
		if err != nil {
			errorAt(diags, pos, "config", "check.severity.%s: %v", rule, err)
		}
	}
	if b := c.Check.Baseline; b != "" {
		clean := path.Clean(filepath.ToSlash(b))
		if path.IsAbs(clean) || filepath.IsAbs(b) || clean == ".." || strings.HasPrefix(clean, "../") || clean == "." {
			errorAt(diags, lines.FindPos("check", "baseline"), "config", "check.baseline %q must be a file inside the playbook folder, like %q", b, ".playbook-baseline.json")
		}
	}
}

// CheckBaseURL checks a base URL: a full http(s) address with a host, or a
// path starting with "/", without spaces, query or fragment.
func CheckBaseURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || strings.ContainsAny(raw, " \t"):
		return fmt.Errorf("%q is not a URL: write it like \"https://example.github.io/playbook/\" or \"/playbook/\"", raw)
	case u.Scheme == "" && !strings.HasPrefix(raw, "/"):
		return fmt.Errorf("%q must start with https://, http:// or /, like \"https://example.github.io/playbook/\"", raw)
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%q: use an http:// or https:// address", raw)
	case u.Scheme != "" && u.Host == "":
		return fmt.Errorf("%q has no host name", raw)
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("%q must not have a query or fragment", raw)
	}
	return nil
}

// oneBased names an array-of-tables entry ("colours[0]", as tomlpos keys
// it) as messages count them, from 1 ("colours[1]").
func oneBased(table string) string {
	name, index, ok := strings.Cut(strings.TrimSuffix(table, "]"), "[")
	n, err := strconv.Atoi(index)
	if !ok || err != nil {
		return table
	}
	return fmt.Sprintf("%s[%d]", name, n+1)
}

// errorAt records a config error at a key's position.
func errorAt(diags *diag.List, pos tomlpos.Pos, rule, format string, args ...any) {
	diags.Errorf(FileName, pos.Line, pos.Col, rule, format, args...)
}

// Colour returns the brand colour with a name.
func (c *Config) Colour(name string) (Colour, bool) {
	for _, col := range c.Brand.Colours {
		if col.Name == name {
			return col, true
		}
	}
	return Colour{}, false
}

// HasOwner reports whether id is a declared owner.
func (c *Config) HasOwner(id string) bool {
	_, ok := c.Owners[id]
	return ok
}

// OwnerIDs returns declared owner ids in declaration order.
func (c *Config) OwnerIDs() []string {
	if len(c.OwnerOrder) == len(c.Owners) {
		return c.OwnerOrder
	}
	ids := make([]string, 0, len(c.Owners))
	for id := range c.Owners {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
