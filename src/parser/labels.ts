// The dependency labels the parser predicts: every UD relation (with the subtypes) that EWT and
// GUM's training splits use. The model file stores the same list and is refused if it differs.
export const DEP_LABELS: readonly string[] = Object.freeze([
  "root", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass",
  "case", "cc", "cc:preconj", "ccomp", "compound", "compound:prt", "conj", "cop", "csubj",
  "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse", "dislocated", "expl",
  "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nmod:desc", "nmod:poss",
  "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass", "nummod", "obj", "obl", "obl:agent",
  "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "vocative", "xcomp",
]);

export const ROOT_LABEL = 0;
export const EXTRA_ROOT_LABEL = DEP_LABELS.indexOf("parataxis");

const LABEL_ID = new Map(DEP_LABELS.map((label, k) => [label, k]));

/** Id of a label; a subtype the list lacks falls back to its base relation, else "dep". */
export function labelId(label: string): number {
  return LABEL_ID.get(label) ?? LABEL_ID.get(label.split(":")[0]) ?? LABEL_ID.get("dep")!;
}
