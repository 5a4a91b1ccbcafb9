package config

// Expected names what a Size takes, in plain words, for the message about
// a value of the wrong type: a Size reads itself from text, so its Go kind
// (a struct) says nothing to the person writing playbook.toml.
func (Size) Expected() string { return `a size, like "5MB" or 5000000` }
