package offline

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
)

func TestColours(t *testing.T) {
	for _, tc := range []struct {
		name      string
		colours   []config.Colour
		theme, bg string
	}{
		{"none", nil, defaultTheme, defaultBackground},
		{"first is theme, lightest is background", []config.Colour{{Hex: "#0B4F8A"}, {Hex: "#F1F4F8"}, {Hex: "#0F1B2D"}}, "#0b4f8a", "#f1f4f8"},
		{"one colour", []config.Colour{{Hex: "#123456"}}, "#123456", "#123456"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			theme, bg := Colours(&config.Config{Brand: config.Brand{Colours: tc.colours}})
			if theme != tc.theme || bg != tc.bg {
				t.Errorf("Colours = %s, %s; want %s, %s", theme, bg, tc.theme, tc.bg)
			}
		})
	}
}

func TestShortName(t *testing.T) {
	for title, want := range map[string]string{
		"Playbook":             "Playbook",
		"Acme Sales":           "Acme Sales",
		"Northwind Playbook":   "Northwind",
		"Supercalifragilistic": "Supercalifragilistic",
	} {
		if got := shortName(title); got != want {
			t.Errorf("shortName(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestWorkerScript(t *testing.T) {
	b, err := Worker{Build: "abc", Base: "/p/", Offline: "/p/offline.html", Shell: []Entry{{"/p/", "0a1b2c3d"}}, Pages: []Entry{{"/p/x/", "4e5f6a7b"}}}.Script()
	if err != nil {
		t.Fatal(err)
	}
	line, rest, _ := strings.Cut(string(b), "\n")
	var w Worker
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(line, "self.PB = "), ";")), &w); err != nil {
		t.Fatalf("first line %q: %v", line, err)
	}
	if w.Build != "abc" || w.Base != "/p/" || len(w.Shell) != 1 || w.Pages[0] != (Entry{"/p/x/", "4e5f6a7b"}) {
		t.Errorf("settings = %+v", w)
	}
	if !strings.Contains(rest, "addEventListener('fetch'") {
		t.Error("the worker's code does not follow its settings")
	}
	// A stamp that would close the string cannot break out of it.
	b, _ = Worker{Build: `"</script>`}.Script()
	if !strings.HasPrefix(string(b), `self.PB = {"build":"\"\u003c/script\u003e"`) {
		t.Errorf("build stamp not escaped: %s", strings.SplitN(string(b), "\n", 2)[0])
	}
}
