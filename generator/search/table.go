package search

import "hash/maphash"

// wordTable interns words during analysis. Looking a word up in a Go map
// costs several cache misses on a large vocabulary (control bytes, entry,
// string data); here a word of up to 16 bytes sits inside its slot with its
// full hash, so a lookup usually touches one cache line. Longer words fall
// back to a map.
type wordTable struct {
	seed maphash.Seed
	// recent is a small direct-mapped cache that stays in the CPU's first
	// cache level: the commonest words (a Zipf head) are found there.
	recent [8192]tableSlot
	slots  []tableSlot
	n      int
	long   map[string]int32
}

type tableSlot struct {
	hash uint64
	key  [16]byte
	len  uint8 // 0 for an empty slot
	id   int32
}

func newWordTable() *wordTable {
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]tableSlot, 1<<14), long: map[string]int32{}}
}

// lookup returns the id of w, or -1.
func (t *wordTable) lookup(w []byte) (int32, uint64) {
	if len(w) > 16 {
		if id, ok := t.long[string(w)]; ok {
			return id, 0
		}
		return -1, 0
	}
	h := maphash.Bytes(t.seed, w)
	r := &t.recent[h&8191]
	if r.hash == h && int(r.len) == len(w) && string(r.key[:r.len]) == string(w) {
		return r.id, h
	}
	mask := uint64(len(t.slots) - 1)
	for i := h >> 13 & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.len == 0 {
			return -1, h
		}
		if s.hash == h && int(s.len) == len(w) && string(s.key[:s.len]) == string(w) {
			*r = *s
			return s.id, h
		}
	}
}

// insert adds w, which lookup did not find, with the hash lookup returned.
func (t *wordTable) insert(w []byte, h uint64, id int32) {
	if len(w) > 16 {
		t.long[string(w)] = id
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.place(tableSlot{hash: h, len: uint8(len(w)), id: id}, w)
	t.n++
}

func (t *wordTable) place(s tableSlot, w []byte) {
	copy(s.key[:], w)
	mask := uint64(len(t.slots) - 1)
	i := s.hash >> 13 & mask
	for t.slots[i].len != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]tableSlot, 2*len(old))
	for _, s := range old {
		if s.len != 0 {
			t.place(s, s.key[:s.len])
		}
	}
}
