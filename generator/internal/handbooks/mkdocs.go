package handbooks

// mkdocsStyle is not written yet: it writes the plain layout.
type mkdocsStyle struct{ plainStyle }
