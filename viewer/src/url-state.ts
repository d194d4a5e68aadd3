// The view state that a link carries: graph source, selection, filters, camera and
// edge labels, as query parameters (readable, and stable for the same view).
import { NO_FILTERS, type Filters } from "./filters.js";

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** URL of the graph to load; absent means the default graph.json beside the app. */
  graph?: string;
  node?: string;
  edge?: string;
  filters: Filters;
  camera?: CameraView;
  /** Relation labels on edges; absent means automatic (on for graphs that are not large). */
  edgeLabels?: boolean;
  /** Path view between two nodes (their keys). */
  path?: [string, string];
}

const LIST_PARAMS = {
  hiddenKinds: "hideKinds",
  hiddenRelations: "hideRelations",
  hiddenPolarities: "hidePolarity",
  hiddenModalities: "hideModality",
  hiddenSources: "hideSources",
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.graph) params.set("graph", state.graph);
  if (state.node) params.set("node", state.node);
  if (state.edge) params.set("edge", state.edge);
  for (const [field, name] of Object.entries(LIST_PARAMS) as [keyof typeof LIST_PARAMS, string][]) {
    // "-" stands for evidence without a source.
    const values = [...state.filters[field]].map((value) => value || "-").sort();
    if (values.length > 0) params.set(name, values.join(","));
  }
  const { filters } = state;
  if (filters.minConfidence > 0) params.set("minConfidence", String(round(filters.minConfidence, 2)));
  if (filters.dateFrom) params.set("from", filters.dateFrom);
  if (filters.dateTo) params.set("to", filters.dateTo);
  if (filters.hideUndated) params.set("undated", "hide");
  if (filters.minEvidence > 1) params.set("minEvidence", String(filters.minEvidence));
  if (filters.minDegree > 0) params.set("minDegree", String(filters.minDegree));
  if (filters.hideIsolated) params.set("isolated", "hide");
  if (filters.focus) params.set("focus", `${filters.focus.hops}:${filters.focus.node}`);
  if (state.path) params.set("path", state.path.join(" "));
  if (state.edgeLabels !== undefined) params.set("edgeLabels", state.edgeLabels ? "on" : "off");
  if (state.camera) {
    const { x, y, ratio } = state.camera;
    params.set("camera", [round(x, 4), round(y, 4), round(ratio, 4)].join(","));
  }
  return params.toString();
}

export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const list = (name: string): Set<string> =>
    new Set((params.get(name) ?? "").split(",").map((v) => v.trim()).filter(Boolean));
  const minConfidence = Number(params.get("minConfidence") ?? "0");
  const state: ViewState = {
    filters: {
      hiddenKinds: list(LIST_PARAMS.hiddenKinds),
      hiddenRelations: list(LIST_PARAMS.hiddenRelations),
      hiddenPolarities: list(LIST_PARAMS.hiddenPolarities),
      hiddenModalities: list(LIST_PARAMS.hiddenModalities),
      minConfidence: Number.isFinite(minConfidence) ? Math.min(1, Math.max(0, minConfidence)) : 0,
      hideUndated: params.get("undated") === "hide",
      hiddenSources: new Set([...list(LIST_PARAMS.hiddenSources)].map((value) => (value === "-" ? "" : value))),
      minEvidence: Math.max(1, integer(params.get("minEvidence"), 1)),
      minDegree: Math.max(0, integer(params.get("minDegree"), 0)),
      hideIsolated: params.get("isolated") === "hide",
    },
  };
  const from = params.get("from");
  if (from && DAY.test(from)) state.filters.dateFrom = from;
  const to = params.get("to");
  if (to && DAY.test(to)) state.filters.dateTo = to;
  const focus = /^([12]):(.+)$/.exec(params.get("focus") ?? "");
  if (focus) state.filters.focus = { hops: Number(focus[1]), node: focus[2] };
  const path = (params.get("path") ?? "").split(" ").filter(Boolean);
  if (path.length === 2 && path[0] !== path[1]) state.path = [path[0], path[1]];
  const edgeLabels = params.get("edgeLabels");
  if (edgeLabels === "on" || edgeLabels === "off") state.edgeLabels = edgeLabels === "on";
  const graph = params.get("graph");
  if (graph && isSameOriginPath(graph)) state.graph = graph;
  const node = params.get("node");
  if (node) state.node = node;
  const edge = params.get("edge");
  if (edge) state.edge = edge;
  const camera = (params.get("camera") ?? "").split(",").map(Number);
  if (camera.length === 3 && camera.every(Number.isFinite) && camera[2] > 0) {
    state.camera = { x: camera[0], y: camera[1], ratio: camera[2] };
  }
  return state;
}

function integer(text: string | null, fallback: number): number {
  const value = Number(text ?? "");
  return text !== null && Number.isInteger(value) ? value : fallback;
}

/**
 * Whether a ?graph= value is a path on this server. Anything else (data:, blob:, another
 * host) would show a graph someone else made under this page's address; a local file is
 * opened through the file picker or by dropping it instead.
 */
export function isSameOriginPath(value: string): boolean {
  // Browsers drop control characters and outer spaces from URLs, and read a backslash as "/".
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value !== value.trim()) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return false;
  const base = "http://viewer.invalid/app/";
  try {
    return new URL(value, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
