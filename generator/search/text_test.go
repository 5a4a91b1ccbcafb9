package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestStemming(t *testing.T) {
	en := newLanguage("en-GB")
	tests := map[string]string{
		"pilots": "pilot", "piloting": "pilot", "expensive": "expens", "expenses": "expens",
		"objections": "object", "running": "run", "2026": "2026", "q3": "q3", "москва": "москва",
	}
	for in, want := range tests {
		if got := en.stem(in); got != want {
			t.Errorf("English stem(%q) = %q, want %q", in, got, want)
		}
	}
	fr := newLanguage("fr")
	if got := fr.stem("objections"); got != "objections" {
		t.Errorf("French stem(objections) = %q: only English is stemmed", got)
	}
	if !en.stop["the"] || en.stop["not"] || len(fr.stop) != 0 {
		t.Errorf("stop words: en the=%v not=%v, fr has %d", en.stop["the"], en.stop["not"], len(fr.stop))
	}
}

func TestShardKeys(t *testing.T) {
	tests := map[string][]string{
		"a": {"a"}, "ab": {"ab"}, "price": {"pr", "pi", "ri"}, "aaa": {"aa"}, "東": {"東"}, "éte": {"ét", "ée", "te"},
	}
	for in, want := range tests {
		if got := shardKeys(in); !slices.Equal(got, want) {
			t.Errorf("shardKeys(%q) = %q, want %q", in, got, want)
		}
	}
	if got := shardFile("pr"); got != "search/v/pr.json" {
		t.Errorf("shardFile(pr) = %q", got)
	}
	if got := shardFile("ét"); got != "search/v/_e9t.json" {
		t.Errorf("shardFile(ét) = %q", got)
	}
}

// TestShardKeysCoverOneEdit is the property the vocabulary layout rests
// on: a word and any one-edit variant of it share a shard key.
func TestShardKeysCoverOneEdit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		w := pseudoWord(r, 1+r.IntN(3))
		if len([]rune(w)) < 3 {
			continue
		}
		typo := oneEdit(r, w, r.IntN(4))
		if len([]rune(typo)) < 3 {
			continue
		}
		qk, wk := shardKeys(typo), shardKeys(w)
		if !slices.ContainsFunc(qk, func(k string) bool { return slices.Contains(wk, k) }) {
			t.Fatalf("%q (keys %q) and its typo %q (keys %q) share no shard", w, wk, typo, qk)
		}
	}
}

func TestVarint(t *testing.T) {
	var b []byte
	values := []int{0, 1, 31, 32, 1023, 1024, 1 << 20, 1<<31 - 1}
	for _, v := range values {
		b = appendVarint(b, v)
		if n := len(appendVarint(nil, v)); varintLen(v) != n {
			t.Errorf("varintLen(%d) = %d, want %d", v, varintLen(v), n)
		}
	}
	b = append(b, digits[63])
	r := reader{s: string(b)}
	for _, want := range values {
		if got := r.varint(); got != want {
			t.Errorf("varint = %d, want %d", got, want)
		}
	}
	if got := r.fixed(); got != 63 || r.more() || r.bad {
		t.Errorf("fixed = %d (more %v, bad %v)", got, r.more(), r.bad)
	}
	if strings.ContainsAny(digits, `"\`) || len(digits) != 64 {
		t.Error("the digit alphabet must be 64 characters that need no JSON escaping")
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"price", "price", 1, 0},
		{"prcie", "price", 1, 1},  // transposition
		{"rpice", "price", 1, 1},  // transposition of the first two letters
		{"xprice", "price", 1, 1}, // insertion before the first letter
		{"rice", "price", 1, 1},   // first letter dropped
		{"brice", "price", 1, 1},  // first letter substituted
		{"prc", "price", 1, 2},
		{"expnsiv", "expensive", 2, 2},
		{"expnsv", "expensive", 2, 3},
		{"café", "cafe", 1, 1},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), tt.b, tt.max); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
