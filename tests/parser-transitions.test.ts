// The arc-eager transition system and its dynamic oracle, on the gold trees of EWT's train split.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, ParseState } from "../src/parser/state.js";
import { readConllu, type TreebankSentence } from "../src/parser/treebank.js";
import { actionCosts, ILLEGAL, isProjective, projectivise } from "../training/parser/oracle.js";
import { SHARED } from "./helpers/tools.js";

const train = readConllu(readFileSync(path.join(SHARED, "corpora/ud-english-ewt/en_ewt-ud-train.conllu"), "utf8"));
const goldHeads = (s: TreebankSentence) => Int32Array.from(s.words, (w) => w.head);

/** Runs the parser's transitions, choosing with `choose` among the costs; returns heads (-1 root) and summed cost. */
function run(s: TreebankSentence, heads: Int32Array, choose: (costs: Int32Array, step: number) => number) {
  const state = new ParseState();
  state.reset(s.words.map((w) => w.form), s.words.map((w) => w.upos));
  const n = state.n;
  const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h));
  const costs = new Int32Array(ACTIONS);
  let total = 0;
  for (let step = 0; !state.done(); step++) {
    actionCosts(state, gold, costs);
    const action = choose(costs, step);
    if (costs[action] >= ILLEGAL) throw new Error(`illegal action ${action} chosen in ${s.id}`);
    total += costs[action];
    state.apply(action, 1);
  }
  const out = Int32Array.from(state.heads.subarray(0, n), (h) => (h === n ? -1 : h));
  return { heads: out, cost: total };
}

const firstZero = (costs: Int32Array) => costs.findIndex((c) => c === 0);

describe("arc-eager transitions and oracle", () => {
  it("reads the whole train split (12,544 sentences) and finds the projective trees among them", () => {
    expect(train.length).toBe(12544);
    // 288 trees have crossing arcs; they are lifted before training.
    expect(train.filter((s) => isProjective(goldHeads(s))).length).toBe(12256);
  });

  it("reaches every projective gold tree of the train split by zero-cost actions (static oracle path)", () => {
    let checked = 0;
    const failures: string[] = [];
    for (const s of train) {
      const heads = goldHeads(s);
      if (!isProjective(heads)) continue;
      const result = run(s, heads, firstZero);
      checked++;
      if (result.cost !== 0 || result.heads.join() !== heads.join()) failures.push(s.id);
    }
    expect(checked).toBe(12256);
    expect(failures).toEqual([]);
  });

  it("prices actions exactly: after random mistakes, the zero-cost path loses exactly the summed cost", () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let checked = 0, mistakes = 0;
    for (const s of train.slice(0, 3000)) {
      const heads = goldHeads(s);
      if (!isProjective(heads)) continue;
      const result = run(s, heads, (costs) => {
        if (random() < 0.2) {
          const legal = [...costs.keys()].filter((a) => costs[a] < ILLEGAL);
          return legal[Math.floor(random() * legal.length)];
        }
        return firstZero(costs);
      });
      let lost = 0;
      for (let i = 0; i < heads.length; i++) if (result.heads[i] !== heads[i]) lost++;
      expect(lost).toBe(result.cost);
      mistakes += result.cost;
      checked++;
    }
    expect(checked).toBeGreaterThan(2800);
    expect(mistakes).toBeGreaterThan(1000);
  });

  it("lifts non-projective trees into projective ones and leaves projective ones alone", () => {
    let lifted = 0;
    for (const s of train) {
      const heads = goldHeads(s);
      const out = projectivise(heads);
      expect(isProjective(out)).toBe(true);
      if (isProjective(heads)) expect(out.join()).toBe(heads.join());
      else lifted++;
      // Still a tree with one root.
      expect(out.filter((h) => h < 0).length).toBe(1);
    }
    expect(lifted).toBeGreaterThan(0);
  });
});
