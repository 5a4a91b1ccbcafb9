package site

// Reserved is an address a versioned build keeps for itself.
type Reserved struct {
	Path string // under the site root: a folder ending in "/" or a file
	What string // what lives there, for messages
	Tree bool   // everything under the folder, not just its page
}

// ReservedForVersions lists the addresses versions use: the What changed
// page of every version and, in the latest (latest true), the list of
// versions, versions.json and the older versions under v/. The pipeline
// claims them with every other path of a build (package outpath).
func ReservedForVersions(latest bool) []Reserved {
	r := []Reserved{{Path: "changes/", What: "the What changed page"}}
	if latest {
		r = append(r,
			Reserved{Path: "versions/", What: "the list of versions"},
			Reserved{Path: "versions.json", What: "the list of versions"},
			Reserved{Path: "v/", What: "the older versions of the playbook", Tree: true})
	}
	return r
}
