// Package theme embeds the default theme: HTML templates under layouts/ and
// CSS, JavaScript and icons under static/. A playbook overrides any file by
// putting one at the same path in its own layouts/ or static/ folder.
package theme

import "embed"

// FS holds layouts/ and static/.
//
//go:embed layouts static
var FS embed.FS
