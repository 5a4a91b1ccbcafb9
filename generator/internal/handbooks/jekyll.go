package handbooks

// jekyllStyle is not written yet: it writes the plain layout.
type jekyllStyle struct{ plainStyle }
