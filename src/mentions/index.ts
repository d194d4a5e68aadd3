// Mentions stage (first cut): runs of proper nouns. Replaced by the full stage.
import type { AnalyzedText, MentionCandidate } from "../model.js";

export function findMentions(analyzed: AnalyzedText): MentionCandidate[] {
  const { tokens, document } = analyzed;
  const found: MentionCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].pos !== "PROPN") { i++; continue; }
    let j = i;
    while (j < tokens.length && tokens[j].pos === "PROPN" && tokens[j].sentence === tokens[i].sentence) j++;
    found.push({
      start: tokens[i].start, end: tokens[j - 1].end,
      text: document.text.slice(tokens[i].start, tokens[j - 1].end),
      sentence: tokens[i].sentence, form: "name", firstToken: i, lastToken: j,
    });
    i = j;
  }
  return found;
}
