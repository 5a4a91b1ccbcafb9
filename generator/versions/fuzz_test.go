package versions

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPathNames checks that any tag or branch name becomes a folder name
// that is one plain path segment: not empty, at most 64 bytes (and a
// clash's suffix), only ASCII letters, digits, '.', '_' and '-', no "..",
// no dot or dash at either end, not a Windows device name; the same name always gives the same
// folder, and a folder name maps to itself. pathNames gives a list of
// names distinct folders, without regard to case, and keeps a folder an
// earlier build published.
func FuzzPathNames(f *testing.F) {
	for _, s := range []string{
		"v1.2.0", "V1.2.0", "release/2026-q1", "../../etc/passwd", "..", ".", "-", "",
		"café", "cafe\u0301", "日本語", "CON", "con.txt", "lpt1.v2", "a\x00b\nc\\d",
		"v1..2", ".hidden-", strings.Repeat("x", 100), "feature/ünïcødé/Ω", "%2e%2e%2f",
	} {
		f.Add(s, "V1.2.0")
	}
	f.Fuzz(func(t *testing.T, name, other string) {
		p := safeName(name)
		if p != safeName(name) {
			t.Fatalf("%q gives two folders", name)
		}
		checkSegment(t, name, p, maxPathName)
		if safeName(p) != p {
			t.Fatalf("%q gives %q, which gives %q", name, p, safeName(p))
		}
		names := []string{name, other, strings.ToUpper(name), name}
		paths, _ := pathNames(names, nil)
		taken := map[string]bool{}
		for i, q := range paths {
			checkSegment(t, names[i], q, maxPathName+len("-99")) // a clash's suffix
			if taken[strings.ToLower(q)] {
				t.Fatalf("two names share the folder %q: %q", q, names)
			}
			taken[strings.ToLower(q)] = true
		}
		// A later build keeps the folders, even with a name added in front.
		again, _ := pathNames(append([]string{"new"}, names...), append([]string{""}, paths...))
		if !equal(again[1:], paths) && !taken[strings.ToLower(again[0])] {
			t.Fatalf("adding a version moved folders: %q, then %q", paths, again[1:])
		}
	})
}

func equal(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// checkSegment checks that p is a plain folder name of at most limit bytes.
func checkSegment(t *testing.T, name, p string, limit int) {
	t.Helper()
	if p == "" || len(p) > limit || !utf8.ValidString(p) {
		t.Fatalf("%q gives the folder %q", name, p)
	}
	for _, c := range p {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			t.Fatalf("%q gives the folder %q, with %q in it", name, p, c)
		}
	}
	if strings.Contains(p, "..") || strings.Trim(p, ".-") != p {
		t.Fatalf("%q gives the folder %q, which reads like a parent or hidden folder", name, p)
	}
	base, _, _ := strings.Cut(strings.ToUpper(p), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		t.Fatalf("%q gives %q, a device name on Windows", name, p)
	}
}
