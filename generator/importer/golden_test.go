package importer

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/internal/handbooks"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden imports a small handbook of each layout and compares the
// whole playbook written with testdata/golden/<layout>.txtar (a txtar
// archive: "-- name --" then the file; binary files by their size).
// go test ./generator/importer -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, layout := range handbooks.Layouts() {
		t.Run(string(layout), func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "handbook")
			if _, err := handbooks.Write(src, layout, handbooks.Options{Pages: 30, Seed: 1}); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(t.TempDir(), "playbook")
			if _, err := Run(Options{Source: src, Dest: dest, Today: today}); err != nil {
				t.Fatal(err)
			}
			got := archive(t, dest)
			golden := filepath.Join("testdata", "golden", string(layout)+".txtar")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the import differs from %s (run with -update, then review the diff):\n%s", golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

// archive writes every file under dir as a txtar archive, sorted by name.
func archive(t *testing.T, dir string) []byte {
	t.Helper()
	var b bytes.Buffer
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString("-- " + filepath.ToSlash(rel) + " --\n")
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			b.WriteString("(binary, " + itoa(len(data)) + " bytes)\n")
			return nil
		}
		b.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			b.WriteByte('\n')
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var s []byte
	for ; n > 0; n /= 10 {
		s = append([]byte{byte('0' + n%10)}, s...)
	}
	return string(s)
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\nwant: " + wl + "\ngot:  " + gl
		}
	}
	return ""
}
