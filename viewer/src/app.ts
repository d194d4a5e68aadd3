// The viewer's state and the rules that keep the screen in step with it: one graph,
// its filters, the selection, edge labels and the camera, mirrored into the URL.
import type Sigma from "sigma";
import { createGraph, mergeExtraction, type KnowledgeGraph } from "../../src/graph/index.js";
import { ResolutionIndex, resolveExtraction } from "../../src/graph/resolve.js";
import { ENTITY_KINDS, type EntityKind, type Extraction } from "../../src/model.js";
import { GraphQuery } from "../../src/query/graph-query.js";
import type { GraphPath } from "../../src/query/types.js";
import { buildTimeline, computeVisibility, NO_FILTERS, type Filters, type Visibility } from "./filters.js";
import type { createFiltersPanel } from "./filters-panel.js";
import { fetchGraph, placeMissingNodes } from "./graph-source.js";
import { createLayoutControl, type LayoutControl } from "./layout-control.js";
import { NODE_COLORS, UNKNOWN_COLOR } from "./palette.js";
import { renderEdgePanel, renderNodePanel, renderPathPanel, type GroupBy, type PanelActions } from "./panel.js";
import { createGraphView, LARGE_GRAPH_EDGES, type GraphView, type Selection } from "./renderer.js";
import { buildSearchIndex, type SearchEntry } from "./search-index.js";
import { applySizes, DEFAULT_SIZES, type SizeRange } from "./sizes.js";
import type { TimelineView } from "./timeline.js";
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

