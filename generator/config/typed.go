package config

import (
	"encoding"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/tomlwords"
	"github.com/playbook-ssg/playbook/generator/tomlpos"
)

// typedDecoder fills a Config from playbook.toml decoded as plain TOML
// values, walking the toml tags of Config's types. BurntSushi/toml stops
// at the first value of the wrong type, and which one it meets first
// depends on map order; walking the document ourselves reports every such
// value in one run, at its line and column, in the words the page decoder
// uses for front matter. A wrong value is left out, so its field keeps
// its default and the rest of the playbook can still be checked.
type typedDecoder struct {
	src []byte
	// keys is where each key is written. The decoder adds each key it
	// reads under its setting's own name (brand.colours[0].hex), so that
	// later checks find it when it was written in other case
	// ([[Brand.Colours]]) or inside an inline table, which tomlpos does not
	// look into.
	keys   tomlpos.Lines
	values tomlpos.Lines // where each key's value starts, as written
	diags  *diag.List
	// dropped holds the keys (dotted, by their settings' names, as later
	// checks ask) whose values were left out, so that later checks do not
	// take them for values the file never set.
	dropped map[string]bool
}

// at is where a value is in the document: its name in messages, its key
// as written and as tomlpos records it (array-of-tables entries indexed
// from 0), the same key by its settings' names (canon), its key as written
// without indexes (for suggestions), and its position.
type at struct {
	name   string
	key    []string
	canon  []string
	plain  []string
	pos    tomlpos.Pos
	isItem bool // an item of a list of values, named "list: item N"
}

// child is where the value of key k (as written) below parent is; canon is
// the name of its setting, which differs from k in case at most.
func (d *typedDecoder) child(parent at, k, canon string) at {
	key := append(slices.Clone(parent.key), k)
	name := k
	if parent.name != "" {
		name = parent.name + "." + k
	}
	pos, ok := d.values[strings.Join(key, ".")]
	if !ok {
		// A table only implied by a longer header or dotted key ([a.b]
		// for a) starts where its first key does; a key inside an inline
		// table, which tomlpos does not look into, is at its table.
		pos, ok = d.values.First(key...)
	}
	if !ok {
		pos = parent.pos
	}
	return at{name: name, key: key, canon: append(slices.Clone(parent.canon), canon), plain: append(slices.Clone(parent.plain), k), pos: pos}
}

// record notes where a key is under its settings' names, for later checks;
// it prefers the key's own position to its value's.
func (d *typedDecoder) record(where at) {
	canon := strings.Join(where.canon, ".")
	if _, ok := d.keys[canon]; ok {
		return
	}
	pos, ok := d.keys[strings.Join(where.key, ".")]
	if !ok {
		// Inside an inline table: at the key that holds the table when it
		// is on the value's line, else at the value (an item of a list).
		pos = where.pos
		if outer := d.keys.FindPos(where.key...); outer.Line == pos.Line {
			pos = outer
		}
	}
	if pos.Line > 0 {
		d.keys[canon] = pos
	}
}

// decodeTyped sets c from raw, reporting every value of the wrong type and
// every unknown key.
func decodeTyped(c *Config, raw map[string]any, src []byte, keys tomlpos.Lines, diags *diag.List) map[string]bool {
	d := &typedDecoder{src: src, keys: keys, values: tomlpos.Values(src), diags: diags, dropped: map[string]bool{}}
	d.set(reflect.ValueOf(c).Elem(), raw, at{})
	return d.dropped
}

