// A document's identity: its text as the pipeline reads it, and a hash of that text.
// Kept apart from the NLP stage so that code which only identifies documents (corpus
// discovery, the main thread of a threaded build) does not load the wink model.

/** Strips a BOM. CRLF stays, so offsets index the file's own text; analyze() reads "\r\n" as a line end. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, "");
}

/** Two 32-bit FNV-1a hashes as 16 hex digits: stable, fast, no Node crypto (runs in browsers). */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
