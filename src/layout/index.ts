// Layout stage: ForceAtlas2 positions plus size and colour, deterministic to the byte.
// Start positions come from a PRNG seeded by each node's key (not by node order), the
// iteration count depends only on the graph's size, and the results are rounded, so the
// same graph always gives the same file. Browser-safe.
import forceAtlas2Module from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../graph/index.js";
import { KIND_COLORS, POLARITY_COLORS, edgeSize, nodeSize, round } from "./palette.js";

export { KIND_COLORS, POLARITY_COLORS, edgeSize, nodeSize } from "./palette.js";

// The package is CommonJS (module.exports = the layout function) but its types declare an
// ES default export; under NodeNext (and in bundlers) the default import is the function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutOptions {
  /** Changes every start position; the same seed gives the same layout. */
  seed?: number;
  /** Overrides the size-based iteration count. */
  iterations?: number;
  /** Decimals kept in x and y. */
  decimals?: number;
}

/** Above this many nodes, repulsion uses the Barnes-Hut approximation (O(n log n)). */
export const BARNES_HUT_THRESHOLD = 500;

/**
 * What one ForceAtlas2 pass may cost, in nodes + edges visited, summed over the passes.
 * Each pass visits every node (Barnes-Hut) and every edge, so a corpus graph with a million
 * parallel edges gets fewer passes rather than a layout that takes longer than the build.
 */
export const LAYOUT_WORK_BUDGET = 20_000_000;
const MIN_ITERATIONS = 20;

/**
 * Fewer iterations for bigger graphs: each costs more and big graphs settle enough sooner.
 * By node count, then capped so that passes x (nodes + edges) stays within the budget.
 */
export function iterationsFor(order: number, size = 0): number {
  const byOrder = order < 100 ? 500 : order < 1000 ? 200 : order < 10000 ? 100 : 50;
  const byWork = Math.floor(LAYOUT_WORK_BUDGET / Math.max(1, order + size));
  return Math.max(Math.min(byOrder, MIN_ITERATIONS), Math.min(byOrder, byWork));
}

/** Sets x, y, size and color on every node, and size and color on every edge, in place. */
export function applyLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): KnowledgeGraph {
  const seed = options.seed ?? 1;
  const decimals = options.decimals ?? 3;
  const order = graph.order;
  // Spread the start so the density does not depend on the graph's size.
  const radius = 10 * Math.sqrt(Math.max(order, 1));

  graph.forEachNode((key, attributes) => {
    const random = mulberry32(hashString(key) ^ seed);
    const angle = 2 * Math.PI * random();
    const distance = radius * Math.sqrt(random());
    attributes.x = distance * Math.cos(angle);
    attributes.y = distance * Math.sin(angle);
    attributes.size = nodeSize(graph.degree(key));
    attributes.color = KIND_COLORS[attributes.kind];
  });
  graph.forEachEdge((_key, attributes) => {
    attributes.size = edgeSize(attributes.weight);
    attributes.color = POLARITY_COLORS[attributes.polarity];
  });

  if (order > 1 && graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: options.iterations ?? iterationsFor(order, graph.size),
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(order),
        barnesHutOptimize: order > BARNES_HUT_THRESHOLD,
      },
    });
  }
  placeIsolated(graph);
  graph.forEachNode((_key, attributes) => {
    attributes.x = round(attributes.x ?? 0, decimals);
    attributes.y = round(attributes.y ?? 0, decimals);
  });
  return graph;
}

/**
 * Nodes without edges feel only repulsion and drift far out, so fitting the camera to them
 * shrinks the rest of the drawing: they go on a ring just outside the connected nodes,
 * in key order, evenly spaced.
 */
function placeIsolated(graph: KnowledgeGraph): void {
  const isolated: string[] = [];
  let cx = 0, cy = 0, connected = 0;
  graph.forEachNode((key, attributes) => {
    if (graph.degree(key) === 0) { isolated.push(key); return; }
    cx += attributes.x ?? 0; cy += attributes.y ?? 0; connected++;
  });
  if (isolated.length === 0 || connected === 0) return;
  cx /= connected; cy /= connected;
  let reach = 0;
  graph.forEachNode((key, attributes) => {
    if (graph.degree(key) > 0) reach = Math.max(reach, Math.hypot((attributes.x ?? 0) - cx, (attributes.y ?? 0) - cy));
  });
  const ring = reach * 1.1 + 1;
  isolated.sort();
  isolated.forEach((key, i) => {
    const angle = (2 * Math.PI * i) / isolated.length;
    graph.setNodeAttribute(key, "x", cx + ring * Math.cos(angle));
    graph.setNodeAttribute(key, "y", cy + ring * Math.sin(angle));
  });
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, well-distributed seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