// set stores v in dst when it has dst's type, reporting it otherwise. It
// reports whether v was stored (a table with some wrong values still is).
func (d *typedDecoder) set(dst reflect.Value, v any, where at) bool {
	t := dst.Type()
	if rv := reflect.ValueOf(v); rv.IsValid() && rv.Type().AssignableTo(t) && t.Kind() != reflect.Interface {
		dst.Set(rv)
		return true
	}
	if dst.CanAddr() {
		if u, ok := dst.Addr().Interface().(encoding.TextUnmarshaler); ok {
			return d.setText(u, t, v, where)
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if !d.set(p.Elem(), v, where) {
			return false
		}
		dst.Set(p)
		return true
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return d.wrong(where, t, v)
		}
		fields := tomlFields(t)
		for _, k := range sortedKeys(m) {
			name := k
			i, ok := fields[k]
			if !ok {
				name, i, ok = foldedField(fields, k)
			}
			if !ok {
				d.unknown(d.child(where, k, k), slices.Sorted(maps.Keys(fields)))
				continue
			}
			child := d.child(where, k, name)
			d.record(child)
			d.set(dst.Field(i), m[k], child)
		}
		return true
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok || t.Key().Kind() != reflect.String {
			return d.wrong(where, t, v)
		}
		if dst.IsNil() {
			dst.Set(reflect.MakeMap(t))
		}
		for _, k := range sortedKeys(m) {
			elem := reflect.New(t.Elem()).Elem()
			child := d.child(where, k, k)
			d.record(child)
			if d.set(elem, m[k], child) {
				dst.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), elem)
			}
		}
		return true
	case reflect.Slice:
		return d.setList(dst, v, where)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return d.wrong(where, t, v)
		}
		dst.SetString(s)
		return true
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return d.wrong(where, t, v)
		}
		dst.SetBool(b)
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(int64)
		if !ok || dst.OverflowInt(n) {
			return d.wrong(where, t, v)
		}
		dst.SetInt(n)
		return true
	case reflect.Float32, reflect.Float64:
		switch n := v.(type) {
		case float64:
			dst.SetFloat(n)
		case int64:
			dst.SetFloat(float64(n))
		default:
			return d.wrong(where, t, v)
		}
		return true
	}
	if rv := reflect.ValueOf(v); rv.IsValid() && rv.Type().AssignableTo(t) {
		dst.Set(rv)
		return true
	}
	return d.wrong(where, t, v)
}

// setText stores a value of a type that reads itself from text (such as
// Size), as the TOML decoder would: text as it is, numbers as written.
func (d *typedDecoder) setText(u encoding.TextUnmarshaler, t reflect.Type, v any, where at) bool {
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case int64:
		text = strconv.FormatInt(x, 10)
	case float64:
		text = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return d.wrong(where, t, v)
	}
	if err := u.UnmarshalText([]byte(text)); err != nil {
		return d.wrong(where, t, v)
	}
	return true
}

// setList stores a list item by item, leaving out the wrong ones.
func (d *typedDecoder) setList(dst reflect.Value, v any, where at) bool {
	t := dst.Type()
	var items []any
	var positions []tomlpos.Pos
	switch list := v.(type) {
	case []map[string]any: // an array of tables, [[voice]]: each has a header
		for i, m := range list {
			items = append(items, m)
			key := slices.Clone(where.key)
			key[len(key)-1] += fmt.Sprintf("[%d]", i)
			positions = append(positions, d.values.FindPos(key...))
		}
	case []any:
		items = list
		positions = tomlpos.Items(d.src, where.pos)
	default:
		return d.wrong(where, t, v)
	}
	out := reflect.MakeSlice(t, 0, len(items))
	for i, it := range items {
		item := at{plain: where.plain, pos: where.pos}
		if i < len(positions) {
			item.pos = positions[i]
		}
		if _, table := it.(map[string]any); table && t.Elem().Kind() == reflect.Struct {
			// Keys inside an entry are named and found by its index.
			item.key = slices.Clone(where.key)
			item.key[len(item.key)-1] += fmt.Sprintf("[%d]", i)
			item.canon = slices.Clone(where.canon)
			item.canon[len(item.canon)-1] += fmt.Sprintf("[%d]", i)
			item.name = fmt.Sprintf("%s[%d]", where.name, i+1)
			d.record(item)
		} else {
			item.key, item.canon, item.isItem = where.key, where.canon, true
			if where.isItem {
				item.name = fmt.Sprintf("%s, item %d", where.name, i+1)
			} else {
				item.name = fmt.Sprintf("%s: item %d", where.name, i+1)
			}
		}
		elem := reflect.New(t.Elem()).Elem()
		if d.set(elem, it, item) {
			out = reflect.Append(out, elem)
		}
	}
	dst.Set(out)
	return true
}

