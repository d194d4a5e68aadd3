// The sigma instance and everything that changes how items are drawn: hover and
// selection highlight, filter visibility, edge labels, camera moves.
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import type { Visibility } from "./filters.js";
import {
  CUSTOM_EDGE_STATE, CUSTOM_GRAPH_STATE, CUSTOM_NODE_STATE, PRIMITIVES, STYLES,
} from "./styles.js";
import type { CameraView } from "./url-state.js";

/** Above this many edges, edges and labels are hidden while the camera moves and edges are not clickable. */
export const LARGE_GRAPH_EDGES = 5000;

export type Selection = { node: string } | { edge: string } | null;

/** Above this many neighbours, a highlighted node's neighbours keep sigma's label density. */
export const LABELLED_NEIGHBOURS = 30;

/** Nodes and edges to bring forward (a path view); the rest fades. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface GraphViewHandlers {
  onClickNode(node: string): void;
  onClickEdge(edge: string): void;
  onClickStage(): void;
  onCameraChange(camera: CameraView): void;
}

export interface GraphView {
  readonly sigma: Sigma;
  readonly graph: KnowledgeGraph;
  setVisibility(visibility: Visibility): void;
  setSelection(selection: Selection): void;
  setEdgeLabels(visible: boolean): void;
  setHighlight(highlight: Highlight | null): void;
  setLabelDensity(density: number): void;
  focusNode(node: string): Promise<void>;
  /** Moves the camera so that all these nodes are in view. */
  showNodes(nodes: readonly string[]): Promise<void>;
  setCamera(camera: CameraView): void;
  fit(): Promise<void>;
  /** Nodes and edges sigma currently draws (processed and not hidden). */
  renderedCounts(): { nodes: number; edges: number };
  kill(): void;
}

