package search

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The vocabulary is split into shards so that a query word fetches three
// small files, yet every word within one edit of it is in one of them,
// including edits to the first letter (which defeat sharding by prefix).
//
// A word of three or more letters is filed under the three two-letter keys
// its first three letters leave after deleting one of them: "price" under
// "ri", "pi" and "pr". A query word computes its own three keys the same
// way; any single substitution, insertion, deletion or transposition leaves
// at least one key in common (an edit at position 3 or later leaves "pr"
// intact; an edit among the first three letters changes at most one of
// them, and insertions and deletions shift the others onto each other). The
// key of the first two letters also holds every word with that prefix, so
// the same shard answers exact and as-you-type prefix lookups. Two edits are
// found unless both fall in the first three letters.

// shardKeys returns the distinct shard keys of a folded word.
func shardKeys(w string) []string {
	if isName(w) {
		return []string{prefixKey(w)}
	}
	var r [3]rune
	n := 0
	for _, c := range w {
		r[n] = c
		n++
		if n == 3 {
			break
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		return []string{string(r[:1])}
	case 2:
		return []string{string(r[:2])}
	}
	keys := []string{string([]rune{r[0], r[1]}), string([]rune{r[0], r[2]}), string([]rune{r[1], r[2]})}
	// Drop repeats ("aaa"), keeping the prefix key first.
	out := keys[:1]
	for _, k := range keys[1:] {
		if !contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// prefixKey is the shard that holds every word starting with w's first two
// letters (or w itself when shorter).
func prefixKey(w string) string {
	_, n1 := utf8.DecodeRuneInString(w)
	if n1 >= len(w) {
		return w
	}
	_, n2 := utf8.DecodeRuneInString(w[n1:])
	return w[:n1+n2]
}

// shardFile names a shard's file: lowercase letters and digits stand for
// themselves, any other character as "_" and its hexadecimal code point.
func shardFile(key string) string {
	var b strings.Builder
	b.WriteString("search/v/")
	for _, r := range key {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
			b.WriteString(strconv.FormatInt(int64(r), 16))
		}
	}
	b.WriteString(".json")
	return b.String()
}
