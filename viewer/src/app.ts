// The viewer's state and the rules that keep the screen in step with it: one graph,
// its filters, the selection, edge labels and the camera, mirrored into the URL.
import type Sigma from "sigma";
import { createGraph, mergeExtraction, type KnowledgeGraph } from "../../src/graph/index.js";
import type { Extraction } from "../../src/model.js";
import { computeVisibility, NO_FILTERS, type Filters, type Visibility } from "./filters.js";
import type { createFiltersPanel } from "./filters-panel.js";
import { applyDegreeSizes, fetchGraph, placeMissingNodes } from "./graph-source.js";
import { createLayoutControl, type LayoutControl } from "./layout-control.js";
import { NODE_COLORS, UNKNOWN_COLOR } from "./palette.js";
import { renderEdgePanel, renderNodePanel, type PanelActions } from "./panel.js";
import { createGraphView, LARGE_GRAPH_EDGES, type GraphView, type Selection } from "./renderer.js";
import { buildSearchIndex, type SearchEntry } from "./search-index.js";
import { encodeViewState, type CameraView, type ViewState } from "./url-state.js";

export interface AppElements {
  graph: HTMLElement;
  empty: HTMLElement;
  error: HTMLElement;
  panel: HTMLElement;
  panelContent: HTMLElement;
  layoutButton: HTMLButtonElement;
  edgeLabels: HTMLInputElement;
}

type FiltersPanel = ReturnType<typeof createFiltersPanel>;

export class ViewerApp {
  graph: KnowledgeGraph | null = null;
  view: GraphView | null = null;
  filters: Filters;
  selection: Selection = null;
  /** The user's choice; undefined until they make one (then it depends on the graph's size). */
  edgeLabels: boolean | undefined;
  /**
   * Milliseconds from navigation start until the first frame of the current graph is on
   * screen (its rendering, shader compilation included, has finished).
   */
  firstRenderAt: number | null = null;
  private painted: Promise<void> = Promise.resolve();
  private layout: LayoutControl | null = null;
  private searchIndex: SearchEntry[] = [];
  private camera: CameraView | undefined;
  private graphSource: string | undefined;
  private knownTexts = new Set<string>();
  private urlTimer: number | undefined;
  private readonly panelActions: PanelActions = {
    selectNode: (node) => this.select({ node }, { focus: true }),
    selectEdge: (edge) => this.select({ edge }),
  };

  constructor(
    private readonly elements: AppElements,
    private readonly filtersPanel: FiltersPanel,
    initial: ViewState,
  ) {
    this.filters = initial.filters;
    this.edgeLabels = initial.edgeLabels;
    this.camera = initial.camera;
    this.graphSource = initial.graph;
    if (initial.node) this.selection = { node: initial.node };
    else if (initial.edge) this.selection = { edge: initial.edge };
  }

  /** Loads the graph named in the URL (default: graph.json beside the app). */
  async loadInitial(): Promise<void> {
    try {
      const graph = await fetchGraph(this.graphSource ?? "graph.json");
      this.show(graph, { restore: true });
    } catch (error) {
      // Keeps the URL's graph (so a reload tries again) and shows why it failed.
      this.show(createGraph(), { restore: true });
      this.showError((error as Error).message);
    }
  }

  /**
   * Shows a graph; `restore` keeps the URL's graph, selection and camera, else (a file
   * the user opened) they are reset.
   */
  show(graph: KnowledgeGraph, options: { restore: boolean }): void {
    this.layout?.kill();
    this.view?.kill();
    this.layout = null;
    this.view = null;
    this.showError(null);
    this.firstRenderAt = null;
    if (!options.restore) {
      this.selection = null;
      this.camera = undefined;
      this.graphSource = undefined;
    }
    this.graph = graph;
    this.knownTexts.clear();
    this.view = createGraphView(this.elements.graph, graph, {
      onClickNode: (node) => this.select({ node }),
      onClickEdge: (edge) => this.select({ edge }),
      onClickStage: () => this.select(null),
      onCameraChange: (camera) => {
        this.camera = camera;
        this.scheduleUrlUpdate();
      },
    }, { edgeLabels: this.edgeLabelsShown() });
    this.elements.edgeLabels.checked = this.edgeLabelsShown();
    this.painted = whenPainted(this.view.sigma, graph).then(() => {
      this.firstRenderAt = performance.now();
    });
    if (options.restore && this.camera) this.view.setCamera(this.camera);
    this.layout = createLayoutControl(graph, (running) => {
      this.elements.layoutButton.textContent = running ? "Stop layout" : "Run layout";
      this.elements.layoutButton.setAttribute("aria-pressed", String(running));
    });
    this.elements.layoutButton.textContent = "Run layout";
    this.elements.layoutButton.setAttribute("aria-pressed", "false");
    this.graphChanged();
    if (this.selection && !this.selectionExists()) this.selection = null;
    // A link with a node but no camera opens centred on that node.
    this.select(this.selection, { focus: options.restore && !this.camera });
  }

  /** Edge labels are on unless the user turned them off, or the graph is large and they did not turn them on. */
  edgeLabelsShown(): boolean {
    return this.edgeLabels ?? (this.graph?.size ?? 0) <= LARGE_GRAPH_EDGES;
  }

  /** Resolves once the current graph's first frame is on screen. */
  whenPainted(): Promise<void> {
    return this.painted;
  }

  select(selection: Selection, options: { focus?: boolean } = {}): void {
    this.selection = selection && this.graph && this.selectionExists(selection) ? selection : null;
    this.view?.setSelection(this.selection);
    this.renderPanel();
    if (options.focus && this.selection && "node" in this.selection) void this.view?.focusNode(this.selection.node);
    this.updateUrl();
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.refreshVisibility();
    this.renderPanel();
    this.updateUrl();
  }

