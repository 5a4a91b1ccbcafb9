package handbooks

// docusaurusStyle is not written yet: it writes the plain layout.
type docusaurusStyle struct{ plainStyle }
