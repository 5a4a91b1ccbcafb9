package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/importer/convert"
)

// Kind names the tool a handbook was written for: the same names as the
// sources page bodies are converted from.
type Kind = convert.Source

// The kinds Import knows.
const (
	Hugo       = convert.Hugo
	Docusaurus = convert.Docusaurus
	MkDocs     = convert.MkDocs
	GitBook    = convert.GitBook
	MdBook     = convert.MdBook
	Jekyll     = convert.Jekyll
	Plain      = convert.Plain
)

// Kinds returns every kind, in the order Detect tries them.
func Kinds() []Kind {
	return []Kind{Hugo, Docusaurus, MkDocs, MdBook, GitBook, Jekyll, Plain}
}

// ParseKind reads a kind given on the command line.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Kinds(), k) {
		return k, nil
	}
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return "", fmt.Errorf("unknown source %q: use one of %s", s, strings.Join(names, ", "))
}

// Detect tells which tool the handbook in dir was written for, from its
// marker files, and says why (for the summary: "hugo.toml and content/").
func Detect(dir string) (kind Kind, why string) {
	has := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		return err == nil
	}
	isDir := func(name string) bool {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		return err == nil && fi.IsDir()
	}
	for _, cfg := range []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml"} {
		if has(cfg) && isDir("content") {
			return Hugo, cfg + " and content/"
		}
	}
	for _, cfg := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"} {
		if has(cfg) {
			return Docusaurus, cfg
		}
	}
	for _, cfg := range []string{"mkdocs.yml", "mkdocs.yaml"} {
		if has(cfg) {
			return MkDocs, cfg
		}
	}
	if has("book.toml") {
		return MdBook, "book.toml"
	}
	if has(".gitbook.yaml") {
		return GitBook, ".gitbook.yaml"
	}
	if isDir(".gitbook") && has("SUMMARY.md") {
		return GitBook, "SUMMARY.md and .gitbook/"
	}
	if has("SUMMARY.md") {
		return GitBook, "SUMMARY.md"
	}
	if has("_config.yml") || has("_config.yaml") {
		return Jekyll, "_config.yml"
	}
	return Plain, "no other tool's marker file (hugo.toml, docusaurus.config.js, mkdocs.yml, book.toml, SUMMARY.md, _config.yml)"
}

// isPage reports whether name is a markdown page of a handbook.
func isPage(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".mdx", ".markdown":
		return true
	}
	return false
}

// walkFiles lists every regular file under root, slash-separated and
// sorted, leaving out .git, and apart the symbolic links, which are never
// followed.
func walkFiles(root string) (out, links []string, err error) {
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			out = append(out, rel)
		case d.Type()&fs.ModeSymlink != 0:
			links = append(links, rel)
		}
		return nil
	})
	slices.Sort(out)
	slices.Sort(links)
	return out, links, err
}

// hasPages reports whether the folder dir holds a markdown page at any
// depth.
func hasPages(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if !d.IsDir() && isPage(d.Name()) {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
