package versions

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Folder is where versions live under the site root.
const Folder = "v"

// pathNames gives each display name a folder name that is safe in a URL
// and on every file system: ASCII letters and digits (accented letters
// lose their accents, other scripts are dropped), '.', '_' and '-', every
// other run of characters made one '-', no dot or dash at either end,
// and unique without regard to case (macOS and Windows would merge v1
// and V1), a clash taking -2, -3 and so on.
//
// previous gives folders an earlier build published (by position, ""
// for none): a name keeps its folder, so that adding a tag never moves
// an older one's address. clashes lists the positions that took a
// suffix.
func pathNames(names, previous []string) (paths []string, clashes []int) {
	paths = make([]string, len(names))
	taken := map[string]bool{}
	// Folders already published stay where they are, if they are still
	// this name's folder.
	for i, name := range names {
		if i >= len(previous) || previous[i] == "" {
			continue
		}
		base, p := safeName(name), previous[i]
		if (p == base || isSuffixed(p, base)) && !taken[strings.ToLower(p)] {
			paths[i] = p
			taken[strings.ToLower(p)] = true
		}
	}
	for i, name := range names {
		if paths[i] != "" {
			continue
		}
		base := safeName(name)
		p := base
		for n := 2; taken[strings.ToLower(p)]; n++ {
			p = base + "-" + strconv.Itoa(n)
		}
		taken[strings.ToLower(p)] = true
		paths[i] = p
	}
	for i, name := range names {
		if paths[i] != safeName(name) {
			clashes = append(clashes, i)
		}
	}
	return paths, clashes
}

// isSuffixed reports whether p is base with a clash suffix (-2, -3, …).
func isSuffixed(p, base string) bool {
	rest, ok := strings.CutPrefix(p, base+"-")
	if !ok || rest == "" {
		return false
	}
	n, err := strconv.Atoi(rest)
	return err == nil && n >= 2
}

func safeName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a diacritic, split off by NFKD
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-'):
			if r == '-' {
				if dash {
					continue
				}
				dash = true
			} else {
				dash = false
			}
			b.WriteRune(r)
		default:
			if !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	s := strings.Trim(b.String(), ".-")
	// ".." inside is harmless in one path segment, but reads like a
	// parent folder: keep names plain.
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if s == "" {
		s = "version"
	}
	// Names Windows keeps for devices, with or without an extension:
	// "nul.txt" is the device too, so the suffix goes before the first dot.
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s = s[:len(base)] + "-version" + s[len(base):]
	}
	// Cut last, so that a cut name is its own folder name again.
	if len(s) > maxPathName {
		s = strings.TrimRight(s[:maxPathName], ".-")
	}
	return s
}

// maxPathName keeps folder names well inside every file system's limit.
const maxPathName = 64
