package pagetext

import (
	"math/rand/v2"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func words(s string) []string {
	var out []string
	for _, t := range Tokens(s) {
		out = append(out, t.Word)
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Too expensive!", []string{"too", "expensive"}},
		{"  It's   too\texpensive\n", []string{"its", "too", "expensive"}},
		{"Don’t discount; rock'n'roll.", []string{"dont", "discount", "rocknroll"}},
		{"customers' budgets", []string{"customers", "budgets"}}, // a trailing apostrophe ends the word
		{"side-by-side, e-mail", []string{"side", "by", "side", "e", "mail"}},
		{"1,900+ carriers cut 34% in Q3 2026", []string{"1", "900", "carriers", "cut", "34", "in", "q3", "2026"}},
		{"Café naïve Crème Brûlée", []string{"cafe", "naive", "creme", "brulee"}},
		{"Straße Ærø Œuvre Łódź Þórr", []string{"strasse", "aero", "oeuvre", "lodz", "thorr"}},
		{"ΣΟΦΟΣ σοφός", []string{"σοφοσ", "σοφοσ"}},
		{"İstanbul", []string{"istanbul"}},
		{"東京の物流", []string{"東", "京", "の", "物", "流"}},
		{"Москва́ и Киев", []string{"москва", "и", "киев"}},
		{"<img src=x onerror=alert(1)>", []string{"img", "src", "x", "onerror", "alert", "1"}},
		{"e\u0301t\u00e9", []string{"ete"}},
		{"\u0301", nil}, // a lone combining mark folds to nothing
		{"bad \xff\xfe bytes", []string{"bad", "bytes"}},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenSpans(t *testing.T) {
	s := "Ça va, l’été?"
	var got []string
	for _, tk := range Tokens(s) {
		got = append(got, s[tk.Start:tk.End])
	}
	if want := []string{"Ça", "va", "l’été"}; !slices.Equal(got, want) {
		t.Errorf("spans = %q, want %q", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Return on Investment": "return on investment",
		"  ROI ":               "roi",
		"Zürich—Øresund":       "zurich oresund",
		"":                     "",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestASCIIFoldIsNFDFold holds the ASCII fast path to the general fold.
func TestASCIIFoldIsNFDFold(t *testing.T) {
	var tk Tokenizer
	var it norm.Iter
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "abcXYZ09'' -."
	for range 5000 {
		b := make([]byte, 1+r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		tk.Reset(string(b))
		for tk.Next() {
			start, end := tk.Span()
			if want := appendFolded(nil, string(b[start:end]), &it); string(tk.Word()) != string(want) {
				t.Fatalf("%q: word %q folds to %q, want %q", b, b[start:end], tk.Word(), want)
			}
		}
	}
}
