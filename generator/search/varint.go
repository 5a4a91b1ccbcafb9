package search

// Numbers in postings and facet lists are written with a 64-character
// alphabet that needs no escaping in JSON and compresses well. A fixed digit
// is one character (0–63). A variable-length number is written in base 32,
// most significant digit first; digits that are followed by more use the
// upper half of the alphabet.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

func digitValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 36
	case c == '-':
		return 62
	case c == '_':
		return 63
	}
	return -1
}

func appendVarint(dst []byte, v int) []byte {
	var tmp [8]byte
	i := len(tmp) - 1
	tmp[i] = digits[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		tmp[i] = digits[32+v&31]
	}
	return append(dst, tmp[i:]...)
}

// varintLen is the length of appendVarint's encoding of v.
func varintLen(v int) int {
	n := 1
	for v >>= 5; v > 0; v >>= 5 {
		n++
	}
	return n
}

// reader decodes numbers written by appendVarint and fixed digits.
type reader struct {
	s   string
	pos int
	bad bool
}

func (r *reader) more() bool { return r.pos < len(r.s) && !r.bad }

func (r *reader) varint() int {
	v := 0
	for r.pos < len(r.s) {
		d := digitValue(r.s[r.pos])
		r.pos++
		if d < 0 {
			break
		}
		if d < 32 {
			return v<<5 | d
		}
		v = v<<5 | (d - 32)
	}
	r.bad = true
	return 0
}

func (r *reader) fixed() int {
	if r.pos >= len(r.s) {
		r.bad = true
		return 0
	}
	d := digitValue(r.s[r.pos])
	r.pos++
	if d < 0 {
		r.bad = true
		return 0
	}
	return d
}
