package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.json")
	for _, data := range []string{"first", "second"} {
		if err := Write(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(name); string(b) != data {
			t.Errorf("read %q, want %q", b, data)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files, want 1", len(entries))
	}
	if err := Write(filepath.Join(dir, "no", "such", "folder.json"), nil, 0o644); err == nil {
		t.Error("writing into a missing folder did not fail")
	}
}
