// Appearance as data: node colour per entity kind, edge colour per relation polarity.
// The viewer imports these too, so the graph files and the screen agree.
import type { EntityKind, Polarity } from "../model.js";

/** Node colour per kind (Tableau 10 hues: distinct, and readable on white and dark). */
export const KIND_COLORS: Readonly<Record<EntityKind, string>> = {
  PERSON: "#4e79a7",
  ORGANIZATION: "#f28e2b",
  COUNTRY: "#e15759",
  LOCATION: "#59a14f",
};

/** Edge colour per polarity: cooperation green, conflict red, the rest grey tones. */
export const POLARITY_COLORS: Readonly<Record<Polarity, string>> = {
  cooperative: "#2e9e44",
  neutral: "#8c8c8c",
  conflictual: "#d62728",
  structural: "#9aa5c4",
};

/** Node size from degree: grows with the square root, so hubs stand out without swamping. */
export function nodeSize(degree: number): number {
  return round(3 + 2 * Math.sqrt(degree), 2);
}

/** Edge size from weight (evidence count): one sentence is 1, each doubling adds 1. */
export function edgeSize(weight: number): number {
  return round(1 + Math.log2(Math.max(1, weight)), 2);
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // No "-0" in the output.
  return rounded === 0 ? 0 : rounded;
}
