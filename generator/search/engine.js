/*
 * Playbook search engine: the browser side of generator/search. Vanilla
 * JavaScript (ES2018), no dependencies. It must give exactly the results of
 * the Go reference (open.go, query.go, rank.go, excerpt.go); a browser test
 * holds the two together, so change both or neither.
 *
 * API (served as search/search.js, which defines window.PlaybookSearch):
 *
 *   const index = PlaybookSearch.open(url)
 *     url: the folder holding meta.json, such as "/search/"; by default the
 *     folder this script was loaded from. Fetches meta.json at once, and
 *     nothing else until a search needs it: call it when the search box
 *     gets focus, not on page load.
 *
 *   index.search(query, filters, options) -> Promise<Response>
 *     query: the text typed; the last word also matches as a prefix unless
 *       the query ends with a space or punctuation.
 *     filters: {facet: [values]} keeps pages having, for each facet named,
 *       one of its values (kind, category, persona, stage, owners, tags).
 *     options.limit: results wanted (default 10).
 *     options.facets: facet names to count, e.g. ["kind", "category"].
 *     Response: {
 *       total: number of matching pages,
 *       results: [{
 *         url, kind, score,
 *         title: Marked, excerpt: Marked,
 *         facets: {name: [values]},
 *         sections: [{anchor, heading: Marked, excerpt: Marked}]  (best first, at most 3)
 *       }],
 *       counts: {facet: {value: pages}}  (only with options.facets; a facet's
 *         own filter is left out of its counts)
 *     }
 *     Marked is an array of strings: even indexes plain, odd indexes
 *     matched. Render each part as a text node (textContent), the odd ones
 *     inside <mark>; never as HTML. An excerpt cut short has an ellipsis.
 *     Searches may overlap; each resolves on its own. A failed fetch rejects.
 *
 *   index.facetValues(name) -> Promise<[{value, count}]>
 *     Every value of a facet with its number of pages, for filter menus.
 *
 *   index.fetched -> array of the paths fetched so far, for tests.
 */
