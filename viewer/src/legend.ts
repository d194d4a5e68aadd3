// The legend: what node colours (entity kinds) and edge colours (polarities) mean.
import { ENTITY_KINDS, POLARITIES } from "../../src/model.js";
import { el } from "./dom.js";
import { EDGE_COLORS, NODE_COLORS } from "./palette.js";

export const KIND_NAMES: Readonly<Record<string, string>> = {
  PERSON: "Person",
  ORGANIZATION: "Organization",
  COUNTRY: "Country",
  LOCATION: "Location",
};

export function swatch(color: string, line = false): HTMLSpanElement {
  const span = el("span", { className: line ? "swatch line" : "swatch", attrs: { "aria-hidden": "true" } });
  span.style.background = color;
  return span;
}

export function renderLegend(kinds: HTMLElement, polarities: HTMLElement): void {
  kinds.replaceChildren(...ENTITY_KINDS.map((kind) => el("li", {}, swatch(NODE_COLORS[kind]), KIND_NAMES[kind])));
  polarities.replaceChildren(...POLARITIES.map((polarity) =>
    el("li", {}, swatch(EDGE_COLORS[polarity], true), polarity)));
}
