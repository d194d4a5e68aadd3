// What users asked for on the command line: standard input, HTML articles, --quiet, progress
// after the extraction, one line for many duplicate texts, surnames in queries, help that
// names nothing an installed package lacks. Runs the compiled CLI (npm test compiles first).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToText } from "../src/node/html.js";
import { CLI, runCli } from "./helpers/cli.js";
import { hasCommand, requireTools } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-conveniences-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ARTICLE = "President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Wednesday.\n"
  + "Japan protested to North Korea over the missile launch.\n";

const PAGE = `<!doctype html><html><head><title>Putin meets Kim | Example News</title>
<script>var teaser = "Biden met Xi in Beijing.";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe to Example News</nav>
<article><h1>Putin meets Kim in Vladivostok</h1>
<p>President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on Wednesday, the Kremlin said.</p>
<p>The two leaders discussed military cooperation. Kim invited Putin to visit Pyongyang.</p>
<p>Japan protested to North Korea over the missile launch, and South Korea warned of consequences.</p>
</article><aside>Most read: Macron visits Berlin</aside><footer>Copyright 2023 Example News.</footer></body></html>`;

interface Line {
  document: string;
  entities: { name: string; mentions: { start: number; end: number; text: string }[] }[];
  relations: { evidence: { text: string }[] }[];
}

function extracted(stdout: string): Line[] {
  return stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Line);
}

/** Runs the CLI in a pseudo-terminal (util-linux `script`), so it shows its progress. */
function runInTerminal(args: string[]): { status: number | null; output: string } {
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", cwd: work });
  return { status: result.status, output: result.stdout };
}

describe("extract -", () => {
  it("reads one document from standard input, named stdin", () => {
    const file = path.join(work, "article.txt");
    writeFileSync(file, ARTICLE);
    const fromStdin = spawnSync(process.execPath, [CLI, "extract", "-"], { input: ARTICLE, encoding: "utf8" });
    expect(fromStdin.stderr).toBe("");
    expect(fromStdin.status).toBe(0);
    const [line] = extracted(fromStdin.stdout);
    expect(line.document).toBe("stdin");
    expect(line.entities.length).toBeGreaterThan(2);
    // The same extraction as of the file, but for the document's name (in evidence too).
    const fromFile = runCli(["extract", file]).stdout;
    expect(fromStdin.stdout.replaceAll('"document":"stdin"', '"document":"article.txt"')).toBe(fromFile);
    const empty = spawnSync(process.execPath, [CLI, "extract", "-"], { input: "", encoding: "utf8" });
    expect(empty.stderr).toBe("newsgraph: stdin: skipped: empty file\nnewsgraph: no readable input texts\n");
    expect(empty.status).toBe(2);
  });
});

describe("HTML articles", () => {
  it("give their title and main text, one block per line, without menus, scripts or footers", async () => {
    expect(await htmlToText(PAGE)).toBe([
      "Putin meets Kim | Example News",
      "",
      "Putin meets Kim in Vladivostok",
      "President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on Wednesday, the Kremlin said.",
      "The two leaders discussed military cooperation. Kim invited Putin to visit Pyongyang.",
      "Japan protested to North Korea over the missile launch, and South Korea warned of consequences.",
    ].join("\n"));
    // A page without an article: its visible text.
    expect(await htmlToText("<html><body><p>Putin met Kim.</p><script>x()</script></body></html>")).toBe("Putin met Kim.");
    expect(await htmlToText("<html><body><script>only()</script></body></html>")).toBe("");
  });

  it("are read by extract and build (.html and .htm), offsets into the article text", () => {
    const dir = path.join(work, "pages");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "putin.html"), PAGE);
    writeFileSync(path.join(dir, "copy.htm"), PAGE.replace("Example News", "Other News"));
    writeFileSync(path.join(dir, "empty.html"), "<html><body><script>only()</script></body></html>");
    const result = runCli(["extract", dir]);
    expect(result.stderr).toBe(`newsgraph: ${path.join(dir, "empty.html")}: skipped: no text in the HTML page\n`);
    const lines = extracted(result.stdout);
    expect(lines.map((line) => line.document)).toEqual(["copy.htm", "putin.html"]);
    const names = lines[1].entities.map((entity) => entity.name);
    expect(names).toEqual(expect.arrayContaining(["Vladimir Putin", "Kim Jong Un", "Japan", "North Korea"]));
    for (const absent of ["Biden", "Xi", "Macron", "Berlin", "Beijing"]) expect(names.join(" ")).not.toContain(absent);
    expect(lines[1].relations.length).toBeGreaterThan(0);
    const built = runCli(["build", dir, "--out", path.join(work, "pages-graph")]);
    expect(built.status).toBe(1);
    expect(built.stdout).toMatch(/^built .*: 2 documents, /);
  });
});

