// The shipped parser (models/parser/parser.bin) through the real pipeline: treebank scores
// with wink's own tokens and tags, the runtime API's contract, and the model's budget.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/nlp/index.js";
import { DEP_LABELS, parse, parseInto, PARSER_MODEL_FILE } from "../src/parser/index.js";
import { scoreTreebank } from "../src/parser/score.js";
import { decodeModel } from "../src/parser/model.js";
import { parseGreedy } from "../src/parser/greedy.js";
import { ParseState } from "../src/parser/state.js";
import { align, projectTree, readConllu, TreebankFormatError } from "../src/parser/treebank.js";
import { REPO_ROOT, SHARED } from "./helpers/tools.js";

const treebank = (file: string) => readConllu(readFileSync(path.join(SHARED, "corpora", file), "utf8"));

/** The pipeline's words and tags of a text's first sentence. */
function sentence(text: string): { words: string[]; upos: string[] } {
  const { tokens, sentences } = analyze({ id: "t", text });
  const s = sentences[0];
  const slice = tokens.slice(s.firstToken, s.lastToken);
  return { words: slice.map((t) => t.value), upos: slice.map((t) => t.pos) };
}

function arcs(text: string): string[] {
  const { words, upos } = sentence(text);
  const { heads, labels } = parse(words, upos);
  return words.map((w, i) => `${DEP_LABELS[labels[i]]}(${heads[i] < 0 ? "ROOT" : words[heads[i]]}, ${w})`);
}

describe("treebank scores with the pipeline's tokens and tags (test splits, never trained or tuned on)", () => {
  it("EWT test", () => {
    const score = scoreTreebank(treebank("ud-english-ewt/en_ewt-ud-test.conllu"));
    expect(score.tokens).toBe(25094);
    expect(score.aligned / score.tokens).toBeGreaterThan(0.975);
    expect(score.uas).toBeGreaterThanOrEqual(UAS_EWT);
    expect(score.las).toBeGreaterThanOrEqual(LAS_EWT);
  });

  it("GUM test", () => {
    const score = scoreTreebank(treebank("ud-english-gum/en_gum-ud-test.conllu"));
    expect(score.tokens).toBe(10972);
    expect(score.uas).toBeGreaterThanOrEqual(UAS_GUM);
    expect(score.las).toBeGreaterThanOrEqual(LAS_GUM);
  });
});