(function (root) {
'use strict';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

const TIER_EXACT = 3, TIER_PREFIX = 2, TIER_TYPO = 1;
const W_EXACT = 10, W_COMPOUND = 11, W_SYNONYM = 9, W_PREFIX = 7, W_TYPO1 = 5, W_TYPO2 = 3;
const STRONG_IMPACT = 32, COMMON_IDF = 4, COMMON_DOCS = 20, TYPO_CAP = 8, RARE_DF = 2, EXCERPT_WORDS = 24, EXCERPT_LEAD = 3, SECTION_RESULTS = 3, LIMIT = 10;

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const WORD = '(?:(?![' + CJK + '])[\\p{L}\\p{M}\\p{N}])';
const TOKEN = new RegExp('[' + CJK + ']|' + WORD + '+(?:[\'’]' + WORD + '+)*', 'gu');
const ASCII = /^[A-Za-z0-9]*$/;
const SPELLED = {'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'þ': 'th', 'ı': 'i', 'ς': 'σ'};

// Reader decodes the numbers of varint.go.
class Reader {
constructor(s) { this.s = s; this.p = 0; this.bad = false; }
more() { return this.p < this.s.length && !this.bad; }
varint() {
let v = 0;
while (this.p < this.s.length) {
const c = this.s.charCodeAt(this.p++);
const d = c < 128 ? DIGIT[c] : -1;
if (d < 0) break;
if (d < 32) return v * 32 + d;
v = v * 32 + d - 32;
}
this.bad = true;
return 0;
}
fixed() {
const c = this.p < this.s.length ? this.s.charCodeAt(this.p++) : 128;
const d = c < 128 ? DIGIT[c] : -1;
if (d < 0) { this.bad = true; return 0; }
return d;
}
}

function fold(w) {
if (ASCII.test(w)) return w.toLowerCase();
w = w.replace(/['’]/g, '').normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
return w.replace(/[ßæœøđðłþıς]/g, c => SPELLED[c]);
}

// tokens: the words of s with their spans, as in generator/pagetext/fold.go.
function tokens(s) {
const out = [];
TOKEN.lastIndex = 0;
let m;
while ((m = TOKEN.exec(s)) !== null) {
const word = fold(m[0]);
if (word) out.push({start: m.index, end: m.index + m[0].length, word});
}
return out;
}

function shardKeys(w) {
const r = Array.from(w).slice(0, 3);
if (r.length < 3) return r.length ? [r.join('')] : [];
const keys = [r[0] + r[1]];
for (const k of [r[0] + r[2], r[1] + r[2]]) if (!keys.includes(k)) keys.push(k);
return keys;
}

function prefixKey(w) { return Array.from(w).slice(0, 2).join(''); }

// Names, as in names.go: a page's title and names are indexed as one word,
// "_" and the folded words joined by "_".
const LEADS = [['what', 'is', 'meant', 'by'], ['what', 'is'], ['what', 'are'], ['whats'], ['what', 'does'], ['what', 'do'],
['who', 'is'], ['whos'], ['define'], ['definition', 'of'], ['meaning', 'of'], ['explain']];
const TAILS = [['mean'], ['means'], ['stand', 'for'], ['stands', 'for']];
const ARTICLES = ['a', 'an', 'the'];

function queryNames(toks) {
const words = toks.map(t => t.word), out = [];
const add = ws => { if (ws.length > 0) { const k = '_' + ws.join('_'); if (!out.includes(k)) out.push(k); } };
add(words);
for (const lead of LEADS) {
if (words.length > lead.length && lead.every((w, i) => words[i] === w)) {
let rest = words.slice(lead.length);
for (const tail of TAILS) {
if (rest.length > tail.length && tail.every((w, i) => rest[rest.length - tail.length + i] === w)) { rest = rest.slice(0, rest.length - tail.length); break; }
}
if (rest.length > 1 && ARTICLES.includes(rest[0])) rest = rest.slice(1);
add(rest);
break;
}
}
return out;
}

function shardFile(key) {
let s = 'v/';
for (const ch of key) s += /^[a-z0-9]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16);
return s + '.json';
}

function prefixCap(n) { return n < 2 ? 0 : n === 2 ? 3 : n === 3 ? 5 : 8; }

function maxEdits(w) {
if (/\p{N}/u.test(w)) return 0;
const n = Array.from(w).length;
return n >= 8 ? 2 : n >= 4 ? 1 : 0;
}

// editDistance: optimal string alignment distance, or max+1 beyond max.
function editDistance(q, word, max) {
const w = Array.from(word);
if (Math.abs(q.length - w.length) > max) return max + 1;
let prev2 = new Array(w.length + 1).fill(0), prev = [], cur = new Array(w.length + 1).fill(0);
for (let j = 0; j <= w.length; j++) prev.push(j);
for (let i = 1; i <= q.length; i++) {
cur[0] = i;
let low = i;
for (let j = 1; j <= w.length; j++) {
let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] === w[j - 1] ? 0 : 1));
if (i > 1 && j > 1 && q[i - 1] === w[j - 2] && q[i - 2] === w[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
cur[j] = v;
if (v < low) low = v;
}
if (low > max) return max + 1;
const t = prev2; prev2 = prev; prev = cur; cur = t;
}
return Math.min(prev[w.length], max + 1);
}

function decodeList(s) {
const r = new Reader(s), out = [];
let prev = -1;
while (r.more()) { prev += r.varint() + 1; out.push(prev); }
return out;
}

function defaultBase() {
const s = root.document && root.document.currentScript;
return s && s.src ? s.src.replace(/[^/]*$/, '') : 'search/';
}
const scriptBase = defaultBase();

function open(base) {
base = base || scriptBase;
if (!base.endsWith('/')) base += '/';
const files = new Map();
const fetched = [];
// meta.json is always revalidated; the other files carry its build stamp,
// so a browser never mixes files of two builds after a deploy.
let stamp = '';
function get(path) {
if (!files.has(path)) {
fetched.push(path);
const meta = path === 'meta.json';
files.set(path, fetch(meta ? base + path : base + path + '?v=' + stamp, meta ? {cache: 'no-cache'} : {}).then(r => {
if (!r.ok) throw new Error('search: ' + path + ': HTTP ' + r.status);
return r.json();
}));
}
return files.get(path);
}
const ready = get('meta.json').then(m => {
if (m.v !== 2) throw new Error('search: index format ' + m.v + ' is not 2');
stamp = m.build;
const phrases = [];
m.synonyms.forEach((g, gi) => g.forEach(p => phrases.push({words: p.split(' '), group: gi})));
return {
docs: m.docs, group: m.fg, stop: new Set(m.stop.split(' ')), keys: new Set(m.keys.split(' ')),
chunks: decodeList(m.chunks), groupBase: m.terms - m.synonyms.length, synonyms: m.synonyms,
phrases, facets: m.facets,
};
});
const shards = new Map();
function shard(key) {
if (!shards.has(key)) {
shards.set(key, get(shardFile(key)).then(cols => {
const words = cols[0].split(' '), tr = new Reader(cols[1]), dr = new Reader(cols[2]);
const terms = [], dfs = [];
let prev = 0;
for (let i = 0; i < words.length; i++) {
const z = tr.varint();
prev += z & 1 ? -(z + 1) / 2 : z / 2;
terms.push(prev);
dfs.push(dr.varint());
}
return tr.bad || dr.bad ? {words: [], terms: [], dfs: []} : {words, terms, dfs};
}));
}
return shards.get(key);
}
function chunkOf(meta, term) {
let lo = 0, hi = meta.chunks.length;
while (lo < hi) { const mid = (lo + hi) >> 1; if (meta.chunks[mid] <= term) lo = mid + 1; else hi = mid; }
return lo - 1;
}
async function postingList(meta, term) {
const c = chunkOf(meta, term);
if (c < 0) return '';
const list = await get('t/' + c + '.json');
const i = term - meta.chunks[c];
return i >= 0 && i < list.length ? list[i] : '';
}
const facetFiles = new Map();
function facet(meta, name) {
if (!facetFiles.has(name)) {
const n = meta.facets.indexOf(name);
facetFiles.set(name, n < 0 ? Promise.resolve({values: [], docs: []}) : get('facet/' + n + '.json').then(f => ({values: f.values, docs: f.docs.map(decodeList)})));
}
return facetFiles.get(name);
}

// synonymAt: the longest synonym phrase at toks[i], and its groups.
function synonymAt(meta, toks, i) {
let best = 0, groups = [];
for (const p of meta.phrases) {
if (p.words.length < best || i + p.words.length > toks.length) continue;
if (!p.words.every((w, k) => toks[i + k].word === w)) continue;
if (p.words.length > best) { best = p.words.length; groups = []; }
if (!groups.includes(p.group)) groups.push(p.group);
}
groups.sort((a, b) => a - b);
return [best, groups];
}

function newSlot(word, prefix, onlyPrefix, group) {
return {word, prefix, onlyPrefix, group, keys: [], alts: [], known: 0, words: new Map(), patterns: []};
}

function parse(meta, query) {
const toks = tokens(query);
const q = {slots: [], items: [], stop: meta.stop, names: queryNames(toks), compounds: []};
const typing = toks.length > 0 && toks[toks.length - 1].end === query.length;
// tokSlot: each word's slot, -1 for a stop word, -2 in a phrase.
const tokSlot = new Array(toks.length).fill(0);
for (let i = 0; i < toks.length;) {
let [k, groups] = synonymAt(meta, toks, i);
if (k > 1) {
const s = newSlot('', false, false, true);
for (const g of groups) s.alts.push({term: meta.groupBase + g, tier: TIER_EXACT, weight: W_SYNONYM});
q.items.push({slot: q.slots.length});
q.slots.push(s);
tokSlot.fill(-2, i, i + k);
i += k;
continue;
}
const w = toks[i].word;
if (meta.stop.has(w)) { q.items.push({slot: -1, stop: w}); tokSlot[i] = -1; i++; continue; }
const s = newSlot(w, i === toks.length - 1 && typing, false, false);
for (const g of groups) s.alts.push({term: meta.groupBase + g, tier: TIER_EXACT, weight: W_SYNONYM});
tokSlot[i] = q.slots.length;
q.items.push({slot: q.slots.length});
q.slots.push(s);
i++;
}
// Adjacent words may be one word in the content ("freight desk").
for (let i = 0; i + 1 < toks.length; i++) {
const a = tokSlot[i], b = tokSlot[i + 1];
if (a === -2 || b === -2 || (a === -1 && b === -1)) continue;
q.compounds.push({word: toks[i].word + toks[i + 1].word, slots: [a, b].filter(x => x >= 0)});
}
if (q.slots.length === 0 && typing) {
const w = toks[toks.length - 1].word;
if (Array.from(w).length >= 2) {
q.items[q.items.length - 1] = {slot: 0};
q.slots.push(newSlot(w, true, true, false));
}
}
return q;
}

function completions(s, sh, exact) {
const prefix = s.word;
let cands = [];
sh.words.forEach((w, i) => {
const t = sh.terms[i];
if (t !== exact && w.length > prefix.length && w.startsWith(prefix) && !cands.some(c => c.term === t)) cands.push({term: t, df: sh.dfs[i]});
});
cands.sort((a, b) => b.df - a.df || a.term - b.term);
for (const c of cands.slice(0, prefixCap(Array.from(prefix).length))) {
s.alts.push({term: c.term, tier: TIER_PREFIX, weight: W_PREFIX});
s.known += c.df;
}
}

async function corrections(s, edits) {
const q = Array.from(s.word);
const cands = [];
for (const k of s.keys) {
const sh = await shard(k);
sh.words.forEach((w, i) => {
if (w.startsWith('_')) return;
const d = editDistance(q, w, edits);
if (d === 0 || d > edits || s.alts.some(a => a.term === sh.terms[i])) return;
const c = cands.find(c => c.term === sh.terms[i]);
if (c) c.dist = Math.min(c.dist, d);
else cands.push({term: sh.terms[i], dist: d, df: sh.dfs[i]});
});
}
cands.sort((a, b) => a.dist - b.dist || b.df - a.df || a.term - b.term);
return cands.slice(0, TYPO_CAP).map(c => ({term: c.term, tier: TIER_TYPO, weight: c.dist > 1 ? W_TYPO2 : W_TYPO1}));
}

async function resolve(meta, q) {
const words = q.slots.filter(s => !s.group && meta.keys.has(prefixKey(s.word)));
await Promise.all(words.map(s => shard(prefixKey(s.word))));
for (const s of words) {
const key = prefixKey(s.word);
s.keys = [key];
const sh = await shard(key);
let exact = -1;
if (!s.onlyPrefix) {
const i = sh.words.indexOf(s.word);
if (i >= 0) { exact = sh.terms[i]; s.alts.push({term: exact, tier: TIER_EXACT, weight: W_EXACT}); s.known += sh.dfs[i]; }
}
if (s.prefix) completions(s, sh, exact);
}
const typos = q.slots.filter(s => !s.group && s.known <= RARE_DF && !s.onlyPrefix && maxEdits(s.word) > 0);
for (const s of typos) s.keys = shardKeys(s.word).filter(k => meta.keys.has(k));
await Promise.all([].concat(...typos.map(s => s.keys.map(shard))));
for (const s of typos) s.alts.push(...await corrections(s, maxEdits(s.word)));
await resolveCompounds(meta, q);
}

// resolveCompounds: the slots of two adjacent words also match the word
// they make together, in the content or in a synonym group.
async function resolveCompounds(meta, q) {
for (const c of q.compounds) {
const alts = [];
const key = prefixKey(c.word);
let found = false;
if (meta.keys.has(key)) {
const sh = await shard(key);
const i = sh.words.indexOf(c.word);
if (i >= 0) { alts.push({term: sh.terms[i], tier: TIER_EXACT, weight: W_COMPOUND}); found = true; }
}
for (const p of meta.phrases) {
if (p.words.length === 1 && p.words[0] === c.word) alts.push({term: meta.groupBase + p.group, tier: TIER_EXACT, weight: W_SYNONYM});
}
for (const si of c.slots) {
const s = q.slots[si];
if (found && !s.keys.includes(key)) s.keys.push(key);
for (const a of alts) if (!s.alts.some(b => b.term === a.term)) s.alts.push(a);
}
}
}

// Stage one: every page's words matched, tiers and score from the postings.
function accumulate(n, slots) {
const acc = {hit: new Uint8Array(n), slots: new Uint16Array(n), tiers: new Int32Array(n), score: new Float64Array(n)};
const common = commonSlots(slots, n);
const bestTier = new Int8Array(n), bestScore = new Float64Array(n), bestImp = new Int32Array(n);
for (const [si, s] of slots.entries()) {
const touched = [];
for (const a of s.alts) {
const r = new Reader(a.postings);
r.varint();
let doc = -1;
while (r.more()) {
doc += r.varint() + 1;
const imp = r.fixed();
if (r.bad || doc >= n) break;
const v = a.weight * a.idf * imp;
if (bestTier[doc] === 0) { touched.push(doc); bestTier[doc] = a.tier; bestScore[doc] = v; bestImp[doc] = imp; }
else if (a.tier > bestTier[doc] || a.tier === bestTier[doc] && v > bestScore[doc]) { bestTier[doc] = a.tier; bestScore[doc] = v; bestImp[doc] = Math.max(bestImp[doc], imp); }
}
}
for (const d of touched) {
const k = common[si] ? 0 : bestImp[d] >= STRONG_IMPACT && bestTier[d] === TIER_EXACT ? 2 : 1;
acc.hit[d] = 1;
acc.slots[d] += k; acc.tiers[d] += k * bestTier[d]; acc.score[d] += bestScore[d];
bestTier[d] = 0; bestScore[d] = 0; bestImp[d] = 0;
}
}
return acc;
}

// exactPages: the pages one of the query's names names.
async function exactPages(meta, q, n) {
const exact = new Uint8Array(n);
for (const name of q.names) {
const key = prefixKey(name);
if (!meta.keys.has(key)) continue;
const sh = await shard(key);
const i = sh.words.indexOf(name);
if (i < 0) continue;
const r = new Reader(await postingList(meta, sh.terms[i]));
r.varint();
let doc = -1;
while (r.more()) {
doc += r.varint() + 1;
r.fixed();
if (r.bad || doc >= n) break;
exact[doc] = 1;
}
}
return exact;
}

function matches(acc, d) { return acc.hit[d] === 1 || acc.exact[d] === 1; }

// commonSlots: words in about half the pages or more (of 20 or more)
// count to the score only, when the query has a word that is not common.
function commonSlots(slots, docs) {
if (docs < COMMON_DOCS) return slots.map(() => false);
const common = slots.map(s => s.alts.some(a => a.tier === TIER_EXACT && a.weight === W_EXACT && a.idf <= COMMON_IDF));
return common.every(c => c) ? common.map(() => false) : common;
}

function compare(acc, x, y, px, py) {
return acc.exact[y] - acc.exact[x] || acc.slots[y] - acc.slots[x] || acc.tiers[y] - acc.tiers[x] || py - px || acc.score[y] - acc.score[x] || x - y;
}

async function filterFailures(meta, filters, n) {
const fails = new Uint8Array(n), failed = new Int16Array(n);
for (const name of Object.keys(filters || {}).sort()) {
const values = filters[name];
if (!values || values.length === 0) continue;
const f = await facet(meta, name);
const pass = new Uint8Array(n);
f.values.forEach((v, i) => { if (values.includes(v)) for (const d of f.docs[i]) if (d < n) pass[d] = 1; });
const id = meta.facets.indexOf(name);
for (let d = 0; d < n; d++) if (!pass[d]) { fails[d]++; failed[d] = id; }
}
return [fails, failed];
}

async function count(meta, names, acc, fails, failed) {
const counts = {};
for (const name of names) {
const id = meta.facets.indexOf(name);
const f = await facet(meta, name);
const c = {};
f.values.forEach((v, i) => {
let k = 0;
for (const d of f.docs[i]) if (d < fails.length && matches(acc, d) && (fails[d] === 0 || fails[d] === 1 && failed[d] === id)) k++;
if (k > 0) c[v] = k;
});
counts[name] = c;
}
return counts;
}

async function highlightWords(meta, q) {
for (const s of q.slots) {
for (const a of s.alts) {
const v = a.weight * a.idf;
const g = a.term - meta.groupBase;
if (g >= 0) {
for (const p of meta.synonyms[g]) {
const words = p.split(' ');
if (words.length === 1) s.words.set(p, Math.max(s.words.get(p) || 0, v));
else s.patterns.push({words, value: v});
}
continue;
}
for (const k of s.keys) {
const sh = await shard(k);
sh.words.forEach((w, i) => { if (sh.terms[i] === a.term) s.words.set(w, Math.max(s.words.get(w) || 0, v)); });
}
}
}
}

// Stage two, on the fragments of the pages returned. prepare indexes the
// slots' words once per query; fragments keep their tokens across queries.
function prepare(q) {
q.lookup = new Map();
q.firsts = new Map();
q.slots.forEach((s, si) => {
s.words.forEach((v, w) => {
if (!q.lookup.has(w)) q.lookup.set(w, []);
q.lookup.get(w).push({slot: si, value: v});
});
for (const p of s.patterns) {
if (!q.firsts.has(p.words[0])) q.firsts.set(p.words[0], []);
q.firsts.get(p.words[0]).push({slot: si, words: p.words, value: p.value});
}
});
}

const tokenCache = new WeakMap();
function cachedTokens(owner, i, text) {
let c = tokenCache.get(owner);
if (!c) tokenCache.set(owner, c = []);
if (!c[i]) c[i] = tokens(text);
return c[i];
}

function match(q, text, owner, i) {
const toks = cachedTokens(owner, i, text);
const hits = new Array(toks.length).fill(null);
const next = new Array(toks.length);
let following = -1;
for (let j = toks.length - 1; j >= 0; j--) {
next[j] = following;
if (!q.stop.has(toks[j].word)) following = j;
}
const add = (j, si, v) => {
if (!hits[j]) hits[j] = [];
const h = hits[j].find(h => h.slot === si);
if (h) h.value = Math.max(h.value, v); else hits[j].push({slot: si, value: v});
};
for (let j = 0; j < toks.length; j++) {
const w = toks[j].word;
const l = q.lookup.get(w);
if (l) for (const h of l) add(j, h.slot, h.value);
const ps = q.firsts.get(w);
if (ps) for (const p of ps) {
if (j + p.words.length > toks.length) continue;
if (p.words.every((w, k) => toks[j + k].word === w)) for (let k = 0; k < p.words.length; k++) add(j + k, p.slot, p.value);
}
}
for (const h of hits) if (h) h.sort((a, b) => a.slot - b.slot);
return {text, toks, hits, next};
}

// pairs: consecutive query words, stop words left out, as in excerpt.go.
function pairs(q) {
const out = [];
let prev = -1;
for (const it of q.items) {
if (it.slot < 0) continue;
if (prev >= 0 && !q.slots[prev].group && !q.slots[it.slot].group) out.push([{slot: prev}, it]);
prev = it.slot;
}
return out;
}

function is(m, j, it) {
if (it.slot < 0) return m.toks[j].word === it.stop;
return m.hits[j] !== null && m.hits[j].some(h => h.slot === it.slot);
}

function markPairs(m, prs, found) {
if (prs.length === 0) return;
for (let j = 0; j + 1 < m.toks.length; j++) {
const k = m.next[j];
if (k < 0) continue;
for (let p = 0; p < prs.length; p++) if (!found[p] && is(m, j, prs[p][0]) && is(m, k, prs[p][1])) found[p] = true;
}
}

function bestValues(m, best, mul) {
for (const hs of m.hits) if (hs) for (const h of hs) best[h.slot] = Math.max(best[h.slot], h.value * mul);
}

function matchPage(q, f) {
const prs = pairs(q);
const ph = {frag: f, title: match(q, f.t, f, 0), sections: [], pairs: 0};
const pageFound = prs.map(() => false);
markPairs(ph.title, prs, pageFound);
f.s.forEach((s, i) => {
const st = {index: i, slots: 0, pairs: 0, score: 0, heading: match(q, s[1], f, 2 * i + 1), text: match(q, s[2], f, 2 * i + 2)};
const found = prs.map(() => false);
markPairs(st.heading, prs, found);
markPairs(st.text, prs, found);
const best = q.slots.map(() => 0);
bestValues(st.heading, best, 2);
bestValues(st.text, best, 1);
for (const v of best) if (v > 0) { st.slots++; st.score += v; }
found.forEach((ok, p) => { if (ok) { st.pairs++; pageFound[p] = true; } });
ph.sections.push(st);
});
ph.pairs = pageFound.filter(Boolean).length;
ph.sections.sort((a, b) => b.slots - a.slots || b.pairs - a.pairs || b.score - a.score || a.index - b.index);
return ph;
}

function excerpt(m) {
const n = m.toks.length;
if (n === 0) return [m.text];
let best = 0, bestSlots = -1, bestHits = -1;
for (let h = 0; h < n; h++) {
if (!m.hits[h]) continue;
const s = Math.max(0, h - EXCERPT_LEAD);
const seen = new Set();
let hits = 0;
for (let j = s; j < Math.min(n, s + EXCERPT_WORDS); j++) {
if (m.hits[j]) { hits++; for (const x of m.hits[j]) seen.add(x.slot); }
}
if (seen.size > bestSlots || seen.size === bestSlots && hits > bestHits) { best = s; bestSlots = seen.size; bestHits = hits; }
}
return marked(m, best, Math.min(n, best + EXCERPT_WORDS));
}

function marked(m, from, to) {
const n = m.toks.length;
const start = n > 0 && from > 0 ? m.toks[from].start : 0;
const end = n > 0 && to < n ? m.toks[to - 1].end : m.text.length;
const parts = [];
let pos = start;
for (let j = from; j < to; j++) {
if (!m.hits[j]) continue;
parts.push(m.text.slice(pos, m.toks[j].start), m.text.slice(m.toks[j].start, m.toks[j].end));
pos = m.toks[j].end;
}
parts.push(m.text.slice(pos, end));
if (start > 0) parts[0] = '…' + parts[0];
if (end < m.text.length) parts[parts.length - 1] += '…';
return parts;
}

function result(ph, score) {
const f = ph.frag;
const r = {url: f.u, title: marked(ph.title, 0, ph.title.toks.length), kind: f.k, facets: f.f || {}, score, excerpt: null, sections: []};
for (const st of ph.sections) {
if (st.slots === 0) break;
if (r.excerpt === null) r.excerpt = excerpt(st.text);
const a = f.s[st.index][0];
if (a !== '' && r.sections.length < SECTION_RESULTS) r.sections.push({anchor: a, heading: marked(st.heading, 0, st.heading.toks.length), excerpt: excerpt(st.text)});
}
if (r.excerpt === null) {
r.excerpt = [''];
for (let i = 0; i < f.s.length; i++) {
const st = ph.sections.find(s => s.index === i);
if (st && st.text.text !== '') { r.excerpt = excerpt(st.text); break; }
}
}
return r;
}

async function search(query, filters, options) {
options = options || {};
const meta = await ready;
const limit = options.limit > 0 ? options.limit : LIMIT;
const q = parse(meta, String(query || ''));
const resp = {total: 0, results: []};
if (q.slots.length === 0) return resp;
await resolve(meta, q);
const alts = [].concat(...q.slots.map(s => s.alts));
const facetNames = options.facets || [];
const lists = await Promise.all(alts.map(a => postingList(meta, a.term)).concat(
Object.keys(filters || {}).filter(k => filters[k] && filters[k].length).concat(facetNames).map(name => facet(meta, name))));
alts.forEach((a, i) => { a.postings = lists[i]; a.idf = new Reader(a.postings).varint(); });
const n = meta.docs;
const acc = accumulate(n, q.slots);
acc.exact = await exactPages(meta, q, n);
const [fails, failed] = await filterFailures(meta, filters, n);
let cands = [];
for (let d = 0; d < n; d++) if (matches(acc, d) && fails[d] === 0) cands.push(d);
resp.total = cands.length;
if (facetNames.length > 0) resp.counts = await count(meta, facetNames, acc, fails, failed);
cands.sort((x, y) => compare(acc, x, y, 0, 0));
cands = cands.slice(0, limit);
await highlightWords(meta, q);
prepare(q);
const frags = await Promise.all(cands.map(d => get('f/' + Math.floor(d / meta.group) + '.json').then(g => g[d % meta.group])));
const hits = frags.map(f => matchPage(q, f));
const order = cands.map((_, i) => i);
order.sort((i, j) => compare(acc, cands[i], cands[j], hits[i].pairs, hits[j].pairs));
resp.results = order.map(i => result(hits[i], acc.score[cands[i]]));
return resp;
}

async function facetValues(name) {
const meta = await ready;
const f = await facet(meta, name);
return f.values.map((value, i) => ({value, count: f.docs[i].length}));
}

return {search, facetValues, fetched, ready: ready.then(() => true)};
}

root.PlaybookSearch = {open};
})(typeof window !== 'undefined' ? window : globalThis);
