package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// page is a one-section page for ranking tests.
func page(url, title, heading, body string) Doc {
	d := Doc{URL: url, Title: title, Kind: "guide", Sections: []Section{{Text: "Filler text about logistics."}}}
	if heading != "" || body != "" {
		d.Sections = append(d.Sections, Section{Anchor: "s", Heading: heading, Text: body})
	}
	return d
}

func openDocs(t *testing.T, docs []Doc, opts Options) *Index {
	t.Helper()
	files, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(files)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func urls(rs []Result) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.URL)
	}
	return out
}

func TestRanking(t *testing.T) {
	tests := []struct {
		name  string
		docs  []Doc
		query string
		want  []string // the expected order of the results
	}{
		{"title above heading above body", []Doc{
			page("/body", "Freight guide", "Notes", "Our warranty covers it."),
			page("/heading", "Lane guide", "Warranty", "Other words."),
			page("/title", "Warranty", "Notes", "Other words."),
		}, "warranty", []string{"/title", "/heading", "/body"}},
		{"title above many body mentions", []Doc{
			page("/body", "Freight guide", "Notes", "warranty warranty warranty warranty warranty warranty"),
			page("/title", "Warranty terms", "Notes", "Other words."),
		}, "warranty", []string{"/title", "/body"}},
		{"more query words matched first", []Doc{
			page("/one", "Pilot", "", ""),
			page("/both", "Guide", "Notes", "A pilot can reduce the budget risk."),
		}, "pilot budget risk", []string{"/both", "/one"}},
		{"exact above prefix", []Doc{
			page("/prefix", "Pilotage rules", "", ""),
			page("/exact", "Notes", "", "Run a pilot."),
		}, "pilot", []string{"/exact", "/prefix"}},
		{"prefix above typo", []Doc{
			page("/typo", "Balle", "", ""),
			page("/prefix", "Notes", "", "Plan the palletising."),
		}, "palle", []string{"/prefix", "/typo"}},
		{"exact above typo", []Doc{
			page("/typo", "Carrier", "", ""),
			page("/exact", "Notes", "", "A carrie is a made-up word."),
		}, "carrie ", []string{"/exact", "/typo"}},
		{"one edit above two", []Doc{
			page("/two", "Expensive", "", ""),
			page("/one", "Expensives", "", ""),
		}, "expensivs ", []string{"/one", "/two"}},
		{"phrase above scattered words", []Doc{
			page("/scattered", "Notes", "Budget", "The year was long, and the budget was small. Next year!"),
			page("/phrase", "Notes", "Plan", "No budget this year for new tools."),
		}, "budget this year", []string{"/phrase", "/scattered"}},
		{"words of one stem match each other", []Doc{
			page("/piloting", "Piloting", "", ""),
			page("/pilots", "Notes", "", "Two pilots."),
			page("/other", "Other", "", ""),
		}, "pilots ", []string{"/piloting", "/pilots"}},
		{"a query naming a page puts it first", []Doc{
			page("/mentions", "Lead scoring", "Qualified leads", "What is a qualified lead? A lead that is qualified."),
			{URL: "/term", Title: "Qualified prospect", Kind: "term", Phrases: []string{"qualified lead", "QP"}, Names: []string{"qualified lead", "QP"}},
		}, "what is a qualified lead", []string{"/term", "/mentions"}},
		{"the customer's phrases above the body", []Doc{
			page("/body", "Notes", "Pricing", "When they say it is too expensive, ask why."),
			{URL: "/phrase", Title: "Budget", Kind: "objection", Phrases: []string{"It's too expensive."}},
		}, "too expensive", []string{"/phrase", "/body"}},
		{"a title word counts twice", []Doc{
			page("/both", "Notes", "", "We offer training. A pilot later."),
			page("/title", "Paid pilot", "", "Two lanes for eight weeks."),
		}, "offer pilot", []string{"/title", "/both"}},
		{"stop words leave phrases alone", []Doc{
			page("/words", "Notes", "", "We trust the price."),
			page("/phrase", "Notes", "", "The price is too high for us."),
		}, "price too high", []string{"/phrase", "/words"}},
		{"stop words do not make phrases", []Doc{
			page("/my", "Notes", "", "Ask my manager, then my manager asks finance."),
			page("/manager", "Notes", "", "The manager decides; the manager approves; the manager signs."),
		}, "my manager", []string{"/manager", "/my"}},
		{"a shorter title is a better match", []Doc{
			page("/long", "Pilot programmes for very large enterprise freight customers", "", ""),
			page("/short", "Paid pilot", "", ""),
		}, "pilot", []string{"/short", "/long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := openDocs(t, tt.docs, Options{Language: "en"})
			got := urls(ix.Search(tt.query, nil))
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q ranked %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestTypoTolerance(t *testing.T) {
	docs := []Doc{
		page("/cat", "Cat", "", ""),
		page("/lane", "Lane", "", ""),
		page("/carrier", "Carrier", "", ""),
		page("/expensive", "Expensive", "", ""),
		page("/onboarding", "Onboarding", "", ""),
	}
	ix := openDocs(t, docs, Options{Language: "en"})
	tests := []struct {
		query string
		want  string // "" for no result
	}{
		{"cta ", ""},                // under four letters: no typos
		{"lnae ", "/lane"},          // four letters: one edit
		{"lanex ", "/lane"},         // one insertion
		{"lnaex ", ""},              // two edits under eight letters
		{"xcarrier ", "/carrier"},   // insertion before the first letter
		{"arrier ", "/carrier"},     // first letter dropped
		{"barrier ", "/carrier"},    // first letter substituted
		{"acrrier ", "/carrier"},    // first two letters swapped
		{"expnsve ", ""},            // seven letters: one edit only, and "expensive" is two away
		{"expnsivv ", "/expensive"}, // eight letters: two edits
		{"onbaording ", "/onboarding"},
		{"onboardnig ", "/onboarding"},
		{"obnoadrign ", ""}, // three edits
		{"2025", ""},        // numbers are not corrected
	}
	for _, tt := range tests {
		got := urls(ix.Search(tt.query, nil))
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q found %q, want nothing", tt.query, got)
		case tt.want != "" && (len(got) == 0 || got[0] != tt.want):
			t.Errorf("%q found %q, want %s first", tt.query, got, tt.want)
		}
	}
}

func TestPrefixes(t *testing.T) {
	docs := []Doc{page("/onboarding", "Onboarding service", "", ""), page("/on-time", "On-time delivery", "", "")}
	ix := openDocs(t, docs, Options{Language: "en"})
	tests := []struct {
		query string
		want  []string
	}{
		{"onb", []string{"/onboarding"}},
		{"onb ", nil},                   // a finished word is not a prefix
		{"on", []string{"/onboarding"}}, // a stop word alone still completes
		{"o", nil},
		{"deliv", []string{"/on-time"}},
		{"service deliv", []string{"/onboarding", "/on-time"}}, // exact above prefix
	}
	for _, tt := range tests {
		got := urls(ix.Search(tt.query, nil))
		if len(tt.want) == 0 && len(got) == 0 {
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q found %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	docs := []Doc{
		page("/roi", "ROI", "", ""),
		page("/long", "Notes", "", "Show the return on investment early."),
		page("/words", "Notes", "", "The return of the investment banker."),
		page("/cost", "Cost of delay", "", ""),
		page("/price", "Price list", "", ""),
	}
	ix := openDocs(t, docs, Options{Language: "en", Synonyms: [][]string{
		{"ROI", "Return on Investment"}, {"price", "cost"}, {"lonely"},
	}})
	tests := []struct {
		query string
		want  []string
	}{
		{"roi", []string{"/roi", "/long"}},
		{"return on investment", []string{"/roi", "/long"}},
		{"price", []string{"/price", "/cost"}}, // the word itself above its synonym
		{"cost", []string{"/cost", "/price"}},
	}
	for _, tt := range tests {
		got := urls(ix.Search(tt.query, nil))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q found %q, want %q", tt.query, got, tt.want)
		}
	}
	r := ix.Search("roi", nil)[1]
	if want := (Marked{"Show the ", "return", " ", "on", " ", "investment", " early."}); !reflect.DeepEqual(r.Excerpt, want) {
		t.Errorf("synonym excerpt = %q, want %q", r.Excerpt, want)
	}
}

func TestCompounds(t *testing.T) {
	docs := []Doc{
		page("/freightdesk", "FreightDesk", "", ""),
		page("/desk", "A desk for freight", "", ""),
		page("/onboarding", "Onboarding service", "", ""),
		page("/boarding", "Boarding pass", "", ""),
		page("/sheets", "Notes", "", "Our spreadsheets."),
	}
	ix := openDocs(t, docs, Options{Language: "en", Synonyms: [][]string{{"excel", "spreadsheets"}}})
	tests := []struct {
		query string
		want  []string
	}{
		{"freight desk", []string{"/freightdesk", "/desk"}}, // the name as one word counts for both
		{"on boarding", []string{"/onboarding", "/boarding"}},
		{"spread sheets", []string{"/sheets"}},
		{"freightdesk", []string{"/freightdesk"}}, // a word is not split
	}
	for _, tt := range tests {
		got := urls(ix.Search(tt.query, nil))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q found %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestCommonWords(t *testing.T) {
	// "now" and "way" are on every page; "excel" is on one, in its title.
	// Words in half the pages or more do not count as words
	// matched, so the page with the distinctive word comes first.
	docs := []Doc{page("/excel", "Excel works", "", "")}
	for i := range 24 {
		docs = append(docs, page(fmt.Sprintf("/p%d", i), "Notes", "", "The way we plan now."))
	}
	ix := openDocs(t, docs, Options{Language: "en"})
	if got := urls(ix.Search("the way we do it now is excel", nil)); len(got) == 0 || got[0] != "/excel" {
		t.Errorf("found %q, want /excel first", got)
	}
	// A query of common words alone still ranks by words matched.
	if got := urls(ix.Search("way now", nil)); len(got) == 0 || got[0] == "/excel" {
		t.Errorf("found %q, want a page with both words first", got)
	}
}

func TestResultShape(t *testing.T) {
	ix := openDocs(t, fixtureDocs(), Options{Language: "en"})
	rs := ix.Search("too expnsive", nil)
	if len(rs) == 0 {
		t.Fatal("no result")
	}
	r := rs[0]
	if r.URL != "/objections/too-expensive/" || r.Kind != "objection" || r.Facets["category"][0] != "price" {
		t.Errorf("first result %s (%s, %v)", r.URL, r.Kind, r.Facets)
	}
	if want := (Marked{"It's too ", "expensive", ""}); !reflect.DeepEqual(r.Title, want) {
		t.Errorf("title = %q, want %q", r.Title, want)
	}
	// The page titled "Paid pilot" comes first (its title holds two of
	// the words); the objection mentioning all three is next.
	rs = ix.Search("paid pilot discount", nil)
	if len(rs) < 2 || rs[0].URL != "/closing-tools/paid-pilot/" || rs[1].URL != "/objections/too-expensive/" || len(rs[1].Sections) == 0 || rs[1].Sections[0].Anchor != "respond" {
		t.Fatalf("results %q", urls(rs))
	}
	want := Marked{"Offer a ", "paid", " ", "pilot", " rather than a ", "discount", ". Show the return on investment in the first quarter."}
	if got := rs[1].Sections[0].Excerpt; !reflect.DeepEqual(got, want) {
		t.Errorf("section excerpt = %q, want %q", got, want)
	}
	for _, r := range rs {
		for _, m := range append([]Marked{r.Title, r.Excerpt}, sectionMarks(r)...) {
			if len(m)%2 != 1 {
				t.Errorf("%s: marked text %q has an even number of parts", r.URL, m)
			}
		}
	}
	// A long text is cut around the matches, with ellipses.
	long := page("/long", "Long", "", strings.Repeat("filler ", 40)+"needle "+strings.Repeat("filler ", 40))
	got := openDocs(t, []Doc{long}, Options{Language: "en"}).Search("needle", nil)[0].Excerpt
	if len(got) != 3 || got[1] != "needle" || !strings.HasPrefix(got[0], "…") || !strings.HasSuffix(got[2], "…") {
		t.Errorf("long excerpt = %q", got)
	}
}

func sectionMarks(r Result) []Marked {
	var out []Marked
	for _, s := range r.Sections {
		out = append(out, s.Heading, s.Excerpt)
	}
	return out
}

func TestFilters(t *testing.T) {
	ix := openDocs(t, fixtureDocs(), Options{Language: "en"})
	all := ix.Find(Request{Query: "price", Facets: []string{"kind", "category"}})
	if all.Total < 2 {
		t.Fatalf("price: %d results", all.Total)
	}
	objections := ix.Find(Request{Query: "price", Filters: map[string][]string{"kind": {"objection"}}, Facets: []string{"kind", "category"}})
	for _, r := range objections.Results {
		if r.Kind != "objection" {
			t.Errorf("kind filter let %s (%s) through", r.URL, r.Kind)
		}
	}
	if objections.Total != all.Counts["kind"]["objection"] {
		t.Errorf("filtered total %d, count of objections %d", objections.Total, all.Counts["kind"]["objection"])
	}
	// A facet's own filter does not narrow its counts; others do.
	if !reflect.DeepEqual(objections.Counts["kind"], all.Counts["kind"]) {
		t.Errorf("kind counts changed under a kind filter: %v, was %v", objections.Counts["kind"], all.Counts["kind"])
	}
	if objections.Counts["category"]["price"] != 1 {
		t.Errorf("category counts under the kind filter: %v", objections.Counts["category"])
	}
	both := ix.Find(Request{Query: "security", Filters: map[string][]string{"category": {"risk", "price"}, "stage": {"proposal"}}})
	if got := urls(both.Results); !slices.Equal(got, []string{"/objections/data-security/"}) {
		t.Errorf("two filters: %q", got)
	}
	if r := ix.Find(Request{Query: "price", Filters: map[string][]string{"nope": {"x"}}}); r.Total != 0 {
		t.Errorf("unknown facet: %d results", r.Total)
	}
	if r := ix.Find(Request{Query: "price", Filters: map[string][]string{"kind": {}}}); r.Total != all.Total {
		t.Errorf("a facet with no values filtered: %d results, want %d", r.Total, all.Total)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := parityDocs()
	a, err := Build(docs, parityOptions)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := Build(shuffled, parityOptions)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between builds", p)
		}
		if !strings.HasPrefix(p, "search/") {
			t.Errorf("%s is outside search/", p)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build([]Doc{{Title: "No URL"}}, Options{}); err == nil || !strings.Contains(err.Error(), "no URL") {
		t.Errorf("missing URL: %v", err)
	}
	if _, err := Build([]Doc{{URL: "/a"}, {URL: "/a"}}, Options{}); err == nil || !strings.Contains(err.Error(), `"/a"`) {
		t.Errorf("repeated URL: %v", err)
	}
	files, err := Build(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(files)
	if err != nil {
		t.Fatal(err)
	}
	if rs := ix.Search("anything", nil); len(rs) != 0 {
		t.Errorf("empty index found %v", rs)
	}
	if _, err := Open(map[string][]byte{}); err == nil {
		t.Error("Open without meta.json succeeded")
	}
}

// TestOtherLanguages: no stemming or stop words, but folding.
func TestOtherLanguages(t *testing.T) {
	docs := []Doc{page("/fr", "Objections fréquentes", "", "Le client dit que c'est trop cher.")}
	ix := openDocs(t, docs, Options{Language: "fr"})
	for q, want := range map[string]int{"frequentes": 1, "le client": 1, "cher": 1, "trop": 1} {
		if got := len(ix.Search(q, nil)); got != want {
			t.Errorf("%q: %d results, want %d", q, got, want)
		}
	}
}