// wrong reports a value of the wrong type and leaves it out.
func (d *typedDecoder) wrong(where at, t reflect.Type, v any) bool {
	if !where.isItem {
		d.dropped[strings.Join(where.canon, ".")] = true
	}
	d.diags.Errorf(FileName, where.pos.Line, where.pos.Col, "config", "%s must be %s, not %s%s", where.name, expected(t, v), tomlwords.Given(v), typeHint(t, v))
	return false
}

// unknown reports a key no setting has, suggesting the nearest one.
func (d *typedDecoder) unknown(where at, known []string) {
	pos, ok := d.keys.First(where.key...)
	if !ok {
		pos = where.pos
	}
	d.diags.Errorf(FileName, pos.Line, pos.Col, "config", "unknown key %q%s", strings.Join(where.plain, "."), diag.DidYouMean(where.plain[len(where.plain)-1], known))
}

// expected names the type a setting takes, in plain words; a list of
// text shows the value given as its one item, since that is the fix.
func expected(t reflect.Type, v any) string {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String {
		if s, ok := v.(string); ok {
			return fmt.Sprintf("a list of text, like [%q]", s)
		}
		return `a list of text, like ["a", "b"]`
	}
	return typeWords(t)
}

// expectedWords is implemented by a type that reads itself from text
// (Size), whose Go kind says nothing to a reader: it names what it takes.
type expectedWords interface{ Expected() string }

// ownWords returns the words t gives for itself, if it has them. Only
// non-pointer types are asked, so a nil pointer is never called.
func ownWords(t reflect.Type) (string, bool) {
	if t.Kind() == reflect.Pointer {
		return "", false
	}
	w, ok := reflect.Zero(t).Interface().(expectedWords)
	if !ok {
		return "", false
	}
	return w.Expected(), true
}

// typeWords names the type t takes, in plain words.
func typeWords(t reflect.Type) string {
	if w, ok := ownWords(t); ok {
		return w
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeWords(t.Elem())
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Struct, reflect.Map:
		return "a table"
	case reflect.Slice:
		return "a list of " + pluralWords(t.Elem())
	}
	return t.String()
}

func pluralWords(t reflect.Type) string {
	if w, ok := ownWords(t); ok {
		return "values each " + w
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false values"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "whole numbers"
	case reflect.Float32, reflect.Float64:
		return "numbers"
	case reflect.Struct, reflect.Map:
		return "tables"
	case reflect.Slice:
		return "lists of " + pluralWords(t.Elem())
	}
	return t.String()
}

// typeHint says how to write the value when the fix is plain: quotes
// added or taken away.
func typeHint(t reflect.Type, v any) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s, isText := v.(string)
	switch t.Kind() {
	case reflect.String:
		switch v.(type) {
		case int64, float64, bool, time.Time:
			return ": put it in quotes"
		}
	case reflect.Bool:
		if isText && (s == "true" || s == "false") {
			return ": write it without quotes"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if _, err := strconv.Atoi(strings.TrimSpace(s)); isText && err == nil {
			return ": write it without quotes"
		}
	}
	return ""
}

// tomlFields maps each toml tag of a struct to its field's index.
func tomlFields(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if !f.IsExported() || name == "-" || name == "" {
			continue
		}
		out[name] = i
	}
	return out
}

// foldedField finds a field whose tag differs from k only in case
// ("Title"), which BurntSushi/toml accepts and so playbooks may use, and
// returns its tag too.
func foldedField(fields map[string]int, k string) (string, int, bool) {
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if strings.EqualFold(name, k) {
			return name, fields[name], true
		}
	}
	return "", 0, false
}

func sortedKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}
