package handbooks

// gitbookStyle is not written yet: it writes the plain layout.
type gitbookStyle struct{ plainStyle }
