package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A page past the size limit is read only to one byte past it, and its
// whole size still comes back for the message.
func TestReadPageStopsPastTheLimit(t *testing.T) {
	fsys := fstest.MapFS{
		"content/big.md":   {Data: []byte(strings.Repeat("x", 1000))},
		"content/small.md": {Data: []byte("tiny")},
	}
	src, size, err := readPage(fsys, "content/big.md", 100)
	if err != nil || len(src) != 101 || size != 1000 {
		t.Errorf("big page: read %d bytes of %d (%v), want 101 of 1000", len(src), size, err)
	}
	src, size, err = readPage(fsys, "content/small.md", 100)
	if err != nil || string(src) != "tiny" || size != 4 {
		t.Errorf("small page: read %q, size %d (%v)", src, size, err)
	}
	if _, _, err := readPage(fsys, "content/none.md", 100); err == nil {
		t.Error("a missing page read without an error")
	}
}
