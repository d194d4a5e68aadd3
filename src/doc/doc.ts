// The document model every stage shares (in the spirit of spaCy's Doc and wink's compact
// arrays): the text, one typed-array column per token attribute, sentences, named span
// groups, and the entity and relation tables the last stages fill. Components read and
// write it; Token objects are views that read the columns.
import type { Document, Entity, MentionCandidate, Relation, ResolvedMention, Sentence, Token } from "../model.js";
import { SpanGroup, type TokenRange } from "./spans.js";
import { StringStore } from "./strings.js";

/** Universal POS tags as ids (index 0: none). wink's tagger gives these. */
export const UPOS = [
  "", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE",
] as const;
export type Upos = (typeof UPOS)[number];
const UPOS_ID = new Map<string, number>(UPOS.map((tag, id) => [tag, id]));
/** The id of a POS tag; a tag outside the list reads as X. */
export function uposId(tag: string): number {
  return UPOS_ID.get(tag) ?? UPOS_ID.get("X")!;
}

/** Bits of the `flags` column. */
export const FLAG = {
  /** Starts with an upper-case letter and is not punctuation or a symbol. */
  CAPITALIZED: 1,
  /** Has letters and no lower-case letter. */
  ALL_CAPS: 2,
  /** "WHO", "U.N.", "ECOWAS": initials or capitals of two characters or more. */
  ACRONYM: 4,
  /** A line break stands between this token and the one before. */
  LINE_BREAK_BEFORE: 8,
  /** Starts with a lower-case letter. */
  LOWER_START: 16,
} as const;

/** `entIob` values (as spaCy): 0 not tagged, 1 inside, 2 outside, 3 beginning. */
export const ENT_IOB = { MISSING: 0, I: 1, O: 2, B: 3 } as const;

/**
 * What each component may assign, and the next may require. "dependencies": `head` and `dep`
 * of the sentences `parsed` marks (every sentence, or the ones a parser component selects).
 */
export type Annotation =
  | "tokens" | "pos" | "lemmas" | "sentences" | "dependencies" | "entity-tags"
  | "mentions" | "entities" | "relations";

/** An entity row: the entity and the rule that decided its kind. */
export interface EntityRow extends Entity {
  kindRule: string;
}

/** A relation row: the relation, the rule that made it and the words that triggered it. */
export interface RelationRow extends Relation {
  rule: string;
  trigger: { start: number; end: number; text: string };
}

const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&-]+$/u;

export function isAcronymText(value: string): boolean {
  return ACRONYM.test(value) && value.length >= 2;
}

/** The raw attributes of one token, as a tokenizer gives them. */
export interface TokenInput extends Omit<Token, "sentence"> {
  lineBreakBefore: boolean;
}

export class Doc {
  readonly document: Document;
  readonly text: string;
  readonly strings: StringStore;
  readonly length: number;
  // Token columns.
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** String ids of the token as written, its lower-case normal form and its lemma. */
  readonly orth: Uint32Array;
  readonly norm: Uint32Array;
  readonly lemma: Uint32Array;
  /** UPOS ids. */
  readonly pos: Uint8Array;
  readonly flags: Uint8Array;
  readonly sentence: Int32Array;
  /** Dependency head as an absolute token index (-1: root or not parsed), and label id. Filled by a parser component. */
  readonly head: Int32Array;
  readonly dep: Uint8Array;
  /** Entity tags (ENT_IOB, and 1 + index into the tagger's ENTITY_TYPES: PER, ORG, LOC, GPE). Filled by the ner component. */
  readonly entIob: Uint8Array;
  readonly entType: Uint8Array;
  readonly sentences: Sentence[];
  /**
   * Per sentence, 1 when the parser parsed it. The pipeline's parser parses only the sentences
   * the relation stage can read a parse in (src/parser/component.ts); the others keep head -1.
   */
  readonly parsed: Uint8Array;
  /** Token views, one per token. */
  readonly tokens: readonly TokenView[];
  /** Named span groups. */
  readonly spans: {
    mentions: SpanGroup<MentionCandidate>;
    names: SpanGroup<MentionCandidate>;
    titles: SpanGroup<TitleSpan>;
    /** Resolved mentions, each naming its entity. */
    entities: SpanGroup<ResolvedMention>;
  };
  entities: EntityRow[] = [];
  relations: RelationRow[] = [];
  /** What the components that ran so far assigned. */
  readonly assigned = new Set<Annotation>();

