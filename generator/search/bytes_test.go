package search

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"testing"
)

// indexHash hashes an index's files, names and bytes, in name order.
func indexHash(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range sortedKeys(files) {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(files[name])
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestBuildBytes pins the index's bytes on a fixed input, so that work on
// how Build runs (memory, speed, parallelism) cannot change what it
// writes: the browser engine and every deployed cache read these files.
// Change the hashes only with a change meant to alter the format, with
// formatVersion raised.
func TestBuildBytes(t *testing.T) {
	synthetic, _ := syntheticDocs(3000, 3)
	inputs := []struct {
		name string
		docs []Doc
		opts Options
		want string
	}{
		{"fixture", fixtureDocs(), Options{Language: "en", Synonyms: [][]string{{"ROI", "return on investment"}, {"TMS", "transport management system"}, {"qualified lead", "QP"}}}, "5c29fa6e28c9e0dbb531796c03f719448a57b540414382ae6bd84a184186494d"},
		{"fixture fr", fixtureDocs(), Options{Language: "fr"}, "21900800a16335734bb360af29c812785728d465735fd66496d57fe3a9ce41aa"},
		{"synthetic 3000", append(synthetic, fixtureDocs()...), benchOptions, "9c6a93878bf9b28be1621a41d21d716de5942f1f230a737dc2ce31aaae2c5aed"},
	}
	for _, in := range inputs {
		for _, procs := range []int{1, 2, 4} {
			prev := runtime.GOMAXPROCS(procs)
			files, err := Build(in.docs, in.opts)
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatalf("%s: %v", in.name, err)
			}
			if got := indexHash(files); got != in.want {
				t.Errorf("%s, GOMAXPROCS %d: index hash %s, want %s", in.name, procs, got, in.want)
			}
		}
	}
}
