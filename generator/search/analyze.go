package search

import (
	"runtime"
	"sync"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// Analysis: every document is tokenised once, in parallel, into counts of
// words per field. Each worker interns words in its own table (no locks on
// the hot path); the tables are merged afterwards.

// field says where in a page a word occurs.
type field uint8

const (
	inTitle field = iota
	inPhrase
	inHeading
	inBody
)

// wordCount is how often one word (or synonym group) occurs in one page.
type wordCount struct {
	id                        int32 // local word id, or synonym group
	title, phrase, head, body uint16
}

// docWords is what analysis keeps of one page.
type docWords struct {
	words    []wordCount
	groups   []wordCount // synonym groups, id = group index
	titleLen int         // scored words in the title
	length   int         // words in headings and text
	prior    int         // the page kind's weight, in tenths (kindPrior)
}

// analysis is one worker's result over a contiguous range of pages.
type analysis struct {
	words []string // local id -> folded word
	stop  []bool   // local id -> is a stop word
	docs  []docWords
}

// phrase is one phrase of a synonym group, as folded words.
type phrase struct {
	words []string
	group int
}

// analyzeAll tokenises docs on all cores; slot i of the result covers a
// contiguous range of docs, in order.
func analyzeAll(docs []*Doc, lang language, phrases map[string][]phrase) []*analysis {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)/64))
	out := make([]*analysis, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[w] = analyzeRange(docs[lo:hi], lang, phrases)
		}()
	}
	wg.Wait()
	return out
}

type analyzer struct {
	a       *analysis
	ids     *wordTable
	lang    language
	phrases map[string][]phrase
	tok     pagetext.Tokenizer
	state   []wordState // by local id
	firstOf [][]phrase  // local id -> phrases starting with the word
	seq     []int32     // the current field's words, for phrase matching
	starts  []int       // where in seq a phrase may start
	arena   []wordCount // backs every page's word list
	doc     int32
	cur     docWords
}

// arenaBlock is how many word counts an arena block holds (768 kB): a
// page's list never spans two blocks, so a block's unused tail is less
// than one page's words.
const arenaBlock = 1 << 16

// wordState is the per-word scratch of analysis, kept together so that a
// word costs one cache miss: stamp says which page last counted the word,
// slot where in that page's list it is.
type wordState struct {
	stamp, slot int32
	stop        bool
	starts      bool // some synonym phrase starts with the word
}

func analyzeRange(docs []*Doc, lang language, phrases map[string][]phrase) *analysis {
	z := &analyzer{
		a:       &analysis{docs: make([]docWords, len(docs))},
		ids:     newWordTable(),
		lang:    lang,
		phrases: phrases,
	}
	for i, d := range docs {
		z.doc = int32(i + 1)
		z.cur = docWords{words: z.cur.words[:0], prior: kindPrior(d.Kind)}
		z.field(d.Title, inTitle)
		for _, p := range d.Phrases {
			z.field(p, inPhrase)
		}
		for _, name := range docNames(d) {
			z.name(name)
		}
		for _, s := range d.Sections {
			z.field(s.Heading, inHeading)
			z.field(s.Text, inBody)
		}
		z.cur.titleLen = max(1, z.cur.titleLen)
		// Copy the page's words into the arena; the list is scratch. The
		// arena is a series of blocks, never grown by copying: pages keep
		// slices of it, so a grown array would keep the old one alive too
		// (at 100,000 pages, twice the words' size).
		if cap(z.arena)-len(z.arena) < len(z.cur.words) {
			z.arena = make([]wordCount, 0, max(arenaBlock, len(z.cur.words)))
		}
		n := len(z.arena)
		z.arena = append(z.arena, z.cur.words...)
		done := z.cur
		done.words = z.arena[n:len(z.arena):len(z.arena)]
		z.a.docs[i] = done
	}
	return z.a
}

func (z *analyzer) field(text string, f field) {
	z.tok.Reset(text)
	z.seq, z.starts = z.seq[:0], z.starts[:0]
	phrases := len(z.phrases) > 0
	for z.tok.Next() {
		id, h := z.ids.lookup(z.tok.Word())
		if id < 0 {
			id = z.intern(z.tok.Word(), h)
		}
		st := &z.state[id]
		if phrases {
			if st.starts {
				z.starts = append(z.starts, len(z.seq))
			}
			z.seq = append(z.seq, id)
		}
		if f == inHeading || f == inBody {
			z.cur.length++
		}
		if st.stop {
			continue
		}
		if f == inTitle {
			z.cur.titleLen++
		}
		if st.stamp != z.doc {
			st.stamp = z.doc
			st.slot = int32(len(z.cur.words))
			z.cur.words = append(z.cur.words, wordCount{id: id})
		}
		count(&z.cur.words[st.slot], f)
	}
	if len(z.starts) > 0 {
		z.matchPhrases(f)
	}
}

// name counts a page's name as one word of its own (see nameKey).
func (z *analyzer) name(key string) {
	id, h := z.ids.lookup([]byte(key))
	if id < 0 {
		id = z.intern([]byte(key), h)
	}
	st := &z.state[id]
	if st.stamp != z.doc {
		st.stamp = z.doc
		st.slot = int32(len(z.cur.words))
		z.cur.words = append(z.cur.words, wordCount{id: id, title: 1})
	}
}

func (z *analyzer) intern(b []byte, h uint64) int32 {
	id := int32(len(z.a.words))
	z.ids.insert(b, h, id)
	w := string(b)
	z.a.words = append(z.a.words, w)
	stop := z.lang.stop[w]
	z.a.stop = append(z.a.stop, stop)
	z.firstOf = append(z.firstOf, z.phrases[w])
	z.state = append(z.state, wordState{stop: stop, starts: len(z.phrases[w]) > 0})
	return id
}

// matchPhrases counts the synonym phrases in the field just read.
func (z *analyzer) matchPhrases(f field) {
	for _, i := range z.starts {
		for _, p := range z.firstOf[z.seq[i]] {
			if i+len(p.words) > len(z.seq) {
				continue
			}
			match := true
			for k := 1; k < len(p.words); k++ {
				if z.a.words[z.seq[i+k]] != p.words[k] {
					match = false
					break
				}
			}
			if match {
				z.countGroup(p.group, f)
			}
		}
	}
}

func (z *analyzer) countGroup(g int, f field) {
	for i := range z.cur.groups {
		if z.cur.groups[i].id == int32(g) {
			count(&z.cur.groups[i], f)
			return
		}
	}
	z.cur.groups = append(z.cur.groups, wordCount{id: int32(g)})
	count(&z.cur.groups[len(z.cur.groups)-1], f)
}

func count(c *wordCount, f field) {
	switch f {
	case inTitle:
		c.title = satInc(c.title)
	case inPhrase:
		c.phrase = satInc(c.phrase)
	case inHeading:
		c.head = satInc(c.head)
	default:
		c.body = satInc(c.body)
	}
}

func satInc(v uint16) uint16 { return satAdd(v, 1) }

func satAdd(a, b uint16) uint16 {
	if s := uint32(a) + uint32(b); s < 0xFFFF {
		return uint16(s)
	}
	return 0xFFFF
}
