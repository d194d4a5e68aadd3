// Dynamic oracle for arc-eager (Goldberg & Nivre 2012): the number of gold arcs an action
// makes unreachable from the current configuration. Zero-cost actions keep the best tree
// still reachable; on a projective gold tree from the start they reproduce it exactly.
import { LEFT, REDUCE, RIGHT, SHIFT, type ParseState } from "../../src/parser/state.js";

export const ILLEGAL = 1 << 20;

/** goldHeads: per word, the gold head index with the root as n (the state's root position). */
export function actionCosts(state: ParseState, goldHeads: Int32Array, out: Int32Array): void {
  const n = state.n;
  const b = state.b;
  const sp = state.sp;
  const s0 = sp > 0 ? state.stack[sp - 1] : -1;
  const { heads, inStack } = state;
  for (let a = 0; a < 4; a++) out[a] = state.legal(a) ? 0 : ILLEGAL;

  if (out[LEFT] === 0) {
    // s0 loses a head further in the buffer and its dependents in the buffer (b itself included).
    let c = goldHeads[s0] > b ? 1 : 0;
    for (let k = b; k < n; k++) if (goldHeads[k] === s0) c++;
    out[LEFT] = c;
  }
  if (out[RIGHT] === 0) {
    // b loses a head elsewhere on the stack or in the buffer, and its headless dependents on the stack.
    const g = goldHeads[b];
    let c = g !== s0 && (g > b || (g < b && inStack[g] === 1)) ? 1 : 0;
    for (let k = 0; k < sp; k++) {
      const x = state.stack[k];
      if (heads[x] < 0 && goldHeads[x] === b) c++;
    }
    out[RIGHT] = c;
  }
  if (out[REDUCE] === 0) {
    let c = 0;
    for (let k = b; k < n; k++) if (goldHeads[k] === s0) c++;
    out[REDUCE] = c;
  }
  if (out[SHIFT] === 0) {
    // b loses a head on the stack and its headless dependents on the stack.
    const g = goldHeads[b];
    let c = g < b && g >= 0 && inStack[g] === 1 ? 1 : 0;
    for (let k = 0; k < sp; k++) {
      const x = state.stack[k];
      if (heads[x] < 0 && goldHeads[x] === b) c++;
    }
    out[SHIFT] = c;
  }
}

/** Whether a tree (heads with -1 for the root) has no crossing arcs. */
export function isProjective(heads: Int32Array): boolean {
  const n = heads.length;
  for (let i = 0; i < n; i++) {
    const hi = heads[i] < 0 ? n : heads[i];
    const a = Math.min(i, hi), b = Math.max(i, hi);
    for (let j = a + 1; j < b; j++) {
      const hj = heads[j] < 0 ? n : heads[j];
      if (hj < a || hj > b) return false;
    }
  }
  return true;
}

/**
 * Projectivises by lifting (Nivre & Nilsson 2005, without encoding the lift in labels):
 * while an arc crosses another, the dependent of the shortest non-projective arc moves to its
 * head's head. Returns a new array.
 */
export function projectivise(input: Int32Array): Int32Array {
  const heads = Int32Array.from(input);
  const n = heads.length;
  for (let guard = 0; guard < n * n; guard++) {
    let worst = -1;
    let worstLength = Infinity;
    for (let i = 0; i < n; i++) {
      const hi = heads[i] < 0 ? n : heads[i];
      const a = Math.min(i, hi), b = Math.max(i, hi);
      for (let j = a + 1; j < b; j++) {
        // j must descend from hi for the arc to be projective.
        let x = j;
        while (x >= 0 && x !== hi) x = heads[x];
        if (hi !== n && x !== hi) {
          if (b - a < worstLength) {
            worst = i;
            worstLength = b - a;
          }
          break;
        }
      }
    }
    if (worst < 0) return heads;
    heads[worst] = heads[heads[worst]];
  }
  return heads;
}
