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
  };
}