describe("parse()", () => {
  it("finds who did what to whom in plain news sentences", () => {
    expect(arcs("Chile rejected Peru's demand.")).toEqual([
      "nsubj(rejected, Chile)", "root(ROOT, rejected)", "nmod:poss(demand, Peru)", "case(Peru, 's)",
      "obj(rejected, demand)", "punct(rejected, .)",
    ]);
    expect(arcs("The minister said that Russia had attacked Ukraine.")).toEqual([
      "det(minister, The)", "nsubj(said, minister)", "root(ROOT, said)", "mark(attacked, that)",
      "nsubj(attacked, Russia)", "aux(attacked, had)", "ccomp(said, attacked)", "obj(attacked, Ukraine)",
      "punct(said, .)",
    ]);
  });

  it("returns one tree per sentence: one root, no cycle, labels from DEP_LABELS", () => {
    for (const s of treebank("ud-english-gum/en_gum-ud-dev.conllu").slice(0, 200)) {
      const { tokens } = analyze({ id: s.id, text: s.text });
      const { heads, labels } = parse(tokens.map((t) => t.value), tokens.map((t) => t.pos));
      expect(heads.length).toBe(tokens.length);
      expect([...heads].filter((h) => h === -1).length).toBe(1);
      for (let i = 0; i < heads.length; i++) {
        let x = i;
        for (let steps = 0; x >= 0; steps++) {
          expect(steps).toBeLessThanOrEqual(heads.length);
          x = heads[x];
        }
        expect(labels[i]).toBeLessThan(DEP_LABELS.length);
        expect(DEP_LABELS[labels[i]] === "root").toBe(heads[i] === -1);
      }
    }
  });

  it("is deterministic, and parseInto writes the same at an offset", () => {
    const { words, upos } = sentence("Iran warned the United States against further sanctions on Tuesday.");
    const first = parse(words, upos);
    expect(parse(words, upos)).toEqual(first);
    const heads = new Int32Array(words.length + 3).fill(99);
    const labels = new Uint8Array(words.length + 3).fill(99);
    parseInto(words, upos, heads, labels, 2);
    expect([...heads.subarray(2, 2 + words.length)]).toEqual([...first.heads]);
    expect([...labels.subarray(2, 2 + words.length)]).toEqual([...first.labels]);
    expect([heads[0], heads[1], heads[words.length + 2]]).toEqual([99, 99, 99]);
  });

  it("handles the empty sentence and rejects mismatched lengths", () => {
    expect(parse([], [])).toEqual({ heads: new Int32Array(0), labels: new Uint8Array(0) });
    expect(() => parse(["a", "b"], ["DET"])).toThrow(/differ in length/);
  });

  it("keeps the label list the model was trained with, subtypes included", () => {
    expect(DEP_LABELS[0]).toBe("root");
    for (const label of ["nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "nmod:poss", "acl:relcl", "ccomp", "xcomp", "punct"]) {
      expect(DEP_LABELS).toContain(label);
    }
  });
});

describe("runtime layout of the weights", () => {
  it("parses as the dense int8 tables do (the same heads, labels and tags)", () => {
    const bytes = readFileSync(path.join(REPO_ROOT, "models", PARSER_MODEL_FILE));
    const compiled = decodeModel(bytes);
    const dense = decodeModel(bytes, true);
    expect(compiled.compiled).toBeDefined();
    expect(dense.compiled).toBeUndefined();
    const state = new ParseState();
    for (const s of treebank("ud-english-gum/en_gum-ud-dev.conllu").slice(0, 300)) {
      const { tokens } = analyze({ id: s.id, text: s.text });
      const words = tokens.map((t) => t.value);
      const upos = tokens.map((t) => t.pos);
      const results = [compiled, dense].map((weights) => {
        const heads = new Int32Array(words.length);
        const labels = new Uint8Array(words.length);
        state.reset(words, upos, weights.clusters);
        parseGreedy(state, weights, heads, labels);
        return { heads: [...heads], labels: [...labels], tags: [...state.tag.subarray(0, words.length)] };
      });
      expect(results[0]).toEqual(results[1]);
    }
  });
});

describe("model file", () => {
  it("fits the budget: <= 6 MB on disk, <= 2.5 MB gzipped", () => {
    const file = path.join(REPO_ROOT, "models", PARSER_MODEL_FILE);
    expect(statSync(file).size).toBeLessThanOrEqual(6_000_000);
    expect(gzipSync(readFileSync(file)).length).toBeLessThanOrEqual(2_500_000);
  });
});

describe("treebank reading and alignment", () => {
  it("reads multiword tokens into spans shared out by their words, and skips empty nodes", () => {
    const [s] = readConllu([
      "# sent_id = a", "# text = I don't know.",
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_",
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_",
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_",
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No",
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_", "",
    ].join("\n"));
    expect(s.words.map((w) => [w.form, w.start, w.end, w.head])).toEqual([
      ["I", 0, 1, 3], ["do", 2, 4, 3], ["n't", 4, 7, 3], ["know", 8, 12, -1], [".", 12, 13, 3],
    ]);
  });

  it("names the line of malformed input", () => {
    expect(() => readConllu("# text = a\n1\ta\n")).toThrow(TreebankFormatError);
    expect(() => readConllu("# text = a\n1\ta\n")).toThrow(/line 2: expected 10 tab-separated fields/);
    expect(() => readConllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n")).toThrow(/without a '# text'/);
    expect(() => readConllu("# text = a\n1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n")).toThrow(/head 5 out of range/);
  });

  it("carries a gold tree onto tokens that merge or split gold words", () => {
    // Gold: "Al - Zaman" as three words; tokens: "Al-Zaman" as one, and "U.S" + "." for "U.S.".
    const [s] = readConllu([
      "# text = Al-Zaman hit U.S.",
      "1\tAl\tAl\tPROPN\t_\t_\t4\tnsubj\t_\tSpaceAfter=No",
      "2\t-\t-\tPUNCT\t_\t_\t3\tpunct\t_\tSpaceAfter=No",
      "3\tZaman\tZaman\tPROPN\t_\t_\t1\tflat\t_\t_",
      "4\thit\thit\tVERB\t_\t_\t0\troot\t_\t_",
      "5\tU.S.\tU.S.\tPROPN\t_\t_\t4\tobj\t_\t_", "",
    ].join("\n"));
    const tokens = [{ start: 0, end: 8 }, { start: 9, end: 12 }, { start: 13, end: 16 }, { start: 16, end: 17 }];
    const pos = ["PROPN", "VERB", "PROPN", "PUNCT"];
    const alignment = align(s.words, tokens, pos);
    expect([...alignment.exact]).toEqual([0, 0, 0, 1, 0]);
    const tree = projectTree(s.words, alignment, pos);
    expect([...tree.heads]).toEqual([1, -1, 1, 2]);
    expect(tree.labels).toEqual(["nsubj", "root", "obj", "punct"]);
  });
});

// Measured on the shipped model (README, "Dependency parser") minus a margin of ~0.01.
// Measured: EWT test UAS 0.821, LAS 0.787; GUM test UAS 0.829, LAS 0.799.
const UAS_EWT = 0.81;
const LAS_EWT = 0.775;
const UAS_GUM = 0.815;
const LAS_GUM = 0.785;
