package history

import (
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
)

func TestParseLog(t *testing.T) {
	const (
		h1 = "1111111111111111111111111111111111111111"
		h2 = "2222222222222222222222222222222222222222"
		h3 = "3333333333333333333333333333333333333333"
	)
	// As git writes it: a newline between header and first status, no
	// NUL after the last path. R and C (renames, copies) carry two paths.
	// A commit that changes nothing in the folder is a bare header.
	out := "\x01" + h3 + "\x002026-04-01T08:15:00Z\x00Nobody\x00" +
		"\x01" + h2 + "\x002026-03-01T08:15:00-05:00\x00Grace\x00\nM\x00a.md\x00D\x00gone.md\x00R087\x00old.md\x00new.md\x00" +
		"\x01" + h1 + "\x002026-01-05T09:30:00+01:00\x00Ada\x00\nA\x00a.md\x00A\x00gone.md\x00A\x00\nodd.md"
	files, err := parseLog(strings.NewReader(out), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for p, c := range files {
		got[p] = c.Author + " " + c.Commit[:1] + " " + c.Time.Format("2006-01-02 -0700")
	}
	want := map[string]string{
		"a.md":     "Grace 2 2026-03-01 -0500",
		"new.md":   "Grace 2 2026-03-01 -0500",
		"\nodd.md": "Ada 1 2026-01-05 +0100",
	}
	if len(got) != len(want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%q: got %q, want %q", p, got[p], w)
		}
	}
	// Files of one commit share one Change.
	if files["a.md"] != files["new.md"] {
		t.Error("a commit's Change is not shared")
	}
}

func TestParseLogBad(t *testing.T) {
	for _, out := range []string{
		"M\x00a.md\x00",                               // no header
		"\x01abc\x002026-01-05T09:30:00Z",             // cut inside the header
		"\x01abc\x002026-01-05T09:30:00Z\x00A\x00\nM", // cut before a path
		"\x01abc\x00yesterday\x00A\x00\nM\x00a.md",    // bad date
	} {
		if _, err := parseLog(strings.NewReader(out), nil, nil); err == nil {
			t.Errorf("parseLog(%q): no error", out)
		}
	}
	if files, err := parseLog(strings.NewReader(""), nil, nil); err != nil || len(files) != 0 {
		t.Errorf("empty log: %v, %v", files, err)
	}
}

func TestParseRevParse(t *testing.T) {
	cases := []struct {
		out                     string
		inside, shallow, wantOK bool
		cdup                    string
	}{
		{"true\nfalse\n", true, false, true, ""},
		{"true\ntrue\n", true, true, true, ""},
		{"false\nfalse\n", false, false, true, ""},
		{"true\n--is-shallow-repository\n", false, false, false, ""}, // git before 2.15
		{"", false, false, false, ""},
		{"true\nfalse\n\n", true, false, true, ""},             // at the root
		{"true\nfalse\n../../\n", true, false, true, "../../"}, // in a folder
		{"true\nfalse\n../\nmore\n", false, false, false, ""},
	}
	for _, c := range cases {
		inside, shallow, cdup, ok := parseRevParse([]byte(c.out))
		if ok && cdup != c.cdup {
			t.Errorf("parseRevParse(%q): cdup %q, want %q", c.out, cdup, c.cdup)
		}
		if ok != c.wantOK || ok && (inside != c.inside || shallow != c.shallow) {
			t.Errorf("parseRevParse(%q) = %v %v %v", c.out, inside, shallow, ok)
		}
	}
}

func TestUnavailable(t *testing.T) {
	d, ok := unavailable([]byte("fatal: not a git repository (or any of the parent directories): .git\n"))
	if !ok || d.Severity != diag.Info {
		t.Errorf("not a repository: %v %v", d, ok)
	}
	// As git 2.39 words it.
	d, ok = unavailable([]byte("fatal: detected dubious ownership in repository at '/__w/pb/pb'\n" +
		"To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /__w/pb/pb\n"))
	if !ok || d.Severity != diag.Warning || !strings.HasSuffix(d.Message, "run git config --global --add safe.directory /__w/pb/pb") {
		t.Errorf("dubious ownership: %v %v", d, ok)
	}
	if _, ok := unavailable([]byte("fatal: something else\n")); ok {
		t.Error("an unknown failure is taken for a known one")
	}
}
