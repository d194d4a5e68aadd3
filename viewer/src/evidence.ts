// Splits an evidence sentence into plain and highlighted pieces, so the panel can mark
// where the two actors are named. Pure; the panel turns pieces into text nodes.

export interface TextPiece {
  text: string;
  /** Index of the actor named here (0 = first list, 1 = second), or -1 for plain text. */
  actor: number;
}

/**
 * `names[i]` lists the ways actor i may be written (name and aliases). Matching ignores
 * case and needs word boundaries; longer names win where two overlap.
 */
export function highlightActors(text: string, names: readonly (readonly string[])[]): TextPiece[] {
  const lower = text.toLowerCase();
  const marks: { start: number; end: number; actor: number }[] = [];
  const candidates = names
    .flatMap((list, actor) => list.map((name) => ({ name: stripThe(name).toLowerCase(), actor })))
    .filter((c) => c.name.length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  for (const { name, actor } of candidates) {
    let from = 0;
    for (;;) {
      const start = lower.indexOf(name, from);
      if (start < 0) break;
      const end = start + name.length;
      from = start + 1;
      if (!isBoundary(text, start - 1) || !isBoundary(text, end)) continue;
      if (marks.some((m) => start < m.end && end > m.start)) continue;
      marks.push({ start, end, actor });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) pieces.push({ text: text.slice(cursor, mark.start), actor: -1 });
    pieces.push({ text: text.slice(mark.start, mark.end), actor: mark.actor });
    cursor = mark.end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), actor: -1 });
  return pieces;
}

function stripThe(name: string): string {
  return name.replace(/^the\s+/i, "");
}

function isBoundary(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text[index]);
}