  /** A Doc over token columns (see fromTokens to make one from a tokenizer's tokens). */
  constructor(columns: DocColumns) {
    this.document = columns.document;
    this.text = columns.document.text;
    this.strings = new StringStore(columns.strings);
    const n = columns.start.length;
    this.length = n;
    this.start = columns.start;
    this.end = columns.end;
    this.orth = columns.orth;
    this.norm = columns.norm;
    this.lemma = columns.lemma;
    this.pos = columns.pos;
    this.flags = columns.flags;
    this.sentence = columns.sentence;
    this.head = columns.head;
    this.dep = columns.dep;
    this.entIob = columns.entIob;
    this.entType = columns.entType;
    this.sentences = columns.sentences;
    this.parsed = columns.parsed ?? new Uint8Array(columns.sentences.length);
    const views: TokenView[] = [];
    for (let i = 0; i < n; i++) views.push(new TokenView(this, i));
    this.tokens = views;
    this.spans = {
      mentions: new SpanGroup("mentions", n),
      names: new SpanGroup("names", n),
      titles: new SpanGroup("titles", n),
      entities: new SpanGroup("entities", n),
    };
  }

  /** The Doc of a tokenizer's output: interns the strings and fills the columns. */
  static fromTokens(document: Document, tokens: readonly TokenInput[] = [], sentences: Sentence[] = []): Doc {
    const n = tokens.length;
    const strings = new StringStore();
    const columns: DocColumns = {
      document, strings: strings.strings,
      start: new Int32Array(n), end: new Int32Array(n), orth: new Uint32Array(n), norm: new Uint32Array(n),
      lemma: new Uint32Array(n), pos: new Uint8Array(n), flags: new Uint8Array(n), sentence: new Int32Array(n).fill(-1),
      head: new Int32Array(n).fill(-1), dep: new Uint8Array(n), entIob: new Uint8Array(n), entType: new Uint8Array(n),
      sentences,
    };
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      columns.start[i] = t.start;
      columns.end[i] = t.end;
      // Most tokens are their own normal form and lemma: one store look-up then serves all three.
      const orth = strings.add(t.value);
      const norm = t.normal === t.value ? orth : strings.add(t.normal);
      columns.orth[i] = orth;
      columns.norm[i] = norm;
      columns.lemma[i] = t.lemma === t.normal ? norm : strings.add(t.lemma);
      columns.pos[i] = uposId(t.pos);
      columns.flags[i] = flagsOf(t.value, t.pos, t.lineBreakBefore);
    }
    for (const s of sentences) for (let t = s.firstToken; t < s.lastToken; t++) columns.sentence[t] = s.index;
    return new Doc(columns);
  }

  /**
   * The token columns as plain data, for postMessage to a worker (the typed arrays'
   * buffers can go in the transfer list); `new Doc(columns)` on the other side.
   */
  toColumns(): DocColumns {
    return {
      document: this.document, strings: [...this.strings.strings],
      start: this.start, end: this.end, orth: this.orth, norm: this.norm, lemma: this.lemma, pos: this.pos,
      flags: this.flags, sentence: this.sentence, head: this.head, dep: this.dep, entIob: this.entIob,
      entType: this.entType, sentences: this.sentences, parsed: this.parsed,
    };
  }

  /** The text of tokens [from, to). */
  textOf(from: number, to: number): string {
    return this.text.slice(this.start[from], this.end[to - 1]);
  }

  has(k: number, flag: number): boolean {
    return (this.flags[k] & flag) !== 0;
  }
}

