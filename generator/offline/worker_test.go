package offline

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWorkerBehaviour runs sw.js in Node (skipped without it) with fake
// caches and network (testdata/harness.js), through each scenario there.
func TestWorkerBehaviour(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found")
		}
		t.Skip("node not found")
	}
	// The bodies the harness's network serves, hashed as the build does.
	sw, err := Worker{Build: "new", Base: "/p/", Offline: "/p/offline.html",
		Shell: []Entry{{"/p/", Hash([]byte("home"))}, {"/p/offline.html", Hash([]byte("off"))}, {"/p/search/meta.json", Hash([]byte("meta-new"))}},
		Pages: []Entry{{"/p/a/", Hash([]byte("A"))}, {"/p/b/", Hash([]byte("B"))}, {"/p/c/", Hash([]byte("C2"))}},
	}.Script()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), WorkerFile)
	if err := os.WriteFile(file, sw, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, scenario := range []string{"install", "shellFails", "fresh", "searchFiles", "eventStream"} {
		t.Run(scenario, func(t *testing.T) {
			out, err := exec.Command(node, filepath.Join("testdata", "harness.js"), file, scenario).CombinedOutput()
			if err != nil {
				t.Errorf("%v\n%s", err, out)
			}
		})
	}
}
