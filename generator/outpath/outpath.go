// Package outpath is the one place that decides whether the files a build
// writes fit together. Every file of a built site (a page's index.html, a
// list page, an old address's redirect, a static or content file, and the
// build's own files: 404.html, the sitemap, the search index, the offline
// files, the versions pages) is claimed here with the playbook file it
// comes from, before anything is written. Two claims collide when
//
//   - they are one path;
//   - one is a file where the other needs a folder (a page content/index.html.md
//     needs the folder index.html/, where the home page's file is);
//   - one lies in a folder the build keeps whole for itself (search/, v/);
//   - they differ only in upper and lower case, or in how accented letters
//     are encoded (Unicode NFC and NFD): macOS and Windows, and web servers
//     on them, take the two for one name, so a checkout or a deploy there
//     loses one of the files.
//
// Each collision is reported at the playbook files behind it (the build's
// own files are named in the message), so `playbook check`, `serve` and
// `build` give the same answer.
package outpath

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/playbook-ssg/playbook/generator/diag"
)

// Rule is the diagnostic rule of every collision.
const Rule = "duplicate-url"

// Source is where a claimed path comes from.
type Source struct {
	// File is the playbook file the path comes from ("content/a.md",
	// "static/logo.svg"); "" for a file the build makes itself, which
	// never moves: the other claimant must.
	File      string
	Line, Col int
	// Subject names the claim as the sentence's subject: "the URL /a/",
	// "old address /old/", "/logo.svg".
	Subject string
	// What names the claim as the other party: "the page content/a.md",
	// "the site's sitemap".
	What string
	// Fix says what to do when this claim has to give way: "rename or
	// move this page".
	Fix string
	// Weight says which of two colliding claims gives way: only the
	// lighter is reported (an old address gives way to a file, a file to
	// a long section's list page); two of one weight are both reported.
	Weight int
	// Redirect marks an old address's redirect to the page File: two
	// redirects to one page write the same file, so they never collide,
	// and one that differs from the page's own address only in case is
	// a warning (it works on the case-sensitive hosts most sites use).
	Redirect bool
}

// claim is one claimed path.
type claim struct {
	path string // as written, slash-separated under the site root
	key  string // Fold of path
	tree bool   // a folder with everything under it (path ends in "/")
	src  Source
}

// Table holds the claimed paths of one build. The zero value is not
// usable; make one with New.
type Table struct {
	files    map[string]*claim // by Fold of the path
	dirs     map[string]*claim // by Fold of a folder (no trailing slash): the first claim under it
	trees    []*claim
	problems diag.List
}

// New returns an empty table.
func New() *Table {
	return &Table{files: map[string]*claim{}, dirs: map[string]*claim{}}
}

// Fold is the form under which two names are one on a case-insensitive,
// normalising file system: Unicode NFC, then case folding.
func Fold(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return cases.Fold().String(norm.NFC.String(name))
		}
	}
	return strings.ToLower(name) // ASCII, the usual case: the same, faster
}

// SameName explains how two different names that Fold to one differ,
// as a clause: "only in upper and lower case".
func SameName(a, b string) string {
	switch {
	case norm.NFC.String(a) == norm.NFC.String(b):
		return "only in how accented letters are encoded (Unicode NFC and NFD)"
	case norm.NFC.IsNormalString(a) && norm.NFC.IsNormalString(b):
		return "only in upper and lower case"
	}
	return "only in upper and lower case and in how accented letters are encoded (Unicode NFC and NFD)"
}

// Spelled is name as a message shows it: with "(NFD)" when its accented
// letters are not in the usual form (NFC), since the two look alike.
func Spelled(name string) string {
	if norm.NFC.IsNormalString(name) {
		return name
	}
	return name + " (NFD)"
}

// Tree claims the folder dir (ending in "/") and everything under it.
// Claim trees before files: a tree checks the files claimed so far.
func (t *Table) Tree(dir string, src Source) {
	c := &claim{path: dir, key: Fold(dir), tree: true, src: src}
	key := strings.TrimSuffix(c.key, "/")
	if f := t.files[key]; f != nil {
		t.collide(c, f, under)
	}
	if d := t.dirs[key]; d != nil {
		t.collide(d, c, inTree)
	}
	t.trees = append(t.trees, c)
}

// Claim claims the file at name (slash-separated under the site root) and
// reports a collision with what is claimed already. A second claim on a
// path is not recorded; the first stays the path's owner.
func (t *Table) Claim(name string, src Source) {
	key := Fold(name)
	c := &claim{path: name, key: key, src: src}
	for _, tr := range t.trees {
		if k := tr.key; strings.HasPrefix(key, k) || key+"/" == k {
			t.collide(c, tr, inTree)
			return
		}
	}
	if f := t.files[key]; f != nil {
		t.collide(c, f, same)
		return
	}
	if d := t.dirs[key]; d != nil {
		t.collide(d, c, under)
		return
	}
	for dir := parent(key); dir != ""; dir = parent(dir) {
		if f := t.files[dir]; f != nil {
			t.collide(c, f, under)
			return
		}
	}
	t.files[key] = c
	for dir := parent(key); dir != ""; dir = parent(dir) {
		if t.dirs[dir] != nil {
			break
		}
		t.dirs[dir] = c
	}
}

