package handbooks

// hugoStyle is not written yet: it writes the plain layout.
type hugoStyle struct{ plainStyle }
