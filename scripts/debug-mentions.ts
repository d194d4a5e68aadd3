// Prints the mentions of a file, one per line: a developer's look at the mentions stage.
import { readFileSync } from "node:fs";
import { analyze, normalizeText } from "../src/nlp/index.js";
import { findMentions } from "../src/mentions/index.js";

const text = normalizeText(readFileSync(process.argv[2], "utf8"));
const analyzed = analyze({ id: process.argv[2], text });
for (const m of findMentions(analyzed)) {
  const extra = [m.kindHint, m.country, m.placeRole, m.title && `title=${m.title}`, m.head && `head=${m.head}`,
    m.affiliation && `aff=${text.slice(analyzed.tokens[m.affiliation.firstToken].start, analyzed.tokens[m.affiliation.lastToken - 1].end)}`]
    .filter(Boolean).join(" ");
  console.log(`${m.sentence}\t${m.form}\t${m.text}\t${extra}`);
}
