package handbooks

// mdbookStyle is not written yet: it writes the plain layout.
type mdbookStyle struct{ plainStyle }
