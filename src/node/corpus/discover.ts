// Finding the documents of a corpus without holding their texts: .txt/.md/.html files (a folder
// tree is walked) and JSON Lines files with one {"id", "text", "date"?, "source"?} per line.
// Each document is read once here to learn its id, hash and word count, and read again
// (by path, or by byte offset into its .jsonl) only when a worker needs it.
import { createReadStream } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { hashText, normalizeText } from "../../identity.js";
import type { Document } from "../../model.js";
import { UsageError, type Problem } from "../errors.js";
import { TEXT_EXTENSIONS, decodeText, readText, walkFolder } from "../read.js";

export const JSONL_EXTENSIONS = [".jsonl", ".ndjson"] as const;

/** Where a document's text is: a whole file, or one line of a JSON Lines file. */
export type Location =
  | { file: string }
  | { file: string; offset: number; length: number };

/** A document found in the inputs: everything but its text. */
export interface SourceDocument {
  id: string;
  /** How messages name it: the file path, or path:line for JSON Lines. */
  origin: string;
  /** hashText of the normalised text: the document's identity. */
  hash: string;
  words: number;
  date?: string;
  source?: string;
  location: Location;
}

export interface Discovery {
  /** In the order found; ids unique (later duplicates are problems). */
  documents: SourceDocument[];
  problems: Problem[];
}

/**
 * Finds every document under the inputs (files, folders, .jsonl files). A path that does not
 * exist is a UsageError; an unreadable file or a bad line is a Problem and is skipped.
 */
export async function discover(inputs: readonly string[]): Promise<Discovery> {
  const problems: Problem[] = [];
  const files: { file: string; id: string }[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`no such file or directory: ${input}`);
      problems.push({ path: input, message: `cannot read: ${code ?? String(error)}` });
      continue;
    }
    if (info.isDirectory()) await walkFolder(input, input, (name) => isText(name) || isJsonLines(name), files, problems);
    else if (isText(input) || isJsonLines(input)) files.push({ file: input, id: path.basename(input) });
    else problems.push({ path: input, message: `skipped: not a ${[...TEXT_EXTENSIONS, ...JSONL_EXTENSIONS].join(", ")} file` });
  }

  const documents: SourceDocument[] = [];
  const seenFiles = new Set<string>();
  const seenIds = new Map<string, string>();
  const accept = (document: SourceDocument): void => {
    const earlier = seenIds.get(document.id);
    if (earlier !== undefined) {
      problems.push({ path: document.origin, message: `skipped: same document name "${document.id}" as ${earlier}` });
      return;
    }
    seenIds.set(document.id, document.origin);
    documents.push(document);
  };
  for (const { file, id } of files) {
    const resolved = path.resolve(file);
    if (seenFiles.has(resolved)) continue;
    seenFiles.add(resolved);
    if (isJsonLines(file)) {
      await readJsonLinesIndex(file, accept, problems);
      continue;
    }
    const text = await readText(file);
    if (typeof text !== "string") {
      problems.push({ path: file, message: text.message });
      continue;
    }
    accept({ id, origin: file, ...identify(text), location: { file } });
  }
  return { documents, problems };
}

/** Hash and word count of a raw text, as the pipeline will see it. */
export function identify(text: string): { hash: string; words: number } {
  const normalized = normalizeText(text);
  return { hash: hashText(normalized), words: countWords(normalized) };
}

/** Whitespace-separated words: what "words per second" counts. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Reads documents' texts back; keeps .jsonl files open between reads. */
export class TextReader {
  private readonly handles = new Map<string, Promise<FileHandle>>();

  async read(document: SourceDocument): Promise<Document | { message: string }> {
    const { location } = document;
    let text: string | { message: string };
    if ("offset" in location) {
      const handle = await this.handle(location.file);
      const bytes = Buffer.alloc(location.length);
      await handle.read(bytes, 0, location.length, location.offset);
      const parsed = parseLine(bytes);
      text = "message" in parsed ? parsed : parsed.text;
    } else {
      text = await readText(location.file);
    }
    if (typeof text !== "string") return text;
    const result: Document = { id: document.id, text };
    if (document.date !== undefined) result.date = document.date;
    if (document.source !== undefined) result.source = document.source;
    return result;
  }

  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map(async (handle) => (await handle).close()));
  }

  private handle(file: string): Promise<FileHandle> {
    let handle = this.handles.get(file);
    if (!handle) {
      handle = open(file, "r");
      this.handles.set(file, handle);
    }
    return handle;
  }
}

