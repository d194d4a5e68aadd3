// The filter controls: one checkbox per kind, polarity, relation type and modality,
// each with the number of items it currently shows, and a minimum-confidence slider.
import { ENTITY_KINDS, MODALITIES, POLARITIES, RELATION_TYPES, VOCABULARY, isRelationType } from "../../src/model.js";
import { el } from "./dom.js";
import { NO_FILTERS, toggled, type Filters, type Visibility } from "./filters.js";
import { KIND_NAMES, swatch } from "./legend.js";
import { EDGE_COLORS, NODE_COLORS } from "./palette.js";

export interface FilterControls {
  kinds: HTMLElement;
  polarities: HTMLElement;
  relations: HTMLElement;
  modalities: HTMLElement;
  confidence: HTMLInputElement;
  confidenceValue: HTMLOutputElement;
  counts: HTMLElement;
  clear: HTMLButtonElement;
  sources: HTMLElement;
  minEvidence: HTMLInputElement;
  minEvidenceValue: HTMLOutputElement;
  minDegree: HTMLInputElement;
  minDegreeValue: HTMLOutputElement;
  isolated: HTMLInputElement;
  focusNote: HTMLElement;
  focusText: HTMLElement;
  focusClear: HTMLButtonElement;
}

type ListField = "hiddenKinds" | "hiddenPolarities" | "hiddenRelations" | "hiddenModalities" | "hiddenSources";

/** How the focus note names a node. */
export type LabelOf = (node: string) => string;

export function createFiltersPanel(controls: FilterControls, onChange: (filters: Filters) => void, labelOf: LabelOf): {
  render(filters: Filters, visibility: Visibility, totals: Visibility): void;
} {
  let current: Filters = NO_FILTERS;
  controls.confidence.addEventListener("input", () => {
    onChange({ ...current, minConfidence: Number(controls.confidence.value) });
  });
  controls.minEvidence.addEventListener("input", () => {
    onChange({ ...current, minEvidence: Number(controls.minEvidence.value) });
  });
  controls.minDegree.addEventListener("input", () => {
    onChange({ ...current, minDegree: Number(controls.minDegree.value) });
  });
  controls.isolated.addEventListener("change", () => onChange({ ...current, hideIsolated: controls.isolated.checked }));
  controls.focusClear.addEventListener("click", () => {
    const { focus: _focus, ...rest } = current;
    onChange(rest);
  });
  // Time and source filters are cleared too; the view's selection stays.
  controls.clear.addEventListener("click", () => onChange(NO_FILTERS));

  function options(
    container: HTMLElement, field: ListField, values: readonly string[], shown: Map<string, number>,
    total: Map<string, number>, describe: (value: string) => { text: string; color?: string; line?: boolean },
  ): void {
    container.replaceChildren(...values.map((value) => {
      const input = el("input", { attrs: { type: "checkbox", name: field, value } });
      input.checked = !current[field].has(value);
      input.addEventListener("change", () => onChange({ ...current, [field]: toggled(current[field], value, !input.checked) }));
      const { text, color, line } = describe(value);
      const count = shown.get(value) ?? 0;
      const label = el("label", {
        className: (total.get(value) ?? 0) === 0 ? "empty" : "",
        title: `${total.get(value) ?? 0} in the graph`,
        dataset: { value },
      }, input, color ? swatch(color, line) : null, text, el("span", { className: "count" }, count));
      return label;
    }));
  }

  return {
    render(filters, visibility, totals) {
      current = filters;
      // Re-rendering replaces the checkboxes; keep keyboard focus where it was.
      const focused = document.activeElement instanceof HTMLInputElement && document.activeElement.type === "checkbox"
        ? { name: document.activeElement.name, value: document.activeElement.value } : null;
      const kinds = [...new Set([...ENTITY_KINDS, ...totals.nodesByKind.keys(), ...filters.hiddenKinds])];
      options(controls.kinds, "hiddenKinds", kinds, visibility.nodesByKind, totals.nodesByKind, (kind) => ({
        text: KIND_NAMES[kind] ?? kind, color: NODE_COLORS[kind as keyof typeof NODE_COLORS],
      }));
      options(controls.polarities, "hiddenPolarities", POLARITIES, visibility.edgesByPolarity, totals.edgesByPolarity,
        (polarity) => ({ text: polarity, color: EDGE_COLORS[polarity as keyof typeof EDGE_COLORS], line: true }));
      const relations = [...new Set([...RELATION_TYPES, ...totals.edgesByRelation.keys(), ...filters.hiddenRelations])];
      options(controls.relations, "hiddenRelations", relations, visibility.edgesByRelation, totals.edgesByRelation,
        (relation) => ({
          text: isRelationType(relation) ? `${relation} (${VOCABULARY[relation].label})` : relation,
          ...(isRelationType(relation) ? { color: EDGE_COLORS[VOCABULARY[relation].polarity], line: true } : {}),
        }));
      const modalities = [...new Set([...MODALITIES, ...totals.edgesByModality.keys(), ...filters.hiddenModalities])];
      options(controls.modalities, "hiddenModalities", modalities, visibility.edgesByModality, totals.edgesByModality,
        (modality) => ({ text: modality }));
      const sources = [...new Set([...totals.evidenceBySource.keys(), ...filters.hiddenSources])]
        .sort((a, b) => (totals.evidenceBySource.get(b) ?? 0) - (totals.evidenceBySource.get(a) ?? 0) || (a < b ? -1 : 1));
      if (sources.length === 0 || (sources.length === 1 && sources[0] === "")) {
        controls.sources.replaceChildren(el("p", { className: "note" }, "The evidence names no source."));
      } else {
        options(controls.sources, "hiddenSources", sources, visibility.evidenceBySource, totals.evidenceBySource,
          (source) => ({ text: source === "" ? "(no source)" : source }));
      }
      controls.minEvidence.value = String(filters.minEvidence);
      controls.minEvidenceValue.value = String(filters.minEvidence);
      controls.minDegree.value = String(filters.minDegree);
      controls.minDegreeValue.value = String(filters.minDegree);
      controls.isolated.checked = filters.hideIsolated;
      controls.focusNote.hidden = !filters.focus;
      controls.focusText.textContent = filters.focus
        ? `Neighbourhood of ${labelOf(filters.focus.node)} (${filters.focus.hops} hop${filters.focus.hops === 1 ? "" : "s"}) `
        : "";
      controls.confidence.value = String(filters.minConfidence);
      controls.confidenceValue.value = filters.minConfidence.toFixed(2);
      if (focused) {
        const again = [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${focused.name}"]`)]
          .find((input) => input.value === focused.value);
        again?.focus();
      }
      controls.counts.textContent =
        `${visibility.visibleNodes} of ${totals.visibleNodes} actors · ${visibility.visibleEdges} of ${totals.visibleEdges} relations`;
    },
  };
}
