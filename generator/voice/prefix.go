package voice

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// A rule's expression is tried only where a text starts with one of the
// rule's prefixes: short strings, one of which begins every match. Both
// sides are folded the same way (ASCII lower case, each run of ASCII white
// space one space), so a prefix test never misses a match; it only spares
// the expression the places it cannot match.

const (
	prefixLen   = 4  // longest prefix kept
	maxPrefixes = 64 // more alternatives than this and a rule is tried everywhere
)

// litSet describes what a part of an expression can match: every match
// starts with one of strs (folded, at most prefixLen bytes); when exact,
// strs are every match in full.
type litSet struct {
	strs  []string
	exact bool
}

var unknown = litSet{strs: []string{""}}

// prefixes returns the folded prefixes that start every match of pattern,
// or nil when some match could start with anything.
func prefixes(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	set := analyze(re.Simplify())
	if len(set.strs) == 0 || slices.Contains(set.strs, "") {
		return nil
	}
	return set.strs
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
}

// foldRune folds an ASCII rune; ok is false for other runes, which a
// prefix cannot hold.
func foldRune(r rune) (byte, bool) {
	switch {
	case isSpace(r):
		return ' ', true
	case r >= 'A' && r <= 'Z':
		return byte(r) + 'a' - 'A', true
	case r < 128:
		return byte(r), true
	}
	return 0, false
}

// foldsToASCII reports whether a rune is a case variant of an ASCII one.
func foldsToASCII(r rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < 128 {
			return true
		}
	}
	return false
}

func analyze(re *syntax.Regexp) litSet {
	switch re.Op {
	case syntax.OpNoMatch:
		return litSet{exact: true}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litSet{strs: []string{""}, exact: true}
	case syntax.OpLiteral:
		var b []byte
		for _, r := range re.Rune {
			c, ok := foldRune(r)
			if !ok {
				return normalize(litSet{strs: []string{string(b)}})
			}
			b = append(b, c)
		}
		return normalize(litSet{strs: []string{string(b)}, exact: true})
	case syntax.OpCharClass:
		var strs []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo > maxPrefixes {
				return unknown
			}
			for r := lo; r <= hi; r++ {
				c, ok := foldRune(r)
				if !ok && foldsToASCII(r) {
					continue // (?i) adds the Kelvin sign to k, ſ to s
				}
				if !ok {
					return unknown
				}
				strs = append(strs, string(c))
			}
		}
		return normalize(litSet{strs: strs, exact: true})
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		x := analyze(re.Sub[0])
		return normalize(litSet{strs: append(x.strs, ""), exact: x.exact})
	case syntax.OpPlus:
		return plus(analyze(re.Sub[0]))
	case syntax.OpRepeat:
		if re.Min == 0 {
			if re.Max == 1 {
				x := analyze(re.Sub[0])
				return normalize(litSet{strs: append(x.strs, ""), exact: x.exact})
			}
			return unknown
		}
		return plus(analyze(re.Sub[0]))
	case syntax.OpConcat:
		cur := litSet{strs: []string{""}, exact: true}
		for _, sub := range re.Sub {
			if !cur.exact {
				break
			}
			next := cross(cur, analyze(sub))
			if len(next.strs) > maxPrefixes {
				cur.exact = false
				break
			}
			cur = next
		}
		return cur
	case syntax.OpAlternate:
		out := litSet{exact: true}
		for _, sub := range re.Sub {
			x := analyze(sub)
			out.strs = append(out.strs, x.strs...)
			out.exact = out.exact && x.exact
		}
		out = normalize(out)
		if len(out.strs) > maxPrefixes {
			return unknown
		}
		return out
	}
	return unknown // any character, stars
}

// plus is one or more of x: a run of spaces folds to one space, so it is
// exact; otherwise only the prefixes are known.
func plus(x litSet) litSet {
	if x.exact && len(x.strs) == 1 && x.strs[0] == " " {
		return x
	}
	return litSet{strs: x.strs}
}

// cross is a followed by b.
func cross(a, b litSet) litSet {
	out := litSet{exact: a.exact && b.exact}
	for _, x := range a.strs {
		for _, y := range b.strs {
			out.strs = append(out.strs, x+y)
		}
	}
	return normalize(out)
}

// normalize folds runs of spaces, cuts strings to prefixLen (after which
// the set is no longer exact), and sorts and deduplicates.
func normalize(s litSet) litSet {
	for i, str := range s.strs {
		for strings.Contains(str, "  ") {
			str = strings.ReplaceAll(str, "  ", " ")
		}
		if len(str) > prefixLen {
			str = str[:prefixLen]
			s.exact = false
		}
		s.strs[i] = str
	}
	slices.Sort(s.strs)
	s.strs = slices.Compact(s.strs)
	return s
}

// foldKey writes into buf the folded start of text, at most prefixLen
// bytes, and returns it.
func foldKey(buf *[prefixLen]byte, text string) []byte {
	n := 0
	for i := 0; i < len(text) && n < prefixLen; i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if n > 0 && buf[n-1] == ' ' {
				continue
			}
			c = ' '
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}
