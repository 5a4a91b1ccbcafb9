// Package junk recognises files that editors and tools leave beside real
// ones, so that neither the watcher nor the build treats them as content.
package junk

import (
	"path/filepath"
	"regexp"
	"strings"
)

var sedTemp = regexp.MustCompile(`^sed[A-Za-z0-9]{6}$`)

// Is reports whether a file name is editor or tool litter: swap files
// (.swp, .swx, .swo), backups (~), Emacs lock (.#x) and auto-save (#x#)
// files, vim's write test "4913", Kate's swap, sed -i's and JetBrains'
// temporary copies, GNOME's output streams, macOS's .DS_Store, .tmp files.
func Is(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") ||
		strings.HasSuffix(base, ".swo") || strings.HasPrefix(base, ".#") || base == "4913" ||
		len(base) > 1 && strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#") ||
		strings.HasSuffix(base, ".kate-swp") || strings.HasSuffix(base, ".tmp") || base == ".DS_Store" ||
		sedTemp.MatchString(base) || strings.Contains(base, "___jb_") || strings.HasPrefix(base, ".goutputstream-")
}
