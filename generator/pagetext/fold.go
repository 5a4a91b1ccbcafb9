package pagetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokenising and folding. The search index's browser engine (engine.js in
// generator/search) implements exactly the same rules with one regular
// expression, so both sides agree on every token:
//
//   - a word is a run of letters, marks and digits, which may go on over an
//     apostrophe (' or ’) followed by another such run ("don't", "rock'n'roll");
//   - a Han, Hiragana or Katakana character is a word by itself, since those
//     scripts do not separate words with spaces;
//   - folding drops apostrophes, decomposes (NFD), drops nonspacing marks,
//     lowercases, then spells out a few letters that have no decomposition
//     (ß, æ, œ, ø, ł …).

// Token is one word of a text: its byte span in the source and its folded
// form.
type Token struct {
	Start, End int
	Word       string
}

// Tokenizer walks the words of a text without allocating: Reset, then Next
// until it returns false, reading Word (and Span) after each. Word returns
// a buffer reused by the next call, so callers that keep a word must copy
// it. The zero Tokenizer is ready for Reset.
type Tokenizer struct {
	src        string
	pos        int
	start, end int
	buf        []byte
	ascii      bool      // the word is ASCII letters, digits and apostrophes
	nfd        norm.Iter // kept here: a local one escapes, one allocation per word
}

// Reset starts over on s.
func (t *Tokenizer) Reset(s string) {
	t.src, t.pos = s, 0
}

// Next advances to the next word with a non-empty folded form; it reports
// false at the end of the text.
func (t *Tokenizer) Next() bool {
	for t.pos < len(t.src) {
		if t.scan() && t.fold() {
			return true
		}
	}
	return false
}

// Word is the folded form of the current word, valid until the next call
// to Next or Reset.
func (t *Tokenizer) Word() []byte { return t.buf }

// Span is the current word's byte span in the text.
func (t *Tokenizer) Span() (start, end int) { return t.start, t.end }

// scan finds the span of the next word, or consumes trailing non-word text.
// ASCII, by far the commonest case, never leaves the byte loop.
func (t *Tokenizer) scan() bool {
	s := t.src
	i := t.pos
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isCJK(r) {
			t.start, t.end, t.pos = i, i+n, i+n
			t.ascii = false
			return true
		}
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		t.pos = i
		return false
	}
	t.start = i
	t.ascii = true
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord(c) {
				i++
				continue
			}
			if c == '\'' && continuesWord(s, i+1) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '’' && continuesWord(s, i+n) || isWordRune(r) && !isCJK(r) {
			t.ascii = false
			i += n
			continue
		}
		break
	}
	t.end, t.pos = i, i
	return true
}

// continuesWord says whether s[i:] starts with a word character, which
// lets an apostrophe before it join two runs.
func continuesWord(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r) && !isCJK(r)
}

// fold writes the folded form of src[start:end] to buf; it reports whether
// anything is left (a lone combining mark folds to nothing).
func (t *Tokenizer) fold() bool {
	w := t.src[t.start:t.end]
	if t.ascii {
		// What appendFolded gives for ASCII: NFD leaves it as it is.
		b := t.buf[:0]
		for i := 0; i < len(w); i++ {
			switch c := w[i]; {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case c != '\'':
				b = append(b, c)
			}
		}
		t.buf = b
		return len(b) > 0
	}
	t.buf = appendFolded(t.buf[:0], w, &t.nfd)
	return len(t.buf) > 0
}

// appendFolded appends the folded form of a word that may hold any runes,
// decomposing it with it.
func appendFolded(dst []byte, w string, it *norm.Iter) []byte {
	it.InitString(norm.NFD, w)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if r == '\'' || r == '’' || unicode.Is(unicode.Mn, r) {
				continue
			}
			r = unicode.ToLower(r)
			if sp, ok := spelledOut[r]; ok {
				dst = append(dst, sp...)
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// spelledOut maps lowercase letters without a canonical decomposition to
// plain letters. engine.js holds the same table.
var spelledOut = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'ł': "l", 'þ': "th", 'ı': "i", 'ς': "σ",
}

func asciiWord(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// Tokens returns every word of s with its span. It allocates each word:
// meant for short texts (queries, excerpts); walk long ones with a
// Tokenizer.
func Tokens(s string) []Token {
	var t Tokenizer
	t.Reset(s)
	var out []Token
	for t.Next() {
		out = append(out, Token{t.start, t.end, string(t.buf)})
	}
	return out
}

// Fold returns the folded form of a word or phrase: lowercase, without
// diacritics, words joined by single spaces. It is how the search index
// compares words, for callers that build synonym tables or match words the
// same way.
func Fold(s string) string {
	ts := Tokens(s)
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.Word
	}
	return strings.Join(words, " ")
}