// Problems returns every collision found so far, in the order found.
func (t *Table) Problems() diag.List { return t.problems }

// parent is the folder of a slash-separated path, "" at the top.
func parent(p string) string {
	if i := strings.LastIndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return ""
}

// how two claims collide.
type relation int

const (
	same   relation = iota // one path
	under                  // a's path needs a folder where b is a file
	inTree                 // a lies in the folder b keeps whole
)

// collide reports a collision between a and b at each side's file.
func (t *Table) collide(a, b *claim, rel relation) {
	// Two files of content/ that are one name on macOS and Windows are
	// reported once, where content/ is walked (content.Load).
	if a.src.File != b.src.File && Fold(a.src.File) == Fold(b.src.File) && strings.HasPrefix(a.src.File, "content/") {
		return
	}
	if a.src.File == b.src.File && rel == same && (a.src.Redirect || b.src.Redirect) {
		switch {
		case a.src.Redirect && b.src.Redirect:
			return // the same redirect twice
		case a.path != b.path && a.src.Redirect:
			t.problems = append(t.problems, ownAddress(a, b))
			return
		case a.path != b.path:
			t.problems = append(t.problems, ownAddress(b, a))
			return
		}
	}
	if a.src.File != "" && (b.src.File == "" || a.src.Weight <= b.src.Weight) {
		t.problems = append(t.problems, message(a, b, rel))
	}
	if b.src.File != "" && rel != inTree && (a.src.File == "" || b.src.Weight <= a.src.Weight) {
		back := rel
		if rel == under {
			back = over
		}
		t.problems = append(t.problems, message(b, a, back))
	}
}

// over is under seen from the other side: a is a file where b needs a
// folder.
const over relation = 3

// message is the diagnostic at a's file about its collision with b.
func message(a, b *claim, rel relation) diag.Diagnostic {
	var msg string
	switch rel {
	case inTree:
		msg = fmt.Sprintf("%s belongs to %s", a.src.Subject, b.src.What)
	case same:
		switch {
		case a.path != b.path:
			msg = fmt.Sprintf("%s differs from the address of %s %s, and macOS and Windows take the two for one name, so one is lost there", Spelled(a.src.Subject), Spelled(b.src.What), SameName(a.path, b.path))
		case b.src.File == "":
			msg = fmt.Sprintf("%s belongs to %s", a.src.Subject, b.src.What)
		default:
			msg = fmt.Sprintf("%s is also the address of %s", a.src.Subject, b.src.What)
		}
	case under: // a needs a folder where b is a file
		dir := ancestor(a.path, b.path)
		msg = fmt.Sprintf("%s needs the folder /%s/, but /%s is already a file: %s", a.src.Subject, dir, b.path, b.src.What)
		if dir != b.path {
			msg = fmt.Sprintf("%s needs the folder /%s/, but /%s, the file of %s, differs from it %s, and macOS and Windows take the two for one name", a.src.Subject, dir, b.path, b.src.What, SameName(dir, b.path))
		}
	default: // over: a is a file where b needs a folder
		dir := ancestor(b.path, a.path)
		msg = fmt.Sprintf("%s is a file where %s needs the folder /%s/", a.src.Subject, b.src.What, dir)
	}
	return diag.Diagnostic{File: a.src.File, Line: a.src.Line, Col: a.src.Col, Severity: diag.Error, Rule: Rule, Message: msg + ": " + a.src.Fix}
}

// ownAddress is the warning at redirect r, whose address differs from
// its own page p's only in case or Unicode form: hosts that tell the two
// apart need the redirect, but a build on macOS or Windows writes both
// into one folder and the redirect replaces the page.
func ownAddress(r, p *claim) diag.Diagnostic {
	msg := fmt.Sprintf("%s differs from this page's own address /%s %s: it works on hosts that tell them apart (GitHub Pages, Netlify, S3), but a build on macOS or Windows writes both into one folder and the redirect replaces the page; remove the alias if you build there",
		Spelled(r.src.Subject), strings.TrimSuffix(p.path, "index.html"), SameName(r.path, p.path))
	return diag.Diagnostic{File: r.src.File, Line: r.src.Line, Col: r.src.Col, Severity: diag.Warning, Rule: Rule, Message: msg}
}

// ancestor is the folder of path p (as p spells it) that folds to what
// file folds to. Case folding and NFC never cross a "/", so it is the
// folder with as many parts as file.
func ancestor(p, file string) string {
	n := strings.Count(file, "/") + 1
	parts := strings.SplitN(p, "/", n+1)
	return strings.Join(parts[:min(n, len(parts))], "/")
}