interface ParsedLine {
  id: string;
  text: string;
  date?: string;
  source?: string;
}

/** One JSON Lines record, checked: {"id", "text", "date"?, "source"?}. */
export function parseLine(bytes: Uint8Array): ParsedLine | { message: string } {
  const decoded = decodeText(bytes);
  if (typeof decoded !== "string") return decoded;
  let value: unknown;
  try {
    value = JSON.parse(decoded);
  } catch (error) {
    return { message: `skipped: not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { message: 'skipped: expected an object {"id", "text", "date"?, "source"?}' };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || record.id.trim() === "") return { message: 'skipped: "id" must be a non-empty string' };
  if (typeof record.text !== "string") return { message: 'skipped: "text" must be a string' };
  if (record.text.trim() === "") return { message: "skipped: empty text" };
  const line: ParsedLine = { id: record.id, text: record.text };
  for (const field of ["date", "source"] as const) {
    const item = record[field];
    if (item === undefined || item === null) continue;
    if (typeof item !== "string") return { message: `skipped: "${field}" must be a string` };
    line[field] = item;
  }
  if (line.date !== undefined && !isIsoDate(line.date)) {
    return { message: `skipped: "date" must be a real ISO date (YYYY-MM-DD, optionally THH:MM[:SS][Z|±HH:MM]), got ${JSON.stringify(line.date)}` };
  }
  return line;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** An ISO 8601 date (and time) that exists: month 1-12, a day of that month, 00:00-23:59:59 (60: a leap second). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [1, 2, 3].map((k) => Number(match[k]));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = [4, 5, 6, 7, 8].map((k) => (match[k] === undefined ? 0 : Number(match[k])));
  return hour <= 23 && minute <= 59 && second <= 60 && offsetHours <= 14 && offsetMinutes <= 59;
}

/** Streams a JSON Lines file, recording each good line's id, hash and byte range. */
async function readJsonLinesIndex(
  file: string, accept: (document: SourceDocument) => void, problems: Problem[],
): Promise<void> {
  let lineNumber = 0;
  try {
    for await (const { bytes, offset } of lines(file)) {
      lineNumber++;
      let length = bytes.length;
      if (length > 0 && bytes[length - 1] === 0x0d) length--;
      const body = bytes.subarray(0, length);
      if (isBlank(body)) continue;
      const origin = `${file}:${lineNumber}`;
      const parsed = parseLine(body);
      if ("message" in parsed) {
        problems.push({ path: origin, message: parsed.message });
        continue;
      }
      const document: SourceDocument = {
        id: parsed.id, origin, ...identify(parsed.text), location: { file, offset, length },
      };
      if (parsed.date !== undefined) document.date = parsed.date;
      if (parsed.source !== undefined) document.source = parsed.source;
      accept(document);
    }
  } catch (error) {
    problems.push({ path: file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
  }
}

/** The lines of a file as bytes with their byte offsets (no newline). */
async function* lines(file: string): AsyncGenerator<{ bytes: Buffer; offset: number }> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let lineStart = 0;
  let position = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, at);
      const bytes = pendingLength ? Buffer.concat([...pending, piece]) : piece;
      yield { bytes, offset: lineStart };
      pending = [];
      pendingLength = 0;
      lineStart = position + at + 1;
      from = at + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingLength += chunk.length - from;
    }
    position += chunk.length;
  }
  if (pendingLength) yield { bytes: Buffer.concat(pending), offset: lineStart };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09) return false;
  return true;
}

function isText(file: string): boolean {
  return (TEXT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function isJsonLines(file: string): boolean {
  return (JSONL_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}
