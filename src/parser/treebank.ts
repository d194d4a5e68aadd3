// CoNLL-U treebanks and their alignment to the pipeline's own tokens. Pure functions (no
// Node built-ins): `eval --treebank` scores with them and training projects gold trees
// through them, so both read a gold sentence and match it to wink's tokens the same way.

/** One syntactic word of a gold sentence, with its characters in the sentence's `# text`. */
export interface TreebankWord {
  form: string;
  upos: string;
  /** Sentence-relative index of the head word, -1 for the root. */
  head: number;
  deprel: string;
  /** Character span in the sentence text; start === end when the form was not found there. */
  start: number;
  end: number;
}

export interface TreebankSentence {
  id: string;
  text: string;
  words: TreebankWord[];
}

export class TreebankFormatError extends Error {}

/**
 * Reads CoNLL-U: one sentence per blank-line-separated block, each with a `# text` comment.
 * Multiword-token lines give the surface span their words share; empty nodes (8.1) are skipped.
 * Throws TreebankFormatError, naming the line, on anything else that is not CoNLL-U.
 */
export function readConllu(content: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  const lines = content.split(/\r?\n/);
  let id = "";
  let text: string | undefined;
  let rows: { form: string; upos: string; head: number; deprel: string; surface: number }[] = [];
  let surfaces: { form: string; words: number }[] = [];
  let pendingMultiword: { form: string; last: number } | undefined;
  let startLine = 1;

  const fail = (line: number, message: string): never => {
    throw new TreebankFormatError(`line ${line}: ${message}`);
  };
  const flush = (line: number) => {
    if (rows.length === 0 && text === undefined) return;
    if (rows.length === 0) fail(line, "sentence without words");
    if (text === undefined) fail(startLine, "sentence without a '# text' comment");
    for (const row of rows) {
      if (row.head >= rows.length) fail(startLine, `head ${row.head + 1} out of range in sentence ${id || sentences.length + 1}`);
    }
    sentences.push({ id: id || String(sentences.length + 1), text: text!, words: locate(text!, rows, surfaces) });
    id = "";
    text = undefined;
    rows = [];
    surfaces = [];
    pendingMultiword = undefined;
  };

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const number = k + 1;
    if (line.trim() === "") {
      flush(number);
      startLine = number + 1;
      continue;
    }
    if (line.startsWith("#")) {
      const match = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (match?.[1] === "sent_id") id = match[2].trim();
      else if (match?.[1] === "text") text = match[2];
      continue;
    }
    const fields = line.split("\t");
    if (fields.length !== 10) fail(number, `expected 10 tab-separated fields, found ${fields.length}`);
    const [index, form, , upos, , , head, deprel] = fields;
    if (/^\d+\.\d+$/.test(index)) continue;
    const range = /^(\d+)-(\d+)$/.exec(index);
    if (range) {
      pendingMultiword = { form, last: Number(range[2]) };
      surfaces.push({ form, words: Number(range[2]) - Number(range[1]) + 1 });
      continue;
    }
    if (!/^\d+$/.test(index) || Number(index) !== rows.length + 1) fail(number, `unexpected word index '${index}'`);
    if (!/^\d+$/.test(head)) fail(number, `head '${head}' is not a number`);
    if (deprel === "" || deprel === "_") fail(number, "missing dependency relation");
    const inMultiword = pendingMultiword !== undefined && Number(index) <= pendingMultiword.last;
    if (!inMultiword) {
      pendingMultiword = undefined;
      surfaces.push({ form, words: 1 });
    }
    rows.push({ form, upos, head: Number(head) - 1, deprel, surface: surfaces.length - 1 });
  }
  flush(lines.length);
  return sentences;
}

/**
 * Character spans of the words: each surface form (a word, or a multiword token) is found
 * in the text from where the previous one ended; a multiword token's words share its span
 * out by their forms when they spell it ("do"+"n't"), else each gets the whole span.
 */
function locate(
  text: string,
  rows: { form: string; upos: string; head: number; deprel: string; surface: number }[],
  surfaces: { form: string; words: number }[],
): TreebankWord[] {
  const words: TreebankWord[] = [];
  let cursor = 0;
  let row = 0;
  for (const surface of surfaces) {
    let start = text.startsWith(surface.form, cursor) ? cursor : text.indexOf(surface.form, cursor);
    let end = start + surface.form.length;
    if (start < 0) {
      start = end = cursor;
    } else {
      cursor = end;
    }
    const parts = rows.slice(row, row + surface.words);
    const spelled = parts.map((p) => p.form).join("").toLowerCase() === surface.form.toLowerCase();
    let at = start;
    for (const part of parts) {
      const partEnd = spelled && end > start ? at + part.form.length : end;
      words.push({ form: part.form, upos: part.upos, head: part.head, deprel: part.deprel, start: spelled ? at : start, end: partEnd });
      if (spelled) at = partEnd;
    }
    row += surface.words;
  }
  return words;
}

/** A token span of the pipeline, sentence-relative like the words'. */
export interface Span {
  start: number;
  end: number;
}

export interface Alignment {
  /** For each gold word, the token that stands for it (its own or its group's), or -1. */
  tokenOf: Int32Array;
  /** For each gold word, whether exactly one token covers exactly its characters. */
  exact: Uint8Array;
  /** For each token, the gold word it stands for (the top word of its group), or -1. */
  wordOf: Int32Array;
  /** For each token, the token standing for its group (itself for a group's main token), or -1. */
  mainOf: Int32Array;
}

