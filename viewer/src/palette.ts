// Colours and sizes as data, shared with the layout stage (src/layout/palette.ts) so that
// graph files, legend, sigma styles and exported images agree.
export { KIND_COLORS as NODE_COLORS, POLARITY_COLORS as EDGE_COLORS, edgeSize, nodeSize } from "../../src/layout/palette.js";

/** For kinds or polarities outside the vocabulary (hand-made or foreign graph files). */
export const UNKNOWN_COLOR = "#999999";

/** Nodes and edges outside the hovered or selected neighbourhood. */
export const FADED_NODE_COLOR = "#dfe2e6";
export const FADED_EDGE_COLOR = "#eceef1";
