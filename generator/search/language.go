package search

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// language holds what differs between languages: stop words and stemming.
// Only English has either for now; other languages still fold diacritics.
type language struct {
	stop map[string]bool
	stem func(word string) string
}

func newLanguage(tag string) language {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	base, _, _ = strings.Cut(base, "_")
	if base == "en" {
		stop := make(map[string]bool, len(englishStopWords))
		for _, w := range strings.Fields(englishStopWords) {
			stop[w] = true
		}
		return language{stop: stop, stem: stemEnglish}
	}
	return language{stop: map[string]bool{}, stem: func(w string) string { return w }}
}

// stemEnglish stems words made of letters; numbers and words in other
// scripts pass through.
func stemEnglish(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return english.Stem(w, true)
}

// englishStopWords are left out of scoring. Words that change a query's
// meaning in a playbook ("not", "no", "won't", "against", "more", "before")
// are kept; question words and contractions a customer's sentence is full
// of ("what", "where", "we've", "I'll"), and a speaker's fillers ("guys",
// "honestly"), are not.
const englishStopWords = `a about am an and any are as at be been being both but by can could did do
does doing dont each for from had has have having he her here hers herself him himself his i if im in
into is it its itself just me my myself of on once or other our ours ourselves s shall she should so
some such t than that the their theirs them themselves then there these they this those through to
too very was we were which whom will with would you your yours yourself yourselves
what whats how hows when where wheres why who whos us let lets ive youve weve theyve youre theyre youll ill also really
guys honestly basically actually literally yeah ok okay hey hi um uh please`
