package baseline

import (
	"io/fs"
	"path"
	"path/filepath"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Policy is how strict a playbook is: the severity it sets per rule
// ([check] severity), then its baseline. Build, serve and check apply the
// same policy, each diagnostic exactly once, before deciding whether
// errors stop them.
type Policy struct {
	Levels   map[string]diag.Level // by rule; rules left out keep their severity
	Baseline *Baseline             // nil: no baseline
}

// NewPolicy makes the policy of a playbook from its [check] severity
// settings (already validated by config: values that do not parse, or
// that would lower a rule that cannot be lowered, are ignored) and its
// baseline (nil for none).
func NewPolicy(severity map[string]string, b *Baseline) *Policy {
	p := &Policy{Levels: map[string]diag.Level{}, Baseline: b}
	for rule, v := range severity {
		l, err := diag.ParseLevel(v)
		if err == nil && diag.CheckLevel(rule, l) == nil {
			p.Levels[rule] = l
		}
	}
	return p
}

// Adjust applies the policy to list: each rule's severity, dropping the
// rules set off, then the baseline, which marks known problems. It is
// idempotent, so applying it to a list some of which was adjusted already
// changes nothing there. A nil policy changes nothing.
func (p *Policy) Adjust(list diag.List) diag.List {
	out, _ := p.AdjustSummary(list)
	return out
}

// AdjustSummary is Adjust, also saying how the list compared with the
// baseline.
func (p *Policy) AdjustSummary(list diag.List) (diag.List, Summary) {
	if p == nil {
		return list, Summary{}
	}
	if len(p.Levels) > 0 {
		out := make(diag.List, 0, len(list))
		for _, d := range list {
			if l, ok := p.Levels[d.Rule]; ok && !d.Known {
				if l.Off {
					continue
				}
				d.Severity = l.Severity
			}
			out = append(out, d)
		}
		list = out
	}
	return p.Baseline.Apply(list)
}

// File is the baseline's path in the playbook folder, or "".
func (p *Policy) File() string {
	if p == nil || p.Baseline == nil {
		return ""
	}
	return p.Baseline.File
}

// FileName is the baseline file cfg names ([check] baseline), or
// DefaultFile, with forward slashes, relative to the playbook folder.
func FileName(cfg *config.Config) string {
	if cfg == nil || cfg.Check.Baseline == "" {
		return DefaultFile
	}
	return path.Clean(filepath.ToSlash(cfg.Check.Baseline))
}

// ForConfig loads the policy of the playbook at root: cfg's severities
// and its baseline file. A baseline that cannot be read is an error.
func ForConfig(cfg *config.Config, root string) (*Policy, error) {
	b, err := Load(root, FileName(cfg))
	if err != nil {
		return nil, err
	}
	return NewPolicy(cfg.Check.Severity, b), nil
}

// ForConfigFS is ForConfig for a playbook read from fsys.
func ForConfigFS(cfg *config.Config, fsys fs.FS) (*Policy, error) {
	b, err := LoadFS(fsys, FileName(cfg))
	if err != nil {
		return nil, err
	}
	return NewPolicy(cfg.Check.Severity, b), nil
}
