package tomlwords

import (
	"testing"
	"time"
)

type field struct{}

func TestGiven(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{"x", "text"},
		{int64(1), "a number"},
		{1.5, "a decimal number"},
		{true, "true/false"},
		{time.Time{}, "a date"},
		{[]any{1}, "a list"},
		{[]field{}, "a list"},
		{map[string]any{}, "a table"},
		{[]map[string]any{}, "a list of tables"},
	} {
		if got := Given(c.v); got != c.want {
			t.Errorf("Given(%#v) = %q, want %q", c.v, got, c.want)
		}
	}
}
