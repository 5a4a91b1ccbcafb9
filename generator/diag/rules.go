package diag

import (
	"fmt"
	"slices"
	"strings"
)

// RuleInfo describes one rule: the name diagnostics carry in Rule, and
// whether a playbook may lower it ([check] severity) or record it in a
// baseline.
type RuleInfo struct {
	Name string
	// About says what the rule finds, for messages and docs.
	About string
	// Fixed, when not empty, says why the rule's errors stay errors: the
	// build cannot go on without the thing it reports.
	Fixed string
}

// Rules lists every rule a diagnostic can carry, sorted by name. It is the
// one list that [check] severity keys are validated against; a package
// that adds a rule adds it here.
func Rules() []RuleInfo {
	return []RuleInfo{
		{Name: "anchor", About: "a link to a heading that does not exist (page.md#x, #x)"},
		{Name: "audience", About: "an external page links to or names an internal one", Fixed: "an external build must never name or link to an internal page"},
		{Name: "build", About: "the build failed", Fixed: "nothing can be built"},
		{Name: "codeowners", About: "owners' code-host teams and the CODEOWNERS file"},
		{Name: "config", About: "playbook.toml", Fixed: "the build needs a valid playbook.toml"},
		{Name: "content", About: "a content file that cannot be a page (name, encoding, folder links)", Fixed: "the file cannot be published, so the page would silently be missing"},
		{Name: "contrast", About: "a brand colour pair below WCAG AA contrast"},
		{Name: "date", About: "a date field that is not a date (written YYYY-MM-DD); the page builds without it"},
		{Name: "duplicate-name", About: "two pages of a kind with one file name", Fixed: "relations name pages by file name, so they cannot be resolved"},
		{Name: "duplicate-url", About: "two files with one address", Fixed: "one of the files would overwrite the other"},
		{Name: "front-matter", About: "front matter that cannot be read, or fields with wrong values", Fixed: "a page whose front matter cannot be read is left out of the build"},
		{Name: "git", About: "reading the git history (shallow clone, no repository)"},
		{Name: "glossary", About: "a glossary term with two meanings"},
		{Name: "layout", About: "a playbook layout that overrides nothing"},
		{Name: "link", About: "a link to a page or file that does not exist, a draft, or a refused scheme"},
		{Name: "markdown", About: "markdown that cannot be rendered", Fixed: "the page has no body to publish"},
		{Name: "relation", About: "a relation naming no page"},
		{Name: "review", About: "a page never reviewed, overdue, or reviewed in the future"},
		{Name: "sitemap", About: "no sitemap without a full base_url"},
		{Name: "template", About: "a layout template that fails", Fixed: "pages cannot be rendered"},
		{Name: "unknown-field", About: "a front matter key that no kind knows"},
		{Name: "versions", About: "building the tagged versions"},
		{Name: "voice", About: "brand voice rules ([[voice]])"},
	}
}

// Rule returns the rule named name.
func Rule(name string) (RuleInfo, bool) {
	rules := Rules()
	i := slices.IndexFunc(rules, func(r RuleInfo) bool { return r.Name == name })
	if i < 0 {
		return RuleInfo{}, false
	}
	return rules[i], true
}

// RuleNames returns the names of Rules.
func RuleNames() []string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.Name)
	}
	return names
}

// Level is a severity a playbook sets for a rule: a Severity, or off.
type Level struct {
	Severity Severity
	Off      bool // the rule's findings are dropped
}

// Levels are the values [check] severity accepts, in the order messages
// list them.
func Levels() []string { return []string{"error", "warning", "note", "off"} }

// ParseLevel reads a [check] severity value.
func ParseLevel(s string) (Level, error) {
	switch s {
	case "error":
		return Level{Severity: Error}, nil
	case "warning":
		return Level{Severity: Warning}, nil
	case "note", "info":
		return Level{Severity: Info}, nil
	case "off":
		return Level{Off: true}, nil
	}
	return Level{}, fmt.Errorf("%q is not a severity: use one of %s%s", s, strings.Join(Levels(), ", "), DidYouMean(s, Levels()))
}

// CheckLevel says whether rule may be set to level: the rule must be
// known, and a rule whose errors stop the build cannot be lowered.
func CheckLevel(rule string, level Level) error {
	r, ok := Rule(rule)
	if !ok {
		return fmt.Errorf("unknown rule %q%s: rules are %s", rule, DidYouMean(rule, RuleNames()), strings.Join(RuleNames(), ", "))
	}
	if r.Fixed != "" && (level.Off || level.Severity != Error) {
		return fmt.Errorf("rule %q cannot be lowered: %s", rule, r.Fixed)
	}
	return nil
}
