// Appearance as data: sigma v4 primitives (what can be drawn) and styles (rules from
// attributes and state to visuals). Nothing else in the viewer decides colours or sizes.
import { extremityArrow, layerFill, layerPlain, pathCurved, pathLine, sdfCircle } from "sigma/rendering";
import { VOCABULARY, isRelationType } from "../../src/model.js";
import { EDGE_COLORS, FADED_EDGE_COLOR, FADED_NODE_COLOR, NODE_COLORS, UNKNOWN_COLOR, edgeSize } from "./palette.js";

/** Viewer-specific state flags, on top of sigma's isHovered / isHidden / isHighlighted. */
export const CUSTOM_NODE_STATE = { isActive: false, isSelected: false };
export const CUSTOM_EDGE_STATE = { isActive: false };
export const CUSTOM_GRAPH_STATE = { hasActiveSubgraph: false, labelActive: true };

type GraphState = typeof CUSTOM_GRAPH_STATE;

const LABEL_COLOR = "#1f2328";

export const PRIMITIVES = {
  nodes: {
    shapes: [sdfCircle()],
    layers: [layerFill()],
    label: { color: LABEL_COLOR },
  },
  edges: {
    // Few path kinds and few segments: every edge is drawn with the largest segment count,
    // and each path kind makes the one edge shader bigger (slow to compile in software
    // WebGL). The pipeline never makes self-loops, so there is no loop path.
    paths: [pathLine(), pathCurved({ segments: 8 })],
    extremities: [extremityArrow()],
    layers: [layerPlain()],
    label: { color: { attribute: "labelColor" }, fontSizeMode: "fixed" },
  },
  depthLayers: ["edges", "topEdges", "nodes", "topNodes"],
} as const;

const faded = (_: unknown, state: { isActive: boolean }, graphState: GraphState): boolean =>
  graphState.hasActiveSubgraph && !state.isActive;
/** Highlighted items show their labels, unless there are too many (a hub's neighbourhood). */
const labelledActive = (_: unknown, state: { isActive: boolean }, graphState: GraphState): boolean =>
  state.isActive && graphState.labelActive;

export const STYLES = {
  nodes: [
    {
      x: { attribute: "x" },
      y: { attribute: "y" },
      size: { attribute: "size", defaultValue: 5 },
      color: { attribute: "kind", dict: NODE_COLORS, defaultValue: UNKNOWN_COLOR },
      label: { attribute: "label" },
      labelColor: LABEL_COLOR,
      visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
      depth: "nodes",
    },
    { when: faded, then: { color: FADED_NODE_COLOR, labelVisibility: "hidden" } },
    { whenState: "isActive", then: { depth: "topNodes" } },
    { when: labelledActive, then: { labelVisibility: "visible" } },
    {
      whenState: "isSelected",
      then: {
        depth: "topNodes", labelVisibility: "visible",
        backdropVisibility: "visible", backdropColor: "#fff7d6", backdropPadding: 6,
        backdropShadowColor: "rgba(0, 0, 0, 0.35)", backdropShadowBlur: 10,
      },
    },
    {
      whenState: "isHovered",
      then: {
        depth: "topNodes", labelVisibility: "visible",
        backdropVisibility: "visible", backdropColor: "#ffffff", backdropPadding: 6,
        backdropShadowColor: "rgba(0, 0, 0, 0.45)", backdropShadowBlur: 12,
      },
    },
  ],
  edges: [
    {
      size: (attributes: { weight?: number }) => edgeSize(attributes.weight ?? 1),
      color: { attribute: "polarity", dict: EDGE_COLORS, defaultValue: UNKNOWN_COLOR },
      label: { attribute: "label" },
      labelColor: "#495057",
      head: (attributes: { relation?: string }) =>
        attributes.relation && isRelationType(attributes.relation) && VOCABULARY[attributes.relation].symmetric
          ? "none" : "arrow",
      path: "straight",
      parallelPath: "curved",
      visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
      depth: "edges",
    },
    { when: faded, then: { color: FADED_EDGE_COLOR, labelVisibility: "hidden" } },
    { whenState: ["isActive"], then: { depth: "topEdges" } },
    { when: labelledActive, then: { labelVisibility: "visible" } },
    { whenState: "isHovered", then: { depth: "topEdges", labelVisibility: "visible", size: 4 } },
  ],
  stage: { background: "#ffffff" },
};
