// Package tomlwords names the type of a decoded TOML value in plain words,
// so that playbook.toml and page front matter say "not a number" alike.
package tomlwords

import (
	"fmt"
	"reflect"
	"time"
)

// Given names the type of v, a value as a TOML or YAML decoder returns it,
// as messages say what was written: "text", "a number", "a list".
func Given(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "a list of tables"
	}
	// A list of any item type: []any from playbook.toml, front matter's
	// own item type from pages.
	if v != nil && reflect.TypeOf(v).Kind() == reflect.Slice {
		return "a list"
	}
	return fmt.Sprintf("%T", v)
}