describe("build --quiet", () => {
  it("prints problems only: no summary, no notes", () => {
    const dir = path.join(work, "quiet");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "a.txt"), ARTICLE);
    writeFileSync(path.join(dir, "b.txt"), ARTICLE);
    const quiet = runCli(["build", dir, "--out", path.join(work, "quiet-graph"), "--quiet"]);
    expect(quiet).toEqual({ status: 0, stdout: "", stderr: "" });
    writeFileSync(path.join(dir, "bad.txt"), "");
    const withProblem = runCli(["build", dir, "--out", path.join(work, "quiet-graph"), "-q"]);
    expect(withProblem).toEqual({ status: 1, stdout: "", stderr: `newsgraph: ${path.join(dir, "bad.txt")}: skipped: empty file\n` });
  });

  it("on a terminal shows the merge, layout and export phases after the progress bar, and nothing with --quiet", (context) => {
    requireTools(hasCommand("script", ["-V"]) ? [] : ["script (apt-get install -y bsdutils)"], context);
    const input = path.join(work, "terminal.txt");
    writeFileSync(input, ARTICLE);
    const shown = runInTerminal(["build", input, "--out", path.join(work, "terminal-graph"), "--format", "json,csv"]);
    expect(shown.status).toBe(0);
    for (const phase of ["extracting [", "merging 1/1 documents", "laying out ", "writing graph.json (1/3)", "writing nodes.csv (2/3)", "writing edges.csv (3/3)"]) {
      expect(shown.output).toContain(phase);
    }
    const quiet = runInTerminal(["build", input, "--out", path.join(work, "terminal-graph"), "--quiet"]);
    expect(quiet).toEqual({ status: 0, output: "" });
  });
});

describe("duplicate texts", () => {
  it("are noted one per line up to three, and in one line with a count beyond", () => {
    const dir = path.join(work, "duplicates");
    mkdirSync(dir);
    for (const name of ["a", "b", "c", "d", "e"]) writeFileSync(path.join(dir, `${name}.txt`), ARTICLE);
    const many = runCli(["build", dir, "--out", path.join(work, "duplicates-graph")]);
    expect(many.status).toBe(0);
    expect(many.stderr).toBe(`newsgraph: 4 documents: same text as another document: each counted once, under the smallest id `
      + `(first: ${path.join(dir, "b.txt")}, same text as "a.txt")\n`);
    rmSync(path.join(dir, "e.txt"));
    rmSync(path.join(dir, "d.txt"));
    const few = runCli(["build", dir, "--out", path.join(work, "duplicates-graph")]);
    expect(few.stderr).toBe(["b", "c"].map((name) => `newsgraph: ${path.join(dir, `${name}.txt`)}: same text as "a.txt": counted once\n`).join(""));
  });
});

describe("query --entity", () => {
  it("finds a person by surname alone when one person in the graph has it", () => {
    const file = path.join(work, "biden.txt");
    writeFileSync(file, "President Joe Biden met Chancellor Olaf Scholz in Berlin on Monday.\nHunter Biden was not there.\n");
    const out = path.join(work, "biden-graph");
    expect(runCli(["build", file, "--out", out]).status).toBe(0);
    const graph = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8")) as { nodes: { key: string; attributes: { aliases: string[] } }[] };
    // Nothing but the surname rule can find them: no alias is the surname.
    for (const node of graph.nodes) expect(node.attributes.aliases).not.toContain("Scholz");
    const scholz = runCli(["query", "--graph", path.join(out, "graph.json"), "--entity", "scholz", "--json"]);
    expect(scholz.status).toBe(0);
    expect((JSON.parse(scholz.stdout) as { resolved: Record<string, { label: string }[]> }).resolved)
      .toEqual({ "olaf-scholz": [expect.objectContaining({ label: "Olaf Scholz" })] });
    // Two people called Biden: no guess, the usual suggestions.
    const biden = runCli(["query", "--graph", path.join(out, "graph.json"), "--entity", "Biden"]);
    expect(biden.status).toBe(1);
    expect(biden.stderr).toBe('newsgraph: no entity named "Biden"; did you mean: Hunter Biden, Joe Biden?\n');
  });
});

describe("help", () => {
  it("names no folder of the source repository (an installed package has none)", () => {
    for (const command of ["build", "extract", "eval", "query", "stats", "serve"]) {
      const help = runCli([command, "--help"]).stdout;
      expect(help, command).not.toMatch(/\.\.\/shared|shared\/|tests\/fixtures/);
    }
    expect(runCli(["eval", "--help"]).stdout).toContain('A gold file is JSON: {"document", "entities"');
  });
});
