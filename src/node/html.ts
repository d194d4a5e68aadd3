// HTML articles (.html, .htm): the main text of the page, as Firefox's Reader View finds it
// (@mozilla/readability on a linkedom document), with its title as the first line. Menus,
// footers, scripts and styles are left out; every block element (paragraph, heading, list
// item, ...) ends a line, so the pipeline ends a sentence there as it does in a .txt file.
// Offsets in the extraction are indices into this text, not into the HTML.

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "TABLE", "TD",
  "TH", "TR", "UL",
]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME"]);

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** The article text of an HTML page: title, blank line, main text; "" when there is none. */
export async function htmlToText(html: string): Promise<string> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
  const { document } = parseHTML(html);
  const page = document as unknown as Document;
  const pageTitle = clean(page.title ?? "");
  const article = new Readability(page, { charThreshold: 0 }).parse();
  let body: string;
  let title = pageTitle;
  if (article?.content) {
    body = blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as TextNode);
    title = clean(article.title ?? "") || pageTitle;
  } else {
    // No article found (a page of a few lines): all of its visible text.
    body = blockText(parseHTML(html).document.body as unknown as TextNode);
  }
  const firstLine = body.split("\n", 1)[0] ?? "";
  // The headline often opens the text too; say it once.
  const withTitle = title !== "" && !(firstLine !== "" && (title.startsWith(firstLine) || firstLine.startsWith(title)));
  return (withTitle ? `${title}\n\n${body}` : body).trim();
}

/** Text with a line break after each block element and runs of spaces collapsed. */
function blockText(root: TextNode | null | undefined): string {
  if (!root) return "";
  const parts: string[] = [];
  const walk = (node: TextNode): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) parts.push("\n");
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts.join("").split("\n").map((line) => line.trim()).filter((line) => line !== "").join("\n");
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
