// Reading input texts: .txt/.md/.html files or folders of them (recursive), strict UTF-8.
// A bad file (empty, binary, not UTF-8, unreadable) becomes a Problem naming it; the other
// files still go through. A path that does not exist at all is a usage error (UsageError).
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Document } from "../model.js";
import { UsageError, type Problem } from "./errors.js";

export const TEXT_EXTENSIONS = [".txt", ".md", ".html", ".htm"] as const;

export interface ReadResult {
  documents: Document[];
  problems: Problem[];
}

export interface FoundFile {
  file: string;
  /** Document id: the path relative to the input root, "/"-separated; basename for a single file. */
  id: string;
}

/** The input name that stands for standard input: one document, named STDIN_ID. */
export const STDIN = "-";
export const STDIN_ID = "stdin";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads every input (files or folders, "-" for standard input), in the order given; folders
 * are walked in sorted order.
 */
export async function readInputs(inputs: readonly string[]): Promise<ReadResult> {
  const problems: Problem[] = [];
  const found: FoundFile[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      found.push({ file: STDIN, id: STDIN_ID });
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") {
        throw new UsageError(`no such file or directory: ${input}`);
      }
      problems.push({ path: input, message: `cannot read: ${describe(error)}` });
      continue;
    }
    if (info.isDirectory()) {
      await walkFolder(input, input, hasTextExtension, found, problems);
    } else if (hasTextExtension(input)) {
      found.push({ file: input, id: path.basename(input) });
    } else {
      problems.push({ path: input, message: `skipped: not a ${TEXT_EXTENSIONS.join(" or ")} file` });
    }
  }

  const documents: Document[] = [];
  const seenFiles = new Set<string>();
  const seenIds = new Map<string, string>();
  for (const { file, id } of found) {
    const resolved = path.resolve(file);
    if (seenFiles.has(resolved)) continue;
    seenFiles.add(resolved);
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      problems.push({ path: file, message: `skipped: same document name "${id}" as ${earlier}` });
      continue;
    }
    const result = file === STDIN ? decodeText(await readStdin()) : await readText(file);
    if (typeof result === "string") {
      seenIds.set(id, file);
      documents.push({ id, text: result });
    } else {
      problems.push({ path: file === STDIN ? STDIN_ID : file, message: result.message });
    }
  }
  return { documents, problems };
}

/**
 * Reads one file as strict UTF-8 (BOM stripped); returns the text or what is wrong with it.
 * An .html/.htm file gives its article text (html.ts).
 */
export async function readText(file: string): Promise<string | { message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { message: `cannot read: ${describe(error)}` };
  }
  const text = decodeText(bytes);
  if (typeof text !== "string" || !isHtml(file)) return text;
  const { htmlToText } = await import("./html.js");
  const article = await htmlToText(text);
  return article === "" ? { message: "skipped: no text in the HTML page" } : article;
}

export function isHtml(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return extension === ".html" || extension === ".htm";
}

/** Decodes file bytes: strict UTF-8, BOM stripped, CRLF kept (the pipeline normalises it). */
export function decodeText(bytes: Uint8Array): string | { message: string } {
  if (bytes.length === 0) return { message: "skipped: empty file" };
  if (bytes.includes(0)) return { message: "skipped: binary file (contains NUL bytes)" };
  let text: string;
  try {
    // TextDecoder strips a leading BOM by default (ignoreBOM: false).
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { message: `skipped: not valid UTF-8 (byte ${firstInvalidUtf8(bytes)})` };
  }
  if (text.trim() === "") return { message: "skipped: empty file (only whitespace)" };
  return text;
}

/** Folders a walk never enters: installed packages, and hidden ones (.git, .cache, ...). */
export function isSkippedFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/**
 * Files below `dir` whose names `accept` takes, in code-unit order (not locale order, so every
 * machine walks the same way), named by their path relative to `root` with "/". Hidden
 * entries and node_modules are left out; a symbolic link to a folder is followed, unless it
 * leads back into a folder the walk is already reading (a loop), which is reported.
 */
export async function walkFolder(
  root: string, dir: string, accept: (name: string) => boolean, found: FoundFile[], problems: Problem[],
  ancestors: ReadonlySet<string> = new Set(),
): Promise<void> {
  let entries;
  let real: string;
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: `cannot read folder: ${describe(error)}` });
    return;
  }
  const inside = new Set(ancestors).add(real);
  const names = entries
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      if (!target) {
        if (accept(entry.name)) problems.push({ path: full, message: "skipped: broken symbolic link" });
        continue;
      }
      isFolder = target.isDirectory();
      if (isFolder && !isSkippedFolder(entry.name)) {
        const targetReal = await realpath(full);
        if (inside.has(targetReal)) {
          problems.push({ path: full, message: "skipped: symbolic link loop (leads back into a folder being read)" });
          continue;
        }
      }
    }
    if (isFolder) {
      if (!isSkippedFolder(entry.name)) await walkFolder(root, full, accept, found, problems, inside);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(entry.name)) {
      found.push({ file: full, id: path.relative(root, full).split(path.sep).join("/") });
    }
  }
}

function hasTextExtension(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return (TEXT_EXTENSIONS as readonly string[]).includes(extension);
}

/** Offset of the first byte that breaks UTF-8 (lead byte, continuation bytes), for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3
      : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  if (code === "ENOENT") return "no such file";
  return code ?? (error instanceof Error ? error.message : String(error));
}
