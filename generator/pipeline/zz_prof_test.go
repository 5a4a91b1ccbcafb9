package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZBig(t *testing.T) {
	dir := os.Getenv("BIG_SRC")
	if dir == "" {
		t.Skip()
	}
	if _, err := Build(Options{Source: dir, Today: fixtureToday}, filepath.Join(t.TempDir(), "o")); err != nil {
		t.Fatal(err)
	}
}
