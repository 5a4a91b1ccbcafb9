package check

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// check finds what the build refuses about where files go, with the same
// messages: the cases are the pipeline's (testdata/paths.json there).
func TestCheckFindsPathCollisions(t *testing.T) {
	b, err := os.ReadFile("../pipeline/testdata/paths.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name  string            `json:"name"`
		Files map[string]string `json:"files"`
		Want  []string          `json:"want"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := fixture.Copy(t, "../pipeline/testdata/basic")
			for rel, text := range c.Files {
				fixture.WriteFile(t, dir, rel, text)
			}
			got := checkErrors(t, dir)
			for _, w := range c.Want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
		})
	}
}
