package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	theme "github.com/playbook-ssg/playbook/themes/default"
)

// TestLayoutLinks checks that a symbolic link in the playbook's layouts/
// (or static/) that cannot be followed is named as the problem, with what
// to do, instead of "theme is missing …" or the theme's file silently
// standing in; and that a link inside the playbook works.
func TestLayoutLinks(t *testing.T) {
	s, md, _ := linkSite(t, "../../playbook", "")
	partial := []byte(`<aside>own meta</aside>`)
	tests := []struct {
		name  string
		setup func(t *testing.T, root, outside string)
		want  string // "" when the renderer is made
	}{
		{"partial linked outside", func(t *testing.T, root, outside string) {
			mkdir(t, root, "layouts/partials")
			symlink(t, filepath.Join(outside, "meta.html"), root, "layouts/partials/meta.html")
		}, "layouts/partials/meta.html: is a symbolic link to " + "OUT/meta.html, outside the playbook folder, and links out of the playbook are not followed: copy the file into layouts/partials/ instead"},
		{"layouts linked outside", func(t *testing.T, root, outside string) {
			symlink(t, outside, root, "layouts")
		}, "layouts: is a symbolic link to OUT, outside the playbook folder, and links out of the playbook are not followed: copy the folder into the playbook folder instead"},
		{"static linked outside", func(t *testing.T, root, outside string) {
			symlink(t, outside, root, "static")
		}, "static: is a symbolic link to OUT, outside the playbook folder"},
		{"broken link", func(t *testing.T, root, outside string) {
			mkdir(t, root, "layouts/partials")
			symlink(t, "gone.html", root, "layouts/partials/meta.html")
		}, "layouts/partials/meta.html: is a symbolic link to gone.html, which does not exist: point it at a file inside the playbook folder, or remove it"},
		{"link inside", func(t *testing.T, root, outside string) {
			mkdir(t, root, "shared/partials")
			write(t, filepath.Join(root, "shared/partials/meta.html"), partial)
			symlink(t, "shared", root, "layouts")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, outside := t.TempDir(), t.TempDir()
			write(t, filepath.Join(outside, "meta.html"), partial)
			tt.setup(t, root, outside)
			dir, err := os.OpenRoot(root)
			if err != nil {
				t.Fatal(err)
			}
			defer dir.Close()
			r, err := New(s, md, dir.FS(), theme.FS)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				b, err := r.Page(s.Page("/objections/too-expensive/"))
				if err != nil || !strings.Contains(string(b), "own meta") {
					t.Errorf("the linked partial was not used (%v)", err)
				}
				return
			}
			want := strings.ReplaceAll(tt.want, "OUT", outside)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("got  %v\nwant %s", err, want)
			}
		})
	}
}

func mkdir(t *testing.T, root, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, root, name string) {
	t.Helper()
	if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}
