// Package rule is what a rule of playbook check is, kept apart from check
// so that a rule can live with its own code (brand voice in voice,
// CODEOWNERS in codeowners) and check can still name it in its list.
package rule

import (
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/site"
)

// Rule is one check over a loaded playbook: it returns what it finds,
// and nothing when the playbook breaks none of it.
type Rule func(p *Playbook) diag.List

// Playbook is what rules see: the configuration, every page that could be
// read (drafts included) and the linked site a default build would make
// (nil when linking found errors).
type Playbook struct {
	Source   string // playbook folder (holds playbook.toml)
	Config   *config.Config
	Pages    []*content.Page
	Site     *site.Site
	Markdown *markdown.Renderer
	Today    time.Time // the date review status is judged on
	// Unreadable lists the pages whose front matter could not be read;
	// they are missing from Pages.
	Unreadable []string
}
