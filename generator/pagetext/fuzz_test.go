package pagetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokens checks the tokenizer on any text: words come in order, each
// span inside the text and after the previous one, each folded word
// non-empty valid UTF-8 without spaces; the streaming Tokenizer agrees
// with Tokens; and folding is idempotent (a folded text folds to itself),
// which the search index relies on when it folds query and page alike.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"It's too expensive. That's more than we were expecting.",
		"rock'n'roll don’t ‘quoted’ ''",
		"Straße Æsir œuvre Øre Łódź café CAFÉ cafe\u0301",
		"日本語のテキスト 中文 한국어",
		"ROI: return on investment (3.5x) — 24/7, e-mail, C++",
		"\xff\xfe bad \xc3 utf8",
		"İstanbul ǅ ﬁ ㍿ Ⅻ ①",
		"a\u200db\u00ad c\u0300\u0300\u0300",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		var tz Tokenizer
		tz.Reset(s)
		prev := 0
		for i, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %d %q spans %d..%d after %d in a text of %d bytes", i, tk.Word, tk.Start, tk.End, prev, len(s))
			}
			prev = tk.End
			if tk.Word == "" || !utf8.ValidString(tk.Word) || strings.ContainsAny(tk.Word, " \t\n") {
				t.Fatalf("token %d of %q folds to %q", i, s[tk.Start:tk.End], tk.Word)
			}
			if !tz.Next() {
				t.Fatalf("the Tokenizer stops before token %d", i)
			}
			if start, end := tz.Span(); start != tk.Start || end != tk.End || string(tz.Word()) != tk.Word {
				t.Fatalf("the Tokenizer's token %d is %d..%d %q, Tokens' %d..%d %q", i, start, end, tz.Word(), tk.Start, tk.End, tk.Word)
			}
		}
		if tz.Next() {
			t.Fatalf("the Tokenizer finds a word after Tokens' last: %q", tz.Word())
		}
		folded := Fold(s)
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold is not idempotent: %q folds to %q, which folds to %q", s, folded, again)
		}
	})
}