/** What the app needs from the page besides its own elements. */
export interface AppParts {
  filtersPanel: FiltersPanel;
  timeline: TimelineView;
  /** Actions the panel offers that need page-level parts (downloads, the path search box). */
  panelExtras: Pick<PanelActions, "exportCsv" | "mountPathSearch">;
}

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
  /** Path view: two node keys and the connections found between them. */
  path: { ends: [string, string]; paths: GraphPath[] } | null = null;
  private pendingPath: [string, string] | undefined;
  visibility: Visibility = emptyVisibility();
  private totals: Visibility = emptyVisibility();
  private query: GraphQuery | null = null;
  labelDensity = 1;
  sizes: SizeRange = DEFAULT_SIZES;
  private groupBy: GroupBy = "type";
  private readonly panelActions: PanelActions;
  private readonly filtersPanel: FiltersPanel;
  private readonly timeline: TimelineView;

  constructor(
    private readonly elements: AppElements,
    parts: AppParts,
    initial: ViewState,
  ) {
    this.filtersPanel = parts.filtersPanel;
    this.timeline = parts.timeline;
    this.panelActions = {
      selectNode: (node) => this.select({ node }, { focus: true }),
      selectEdge: (edge) => this.select({ edge }),
      showNeighbourhood: (node, hops) => this.setFilters({ ...this.filters, focus: { node, hops } }),
      ...parts.panelExtras,
    };
    this.filters = initial.filters;
    this.edgeLabels = initial.edgeLabels;
    this.camera = initial.camera;
    this.graphSource = initial.graph;
    this.pendingPath = initial.path;
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
      this.path = null;
      this.pendingPath = undefined;
      this.camera = undefined;
      this.graphSource = undefined;
      // A neighbourhood names a node of the old graph.
      if (this.filters.focus) {
        const { focus: _focus, ...rest } = this.filters;
        this.filters = rest;
      }
    }
    this.graph = graph;
    this.query = null;
    applySizes(graph, this.sizes);
    this.knownTexts.clear();
    this.view = createGraphView(this.elements.graph, graph, {
      onClickNode: (node) => this.select({ node }),
      onClickEdge: (edge) => this.select({ edge }),
      onClickStage: () => this.select(null),
      onCameraChange: (camera) => {
        this.camera = camera;
        this.scheduleUrlUpdate();
      },
    }, { edgeLabels: this.edgeLabelsShown(), labelDensity: this.labelDensity });
    performance.mark("newsgraph:view-created");
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
    const pending = this.pendingPath;
    this.pendingPath = undefined;
    if (pending && graph.hasNode(pending[0]) && graph.hasNode(pending[1])) {
      this.showPaths(pending[0], pending[1]);
    } else {
      // A link with a node but no camera opens centred on that node.
      this.select(this.selection, { focus: options.restore && !this.camera });
    }
    performance.mark("newsgraph:app-ready");
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
    if (this.path) {
      this.path = null;
      this.view?.setHighlight(null);
    }
    this.view?.setSelection(this.selection);
    this.renderPanel();
    if (options.focus && this.selection && "node" in this.selection) void this.view?.focusNode(this.selection.node);
    this.updateUrl();
  }

  setFilters(filters: Filters): void {
    const focusChanged = filters.focus?.node !== this.filters.focus?.node || filters.focus?.hops !== this.filters.focus?.hops;
    this.filters = filters;
    this.refreshVisibility();
    this.renderPanel();
    this.updateUrl();
    // A neighbourhood view brings its nodes into view.
    if (focusChanged && filters.focus && this.graph?.hasNode(filters.focus.node)) {
      void this.view?.showNodes(this.graph.filterNodes((node) => !this.visibility.hiddenNodes.has(node)));
    }
  }

  /** Path view: the shortest connections between two actors, highlighted, with evidence in the panel. */
  showPaths(from: string, to: string): void {
    const graph = this.graph;
    if (!graph || !graph.hasNode(from) || !graph.hasNode(to) || from === to) return;
    this.query ??= new GraphQuery(graph);
    const { results } = this.query.paths(from, to, { limit: 10 });
    this.selection = null;
    this.view?.setSelection(null);
    this.path = { ends: [from, to], paths: results };
    const nodes = new Set<string>([from, to]);
    const edges = new Set<string>();
    for (const path of results) {
      for (const entity of path.entities) nodes.add(entity.id);
      for (const hop of path.hops) for (const relation of hop.relations) edges.add(relation.id);
    }
    this.view?.setHighlight({ nodes, edges });
    this.renderPanel();
    this.updateUrl();
    void this.view?.showNodes([...nodes]);
  }

  setLabelDensity(density: number): void {
    this.labelDensity = density;
    this.view?.setLabelDensity(density);
  }

  setSizes(sizes: SizeRange): void {
    this.sizes = sizes;
    if (this.graph) applySizes(this.graph, sizes);
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
    const touched = mergeIntoShownGraph(graph, extraction, this.sizes);
    this.query = null;
    this.showError(null);
    this.graphChanged();
    this.renderPanel();
    // The camera follows what the text added (new actors and the known ones it names).
    if (touched.length > 0) {
      // sigma takes the new nodes in on its next frame.
      const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      void this.painted.then(frame).then(frame).then(() => this.view?.showNodes(touched));
    }
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
    const graph = this.graph;
    this.searchIndex = graph ? buildSearchIndex(graph) : [];
    this.elements.empty.hidden = (graph?.order ?? 0) > 0 || !this.elements.error.hidden;
    // Totals and the timeline change with the graph only, not with the filters.
    this.totals = graph ? computeVisibility(graph, NO_FILTERS) : emptyVisibility();
    this.timeline.setTimeline(graph ? buildTimeline(graph) : buildTimeline(createGraph()));
    this.refreshVisibility();
  }

  private refreshVisibility(): void {
    const graph = this.graph;
    // No filter set (how most views open): the totals are the visibility.
    const unfiltered = encodeViewState({ filters: this.filters }) === "";
    const visibility = !graph ? emptyVisibility() : unfiltered ? this.totals : computeVisibility(graph, this.filters);
    this.visibility = visibility;
    this.view?.setVisibility(visibility);
    this.filtersPanel.render(this.filters, visibility, this.totals);
    this.timeline.render(this.filters);
  }

  private selectionExists(selection: Selection = this.selection): boolean {
    if (!selection || !this.graph) return false;
    return "node" in selection ? this.graph.hasNode(selection.node) : this.graph.hasEdge(selection.edge);
  }

  private renderPanel(): void {
    const { panel, panelContent } = this.elements;
    const graph = this.graph;
    if (graph && this.path) {
      renderPathPanel(panelContent, graph, this.path.ends[0], this.path.ends[1], this.path.paths, this.filters, this.panelActions);
      panel.hidden = false;
      panel.scrollTop = 0;
      return;
    }
    if (!graph || !this.selection || !this.selectionExists()) {
      panel.hidden = true;
      panelContent.replaceChildren();
      return;
    }
    if ("node" in this.selection) {
      renderNodePanel(panelContent, graph, this.selection.node, this.filters, this.panelActions, this.groupBy, (groupBy) => {
        this.groupBy = groupBy;
        this.renderPanel();
      });
    } else {
      renderEdgePanel(panelContent, graph, this.selection.edge, this.filters, this.panelActions);
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
    if (this.path) state.path = this.path.ends;
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
  const rendered = new Promise<void>((resolve) => sigma.once("afterRender", () => {
    performance.mark("newsgraph:drawn");
    resolve();
  }));
  sigma.scheduleRender();
  return rendered.then(nextFrame).then(nextFrame);
}

/**
 * The extraction's entities resolved against the nodes on screen (as `newsgraph build
 * --update` does): "Putin" in a pasted text joins "Vladimir Putin" instead of becoming a node.
 * One article knows less than the graph: a one-word name the extractor typed by default
 * (ORGANIZATION: no cue in the text) takes the kind of the one node on screen it resolves to
 * under another kind ("Putin said ..." pasted onto a graph that has Vladimir Putin).
 */
export function resolveAgainstGraph(graph: KnowledgeGraph, extraction: Extraction): Extraction {
  const index = new ResolutionIndex();
  index.addNodes(graph.mapNodes((key, attributes) => ({
    key, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases, documents: attributes.documents,
  })));
  const entities = extraction.entities.map((entity) => {
    if (entity.kind !== DEFAULT_KIND || /\s/.test(entity.name.trim())) return entity;
    if (graph.hasNode(index.keyOf(entity.kind, entity.id, entity.name, entity.aliases))) return entity;
    const hits = new Set<string>();
    for (const kind of ENTITY_KINDS) {
      if (kind === entity.kind) continue;
      const key = index.keyOf(kind, entity.id, entity.name, entity.aliases);
      if (graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === kind) hits.add(key);
    }
    if (hits.size !== 1) return entity;
    return { ...entity, kind: graph.getNodeAttribute([...hits][0], "kind") };
  });
  return resolveExtraction(index, { ...extraction, entities });
}

/** The kind the extractor gives a one-word name with nothing else to go by. */
const DEFAULT_KIND: EntityKind = "ORGANIZATION";

/**
 * mergeExtraction on a copy, then the copy's changes applied to the shown graph: sigma
 * draws every node the moment it is added, so a node must arrive with its position.
 * Returns the nodes the extraction names (new or known).
 */
function mergeIntoShownGraph(graph: KnowledgeGraph, extraction: Extraction, sizes: SizeRange): string[] {
  const resolved = resolveAgainstGraph(graph, extraction);
  const merged = graph.copy();
  mergeExtraction(merged, resolved);
  placeMissingNodes(merged);
  applySizes(merged, sizes);
  merged.forEachNode((node, attributes) => {
    if (graph.hasNode(node)) graph.replaceNodeAttributes(node, attributes);
    else graph.addNode(node, attributes);
  });
  merged.forEachEdge((edge, attributes, source, target) => {
    if (graph.hasEdge(edge)) graph.replaceEdgeAttributes(edge, attributes);
    else graph.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return [...new Set(resolved.entities.map((entity) => entity.id))].filter((node) => graph.hasNode(node));
}

function emptyVisibility(): Visibility {
  return {
    hiddenNodes: new Set(), hiddenEdges: new Set(), visibleNodes: 0, visibleEdges: 0,
    nodesByKind: new Map(), edgesByRelation: new Map(), edgesByPolarity: new Map(), edgesByModality: new Map(),
    evidenceBySource: new Map(),
  };
}
