package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// starter is a small, complete playbook: one page of each kind, valid as is.
//
//go:embed all:starter
var starter embed.FS

// Playbook creates a new playbook in dir, which must not exist or be empty,
// and returns the files it wrote (relative to dir).
func Playbook(dir, title string, today time.Time) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, &UsageError{fmt.Sprintf("%s is not empty: choose a new folder for the playbook", dir)}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	if title == "" {
		title = "Playbook"
	}
	replacer := strings.NewReplacer("{{TITLE}}", strings.ReplaceAll(title, `"`, `\"`), "{{TODAY}}", today.Format("2006-01-02"))
	var written []string
	err := fs.WalkDir(starter, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := starter.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "starter/")
		dest := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", filepath.Dir(dest), err)
		}
		if err := os.WriteFile(dest, []byte(replacer.Replace(string(b))), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", dest, err)
		}
		written = append(written, rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return written, nil
}
