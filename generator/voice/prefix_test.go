package voice

import (
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
)

func TestPrefixes(t *testing.T) {
	for pattern, want := range map[string]string{
		"cheap":                        "chea",
		"Get":                          "get",
		`a\s+better\s+price`:           "a be",
		`a  b`:                         "a b",
		`client(s?)`:                   "clie",
		`(offer|give|get|throw in)\s+`: "get|give|offe|thro",
		`guarantee[sd]?`:               "guar",
		`[sd]o`:                        "do|so",
		`(?i)[k]ey`:                    "key",
		`don['’]t`:                     "don",
		`x?y`:                          "xy|y",
		`élan`:                         "",
		`.+ful`:                        "",
		`\w+ly`:                        "0|1|2|3|4|5|6|7|8|9|_|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z",
		`\pL+ly`:                       "",
		`(a|b)*c`:                      "",
		`x{2,}`:                        "xx",
	} {
		got := strings.Join(prefixes(pattern), "|")
		if got != want {
			t.Errorf("prefixes(%q) = %q, want %q", pattern, got, want)
		}
	}
}

// TestPrefixesNeverMiss: wherever a rule matches, its prefix test lets it
// be tried.
func TestPrefixesNeverMiss(t *testing.T) {
	texts := []string{"Get  YOU a discount", "GUARANTEES", "a\n\tbetter  price", "Don’t", "clients", "KEY", "so"}
	for _, pattern := range []string{`(offer|give|get|throw in)(\s+(you|a))*\s+discounts?`, `guarantee[sd]?`, `a\s+better\s+price`, `don['’]t`, `client(s?)`, `(?i)[k]ey`, `[sd]o`} {
		rs, err := Compile([]config.VoiceRule{{Find: pattern, Regex: true}})
		if err != nil {
			t.Fatal(err)
		}
		pres := rs.rules[0].prefixes
		for _, text := range texts {
			if rs.rules[0].at.MatchString(text) {
				var buf [prefixLen]byte
				key := string(foldKey(&buf, text))
				if !slices.ContainsFunc(pres, func(p string) bool { return strings.HasPrefix(key, p) }) {
					t.Errorf("%q matches %q but its prefixes %q miss %q", pattern, text, pres, key)
				}
			}
		}
	}
}

func TestLooseRules(t *testing.T) {
	rules := "[[voice]]\nfind = '\\pL+fully'\nregex = true\n[[voice]]\nfind = \"élan\"\n"
	got := check(t, rules, "content/guides/x.md", fm+"Said hopefully, with Élan.\n")
	want := []string{`4:6: warning: "hopefully" is banned`, `4:22: warning: "Élan" is banned`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
