package synth

import (
	"os"
	"testing"
)

// TestWrite writes a synthetic playbook to $SYNTH_DIR when set, for manual
// benchmarking with the binary: SYNTH_DIR=/tmp/pb SYNTH_PAGES=1000 go test ./generator/internal/synth
func TestWrite(t *testing.T) {
	dir := os.Getenv("SYNTH_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	n := 200
	if s := os.Getenv("SYNTH_PAGES"); s != "" {
		var err error
		if n, err = atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(dir, n); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir + "/content/objections")
	if err != nil || len(entries) < 3 {
		t.Fatalf("objections written: %d, %v", len(entries), err)
	}
}

func atoi(s string) (int, error) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, os.ErrInvalid
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