export function createGraphView(
  container: HTMLElement,
  graph: KnowledgeGraph,
  handlers: GraphViewHandlers,
  options: { edgeLabels: boolean; labelDensity: number },
): GraphView {
  // The styles are plain data whose literal types are wider than sigma's generics.
  const sigma = new Sigma(graph, container, {
    primitives: PRIMITIVES,
    styles: STYLES,
    customNodeState: CUSTOM_NODE_STATE,
    customEdgeState: CUSTOM_EDGE_STATE,
    customGraphState: CUSTOM_GRAPH_STATE,
    settings: {
      renderEdgeLabels: options.edgeLabels,
      // Edge picking costs a second pass over every edge each frame; big graphs go without
      // (their edges stay reachable from the nodes' panels).
      enableEdgeEvents: graph.size <= LARGE_GRAPH_EDGES,
      // Big graphs stay fluid while panning and zooming by drawing edges and labels
      // only once the camera stops.
      hideEdgesOnMove: graph.size > LARGE_GRAPH_EDGES,
      hideLabelsOnMove: graph.size > LARGE_GRAPH_EDGES,
      // Every node may carry a label; the label grid (one cell per 100 px, `labelDensity`
      // labels per cell at the default zoom, more as the camera zooms in) decides which show.
      labelDensity: options.labelDensity,
      labelGridCellSize: 100,
      labelRenderedSizeThreshold: 0,
      stagePadding: 40,
      // Sizes are pixels on screen, whatever the scale of the layout coordinates.
      itemSizesReference: "screen",
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
    } satisfies Partial<Settings>,
  } as never) as unknown as Sigma;

  let hovered: string | null = null;
  let selection: Selection = null;
  let activeNodes = new Set<string>();
  let activeEdges = new Set<string>();
  let selectedNode: string | null = null;
  let highlight: Highlight | null = null;
  // What this view has told sigma to hide.
  let hiddenNodes = new Set<string>();
  let hiddenEdges = new Set<string>();

  // The stage changes size when a side panel opens or closes; sigma resizes on its next frame.
  // (Only on a real change: the observer's first call would cost a second full frame.)
  let size = `${container.clientWidth}x${container.clientHeight}`;
  const resizeObserver = new ResizeObserver(() => {
    const next = `${container.clientWidth}x${container.clientHeight}`;
    if (next === size) return;
    size = next;
    sigma.scheduleRender();
  });
  resizeObserver.observe(container);

  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    refreshHighlight();
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    refreshHighlight();
  });
  sigma.on("clickNode", ({ node }) => handlers.onClickNode(node));
  sigma.on("clickEdge", ({ edge }) => handlers.onClickEdge(edge));
  sigma.on("clickStage", () => handlers.onClickStage());
  sigma.getCamera().on("updated", (state) => handlers.onCameraChange({ x: state.x, y: state.y, ratio: state.ratio }));

  // Items added later (pasted text) or removed (never, today) must not leave stale state.
  graph.on("nodeDropped", ({ key }) => { activeNodes.delete(key); hiddenNodes.delete(key); });
  graph.on("edgeDropped", ({ key }) => { activeEdges.delete(key); hiddenEdges.delete(key); });

  /** The hovered node wins over a path, the path over the selection; the rest of the graph fades. */
  function refreshHighlight(): void {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    const focus = hovered ?? (highlight ? null : selection && "node" in selection ? selection.node : null);
    if (!hovered && highlight) {
      for (const node of highlight.nodes) if (graph.hasNode(node)) nodes.add(node);
      for (const edge of highlight.edges) if (graph.hasEdge(edge)) edges.add(edge);
    } else if (focus && graph.hasNode(focus)) {
      nodes.add(focus);
      graph.forEachEdge(focus, (edge, _attributes, source, target) => {
        if (sigma.getEdgeState(edge).isHidden) return;
        edges.add(edge);
        nodes.add(source);
        nodes.add(target);
      });
    } else if (selection && "edge" in selection && graph.hasEdge(selection.edge)) {
      edges.add(selection.edge);
      nodes.add(graph.source(selection.edge));
      nodes.add(graph.target(selection.edge));
    }
    const nodesOff = [...activeNodes].filter((n) => !nodes.has(n) && graph.hasNode(n));
    const edgesOff = [...activeEdges].filter((e) => !edges.has(e) && graph.hasEdge(e));
    if (nodesOff.length) sigma.setNodesState(nodesOff, { isActive: false } as never);
    if (edgesOff.length) sigma.setEdgesState(edgesOff, { isActive: false } as never);
    if (nodes.size) sigma.setNodesState([...nodes], { isActive: true } as never);
    if (edges.size) sigma.setEdgesState([...edges], { isActive: true } as never);
    activeNodes = nodes;
    activeEdges = edges;
    // A hub's hundreds of neighbours keep the label grid's density instead of all showing.
    sigma.setGraphState({ hasActiveSubgraph: nodes.size > 0, labelActive: nodes.size <= LABELLED_NEIGHBOURS + 1 } as never);

    const nextSelected = selection && "node" in selection && graph.hasNode(selection.node) ? selection.node : null;
    if (selectedNode !== nextSelected) {
      if (selectedNode && graph.hasNode(selectedNode)) sigma.setNodeState(selectedNode, { isSelected: false } as never);
      if (nextSelected) sigma.setNodeState(nextSelected, { isSelected: true } as never);
      selectedNode = nextSelected;
    }
  }

  function framedPosition(node: string): { x: number; y: number } | null {
    const data = sigma.getNodeDisplayData(node);
    return data ? { x: data.x, y: data.y } : null;
  }

  return {
    sigma,
    graph,
    setVisibility(visibility) {
      // Only items whose state changes, found from the hidden sets (not by asking sigma about
      // every item: that was most of the app's own time before a big graph's first frame);
      // and never an empty list, which sigma 4.0.4 answers with a first frame several seconds
      // slow in software WebGL.
      const nodesOn = [...visibility.hiddenNodes].filter((n) => !hiddenNodes.has(n) && graph.hasNode(n));
      const nodesOff = [...hiddenNodes].filter((n) => !visibility.hiddenNodes.has(n) && graph.hasNode(n));
      const edgesOn = [...visibility.hiddenEdges].filter((e) => !hiddenEdges.has(e) && graph.hasEdge(e));
      const edgesOff = [...hiddenEdges].filter((e) => !visibility.hiddenEdges.has(e) && graph.hasEdge(e));
      if (nodesOn.length) sigma.setNodesState(nodesOn, { isHidden: true });
      if (nodesOff.length) sigma.setNodesState(nodesOff, { isHidden: false });
      if (edgesOn.length) sigma.setEdgesState(edgesOn, { isHidden: true });
      if (edgesOff.length) sigma.setEdgesState(edgesOff, { isHidden: false });
      hiddenNodes = new Set(visibility.hiddenNodes);
      hiddenEdges = new Set(visibility.hiddenEdges);
      refreshHighlight();
    },
    setSelection(next) {
      selection = next;
      refreshHighlight();
    },
    setEdgeLabels(visible) {
      sigma.setSetting("renderEdgeLabels", visible);
    },
    setHighlight(next) {
      highlight = next;
      refreshHighlight();
    },
    setLabelDensity(density) {
      sigma.setSetting("labelDensity", density);
    },
    async showNodes(nodes) {
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (const node of nodes) {
        const data = sigma.getNodeDisplayData(node);
        if (!data) continue;
        minX = Math.min(minX, data.x); maxX = Math.max(maxX, data.x);
        minY = Math.min(minY, data.y); maxY = Math.max(maxY, data.y);
      }
      if (minX > maxX) return;
      // Framed coordinates: the whole graph spans [0, 1] at ratio 1; a margin around the nodes.
      const ratio = Math.min(1, Math.max(0.05, Math.max(maxX - minX, maxY - minY) * 1.4));
      await sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 500 });
    },
    async focusNode(node) {
      const position = framedPosition(node);
      if (!position) return;
      const camera = sigma.getCamera();
      await camera.animate({ ...position, ratio: Math.min(camera.ratio, 0.6) }, { duration: 600 });
    },
    setCamera(camera) {
      sigma.getCamera().setState(camera);
    },
    async fit() {
      await sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 400 });
    },
    renderedCounts() {
      let nodes = 0;
      let edges = 0;
      graph.forEachNode((node) => {
        const data = sigma.getNodeDisplayData(node);
        if (data && data.visibility !== "hidden") nodes++;
      });
      graph.forEachEdge((edge) => {
        const data = sigma.getEdgeDisplayData(edge);
        if (data && data.visibility !== "hidden") edges++;
      });
      return { nodes, edges };
    },
    kill() {
      resizeObserver.disconnect();
      sigma.kill();
    },
  };
}
