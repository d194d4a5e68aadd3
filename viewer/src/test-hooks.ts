// A small read-mostly window.__newsgraph object for tests and the benchmark, so they
// read counts and timings from the app instead of scraping pixels.
import type Sigma from "sigma";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import type { ViewerApp } from "./app.js";
import type { ViewState } from "./url-state.js";

export interface NewsgraphHooks {
  graph(): KnowledgeGraph | null;
  sigma(): Sigma | null;
  /** Nodes and edges in the graph. */
  counts(): { nodes: number; edges: number };
  /** Nodes and edges sigma draws (not hidden by filters). */
  rendered(): { nodes: number; edges: number };
  /** Milliseconds from navigation start to the first frame of the current graph. */
  firstRenderAt(): number | null;
  viewState(): ViewState;
  /** Selects a node as a click does; resolves with the milliseconds until its panel is laid out. */
  selectNode(node: string): number;
  showPaths(from: string, to: string): void;
  /** Node labels sigma drew in its last frame. */
  displayedLabels(): string[];
}

declare global {
  interface Window {
    __newsgraph?: NewsgraphHooks;
  }
}

export function installTestHooks(app: ViewerApp): void {
  window.__newsgraph = {
    graph: () => app.graph,
    sigma: () => app.view?.sigma ?? null,
    counts: () => ({ nodes: app.graph?.order ?? 0, edges: app.graph?.size ?? 0 }),
    rendered: () => app.renderedCounts(),
    firstRenderAt: () => app.firstRenderAt,
    viewState: () => app.viewState(),
    selectNode(node) {
      const start = performance.now();
      app.select({ node });
      // Reading a layout property makes the browser lay the panel out now.
      void document.getElementById("panel")!.offsetHeight;
      return performance.now() - start;
    },
    showPaths: (from, to) => app.showPaths(from, to),
    displayedLabels() {
      const sigma = app.view?.sigma as unknown as { labelRenderer?: { displayedNodeLabels?: Set<string> } } | undefined;
      return [...(sigma?.labelRenderer?.displayedNodeLabels ?? [])];
    },
  };
}