/** A Doc's token columns and sentences: structured-cloneable, typed arrays transferable. */
export interface DocColumns {
  document: Document;
  /** The string store's strings by id (id 0: ""). */
  strings: readonly string[];
  start: Int32Array;
  end: Int32Array;
  orth: Uint32Array;
  norm: Uint32Array;
  lemma: Uint32Array;
  pos: Uint8Array;
  flags: Uint8Array;
  sentence: Int32Array;
  head: Int32Array;
  dep: Uint8Array;
  entIob: Uint8Array;
  entType: Uint8Array;
  sentences: Sentence[];
  /** Per sentence, 1 when parsed; all 0 when absent. */
  parsed?: Uint8Array;
}

/** A title as the text writes it before or in a name ("Deputy Foreign Minister", "leader"). */
export interface TitleSpan extends TokenRange {
  text: string;
}

function flagsOf(value: string, pos: string, lineBreakBefore: boolean): number {
  let flags = 0;
  const c = value.charCodeAt(0);
  const upper = c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(value);
  if (upper && pos !== "PUNCT" && pos !== "SYM") flags |= FLAG.CAPITALIZED;
  // Only a token starting with a capital can be in capitals or an acronym.
  if (upper) {
    if (value === value.toUpperCase() && value !== value.toLowerCase()) flags |= FLAG.ALL_CAPS;
    if (isAcronymText(value)) flags |= FLAG.ACRONYM;
  }
  if (lineBreakBefore) flags |= FLAG.LINE_BREAK_BEFORE;
  if ((c >= 97 && c <= 122) || (c > 127 && value[0] !== value[0].toUpperCase())) flags |= FLAG.LOWER_START;
  return flags;
}

/** A token as a view over the Doc's columns. */
export class TokenView implements Token {
  // The columns are never rewritten once the tokenizer has made them, so a view reads its
  // token's offsets, strings, tag and sentence once: the rules read them millions of times,
  // and a getter per read (three array look-ups) cost a quarter of the extraction's speed.
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly normal: string;
  readonly lemma: string;
  readonly pos: Upos;
  readonly sentence: number;
  /** FLAG.CAPITALIZED, read on every token several times over. */
  readonly capitalized: boolean;
  constructor(readonly doc: Doc, readonly i: number) {
    const strings = doc.strings.strings;
    this.start = doc.start[i];
    this.end = doc.end[i];
    this.value = strings[doc.orth[i]];
    this.normal = strings[doc.norm[i]];
    this.lemma = strings[doc.lemma[i]];
    this.pos = UPOS[doc.pos[i]];
    this.sentence = doc.sentence[i];
    this.capitalized = (doc.flags[i] & FLAG.CAPITALIZED) !== 0;
  }
  get acronym(): boolean { return (this.doc.flags[this.i] & FLAG.ACRONYM) !== 0; }
  get lineBreakBefore(): boolean { return (this.doc.flags[this.i] & FLAG.LINE_BREAK_BEFORE) !== 0; }
  /** The dependency head as a token index, -1 at the root or when not parsed. */
  get head(): number { return this.doc.head[this.i]; }
}

/** A span of tokens as a view: text, tokens, sentence. */
export class SpanView implements TokenRange {
  constructor(readonly doc: Doc, readonly firstToken: number, readonly lastToken: number) {}
  get start(): number { return this.doc.start[this.firstToken]; }
  get end(): number { return this.doc.end[this.lastToken - 1]; }
  get text(): string { return this.doc.textOf(this.firstToken, this.lastToken); }
  get tokens(): readonly TokenView[] { return this.doc.tokens.slice(this.firstToken, this.lastToken); }
  get sentence(): number { return this.doc.sentence[this.firstToken]; }
}

