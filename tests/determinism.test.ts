// State must not leak between documents: extracting document B and then A gives what A
// gives alone, in a fresh module graph (vitest isolates each test file).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract } from "../src/extract.js";

const read = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/dev/${name}`, import.meta.url)), "utf8");
const A = { id: "01.txt", text: read("01-brazil-indonesia-summit.txt") };
const B = { id: "05.txt", text: read("05-sahel-arms-aid-analysis.txt") };

describe("determinism", () => {
  it("extracts A the same alone, after B, and with --explain after both", () => {
    // First in this file's fresh module graph: A alone.
    const alone = JSON.stringify(extract(A));
    extract(B);
    extract(B, { explain: true });
    expect(JSON.stringify(extract(A))).toBe(alone);
    // And B is unaffected by A.
    const b = JSON.stringify(extract(B));
    extract(A);
    expect(JSON.stringify(extract(B))).toBe(b);
  });
});