/**
 * Aligns gold words to tokens by character overlap. Words and tokens that overlap form groups;
 * a group's top word (whose head lies outside the group) is represented by its first
 * non-punctuation token. Other tokens of the group represent no word.
 */
export function align(words: readonly TreebankWord[], tokens: readonly Span[], tokenPos?: readonly string[]): Alignment {
  const m = words.length;
  const n = tokens.length;
  const tokenOf = new Int32Array(m).fill(-1);
  const exact = new Uint8Array(m);
  const wordOf = new Int32Array(n).fill(-1);
  const mainOf = new Int32Array(n).fill(-1);
  // Union-find over words (0..m-1) and tokens (m..m+n-1).
  const parent = new Int32Array(m + n);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const covered = new Uint8Array(m);
  let t = 0;
  for (let w = 0; w < m; w++) {
    const word = words[w];
    if (word.end <= word.start) continue;
    while (t < n && tokens[t].end <= word.start) t++;
    for (let u = t; u < n && tokens[u].start < word.end; u++) {
      if (tokens[u].end > word.start) {
        parent[find(w)] = find(m + u);
        covered[w] = 1;
      }
    }
  }
  // Group members.
  const groupWords = new Map<number, number[]>();
  const groupTokens = new Map<number, number[]>();
  for (let w = 0; w < m; w++) {
    if (!covered[w]) continue;
    const root = find(w);
    let list = groupWords.get(root);
    if (!list) groupWords.set(root, (list = []));
    list.push(w);
  }
  for (let u = 0; u < n; u++) {
    const root = find(m + u);
    let list = groupTokens.get(root);
    if (!list) groupTokens.set(root, (list = []));
    list.push(u);
  }
  for (const [root, members] of groupWords) {
    const toks = groupTokens.get(root) ?? [];
    if (toks.length === 0) continue;
    if (members.length === 1 && toks.length === 1) {
      const w = members[0];
      const u = toks[0];
      tokenOf[w] = u;
      wordOf[u] = w;
      mainOf[u] = u;
      exact[w] = words[w].start === tokens[u].start && words[w].end === tokens[u].end ? 1 : 0;
      continue;
    }
    const inGroup = new Set(members);
    // Several tops (a token spanning two phrases): the first one.
    const top = members.find((w) => !inGroup.has(words[w].head)) ?? members[0];
    const main = toks.find((u) => tokenPos?.[u] !== "PUNCT" && tokenPos?.[u] !== "SYM") ?? toks[0];
    wordOf[main] = top;
    for (const u of toks) mainOf[u] = main;
    for (const w of members) tokenOf[w] = main;
  }
  return { tokenOf, exact, wordOf, mainOf };
}

/**
 * The gold tree carried onto the tokens: a token standing for a word takes that word's head
 * (the token of the nearest ancestor that has one) and label; other tokens of a group attach to
 * the group's token as `punct` (punctuation) or `goeswith` (a piece of a split word). A token
 * of no group attaches to its left neighbour the same way.
 */
export function projectTree(
  words: readonly TreebankWord[], alignment: Alignment, tokenPos: readonly string[],
): { heads: Int32Array; labels: string[] } {
  const n = alignment.wordOf.length;
  const heads = new Int32Array(n).fill(-1);
  const labels: string[] = new Array<string>(n).fill("dep");
  const tokenFor = (word: number): number => {
    let w = word;
    let guard = 0;
    while (w >= 0 && alignment.tokenOf[w] < 0 && guard++ < words.length) w = words[w].head;
    return w >= 0 ? alignment.tokenOf[w] : -1;
  };
  for (let u = 0; u < n; u++) {
    const w = alignment.wordOf[u];
    if (w >= 0) {
      const head = words[w].head < 0 ? -1 : tokenFor(words[w].head);
      heads[u] = head === u ? -1 : head;
      labels[u] = heads[u] < 0 ? "root" : words[w].deprel;
      continue;
    }
    const main = alignment.mainOf[u] >= 0 ? alignment.mainOf[u] : u > 0 ? u - 1 : -1;
    heads[u] = main === u ? -1 : main;
    labels[u] = tokenPos[u] === "PUNCT" || tokenPos[u] === "SYM" ? "punct" : "goeswith";
  }
  repairTree(heads, labels);
  return { heads, labels };
}

/**
 * Makes heads a tree in place: a token on a cycle is cut loose, and every root after the
 * first attaches to the first as `parataxis` (UD allows one root).
 */
export function repairTree(heads: Int32Array, labels: string[]): void {
  const n = heads.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  for (let u = 0; u < n; u++) {
    let v = u;
    while (v >= 0 && state[v] === 0) {
      state[v] = 1;
      v = heads[v];
    }
    if (v >= 0 && state[v] === 1) heads[v] = -1; // v closes a cycle
    for (let x = u; x >= 0 && state[x] === 1; x = heads[x]) state[x] = 2;
  }
  let first = -1;
  for (let u = 0; u < n; u++) {
    if (heads[u] >= 0) continue;
    if (first < 0) {
      first = u;
      labels[u] = "root";
    } else {
      heads[u] = first;
      if (labels[u] === "root") labels[u] = "parataxis";
    }
  }
}