  setEdgeLabels(visible: boolean): void {
    this.edgeLabels = visible;
    this.elements.edgeLabels.checked = visible;
    this.view?.setEdgeLabels(visible);
    this.updateUrl();
  }

  toggleLayout(): void {
    if (!this.layout) return;
    if (this.layout.isRunning()) this.layout.stop();
    else this.layout.start();
  }

  /** Merges a pasted document's extraction into the shown graph; returns a summary line. */
  addExtraction(extraction: Extraction): string {
    const key = extraction.hash ?? "";
    if (key && this.knownTexts.has(key)) return `${extraction.document}: this text was already added.`;
    if (key) this.knownTexts.add(key);
    if (!this.graph) this.show(createGraph(), { restore: false });
    const graph = this.graph!;
    const nodesBefore = graph.order;
    const edgesBefore = graph.size;
    this.layout?.stop();
    mergeIntoShownGraph(graph, extraction);
    this.showError(null);
    this.graphChanged();
    this.renderPanel();
    const entities = extraction.entities.length;
    const newEdges = graph.size - edgesBefore;
    return `${extraction.document}: ${entities} actor${entities === 1 ? "" : "s"} found (${graph.order - nodesBefore} new), `
      + `${extraction.relations.length} relation${extraction.relations.length === 1 ? "" : "s"} (${newEdges} new).`;
  }

  nodeColor(node: string): string {
    const kind = this.graph?.getNodeAttribute(node, "kind");
    return (kind && NODE_COLORS[kind]) || UNKNOWN_COLOR;
  }

  searchEntries(): readonly SearchEntry[] {
    return this.searchIndex;
  }

  fit(): void {
    void this.view?.fit();
  }

  private graphChanged(): void {
    this.searchIndex = this.graph ? buildSearchIndex(this.graph) : [];
    this.elements.empty.hidden = (this.graph?.order ?? 0) > 0 || !this.elements.error.hidden;
    this.refreshVisibility();
  }

  private refreshVisibility(): void {
    const graph = this.graph;
    const visibility = graph ? computeVisibility(graph, this.filters) : emptyVisibility();
    const totals = graph ? computeVisibility(graph, NO_FILTERS) : emptyVisibility();
    this.view?.setVisibility(visibility);
    this.filtersPanel.render(this.filters, visibility, totals);
  }

  private selectionExists(selection: Selection = this.selection): boolean {
    if (!selection || !this.graph) return false;
    return "node" in selection ? this.graph.hasNode(selection.node) : this.graph.hasEdge(selection.edge);
  }

  private renderPanel(): void {
    const { panel, panelContent } = this.elements;
    const graph = this.graph;
    if (!graph || !this.selection || !this.selectionExists()) {
      panel.hidden = true;
      panelContent.replaceChildren();
      return;
    }
    if ("node" in this.selection) {
      renderNodePanel(panelContent, graph, this.selection.node, this.filters, this.panelActions);
    } else {
      renderEdgePanel(panelContent, graph, this.selection.edge, this.panelActions);
    }
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  private showError(message: string | null): void {
    this.elements.error.textContent = message ? `Could not show the graph: ${message}` : "";
    this.elements.error.hidden = !message;
    if (message) this.elements.empty.hidden = true;
  }

  viewState(): ViewState {
    const state: ViewState = { filters: this.filters };
    if (this.edgeLabels !== undefined) state.edgeLabels = this.edgeLabels;
    if (this.graphSource) state.graph = this.graphSource;
    if (this.selection && "node" in this.selection) state.node = this.selection.node;
    if (this.selection && "edge" in this.selection) state.edge = this.selection.edge;
    if (this.camera) state.camera = this.camera;
    return state;
  }

  private updateUrl(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = undefined;
    const query = encodeViewState(this.viewState());
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
  }

  /** Camera moves come every frame; write the URL once they settle. */
  private scheduleUrlUpdate(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.updateUrl(), 250);
  }

  renderedCounts(): { nodes: number; edges: number } {
    return this.view?.renderedCounts() ?? { nodes: 0, edges: 0 };
  }
}

/**
 * sigma's afterRender comes when draw calls are issued; the frame is on screen (and a
 * software GPU done compiling shaders) when the browser runs the following animation frame.
 */
function whenPainted(sigma: Sigma, graph: KnowledgeGraph): Promise<void> {
  const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (graph.order === 0) return nextFrame();
  const rendered = new Promise<void>((resolve) => sigma.once("afterRender", () => resolve()));
  sigma.scheduleRender();
  return rendered.then(nextFrame).then(nextFrame);
}

/**
 * mergeExtraction on a copy, then the copy's changes applied to the shown graph: sigma
 * draws every node the moment it is added, so a node must arrive with its position.
 */
function mergeIntoShownGraph(graph: KnowledgeGraph, extraction: Extraction): void {
  const merged = graph.copy();
  mergeExtraction(merged, extraction);
  placeMissingNodes(merged);
  applyDegreeSizes(merged);
  merged.forEachNode((node, attributes) => {
    if (graph.hasNode(node)) graph.replaceNodeAttributes(node, attributes);
    else graph.addNode(node, attributes);
  });
  merged.forEachEdge((edge, attributes, source, target) => {
    if (graph.hasEdge(edge)) graph.replaceEdgeAttributes(edge, attributes);
    else graph.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
}

function emptyVisibility(): Visibility {
  return {
    hiddenNodes: new Set(), hiddenEdges: new Set(), visibleNodes: 0, visibleEdges: 0,
    nodesByKind: new Map(), edgesByRelation: new Map(), edgesByPolarity: new Map(), edgesByModality: new Map(),
  };
}
