// Entry point: finds the page's controls, builds the app and wires toolbar, keyboard,
// file picker and drag-and-drop to it.
import { ViewerApp } from "./app.js";
import { byId } from "./dom.js";
import { el } from "./dom.js";
import { exportPng, download } from "./export-png.js";
import { nodeRelationsCsv, viewAsGexf, viewAsJson } from "./export-view.js";
import { createFiltersPanel } from "./filters-panel.js";
import { GraphLoadError, readGraphFile } from "./graph-source.js";
import { renderLegend } from "./legend.js";
import { createPastePanel } from "./paste-panel.js";
import { createSearchBox } from "./search-box.js";
import { createTimeline } from "./timeline.js";
import { installTestHooks } from "./test-hooks.js";
import { decodeViewState } from "./url-state.js";

const filtersPanel = createFiltersPanel({
  kinds: byId("filter-kinds"),
  polarities: byId("filter-polarities"),
  relations: byId("filter-relations"),
  modalities: byId("filter-modalities"),
  confidence: byId<HTMLInputElement>("filter-confidence"),
  confidenceValue: byId<HTMLOutputElement>("confidence-value"),
  counts: byId("counts"),
  clear: byId<HTMLButtonElement>("clear-filters"),
  sources: byId("filter-sources"),
  minEvidence: byId<HTMLInputElement>("filter-min-evidence"),
  minEvidenceValue: byId<HTMLOutputElement>("min-evidence-value"),
  minDegree: byId<HTMLInputElement>("filter-min-degree"),
  minDegreeValue: byId<HTMLOutputElement>("min-degree-value"),
  isolated: byId<HTMLInputElement>("filter-isolated"),
  focusNote: byId("focus-note"),
  focusText: byId("focus-text"),
  focusClear: byId<HTMLButtonElement>("focus-clear"),
}, (filters) => app.setFilters(filters), (node) => app.graph?.hasNode(node) ? app.graph.getNodeAttribute(node, "label") : node);

const timeline = createTimeline({
  root: byId("timeline"),
  bars: byId("timeline-bars"),
  from: byId<HTMLInputElement>("timeline-from"),
  to: byId<HTMLInputElement>("timeline-to"),
  range: byId("timeline-range"),
  undated: byId<HTMLInputElement>("timeline-undated"),
  undatedText: byId("timeline-undated-text"),
  reset: byId<HTMLButtonElement>("timeline-reset"),
}, (change) => app.setFilters({ ...app.filters, ...change }));

const app = new ViewerApp({
  graph: byId("graph"),
  empty: byId("empty-message"),
  error: byId("load-error"),
  panel: byId("panel"),
  panelContent: byId("panel-content"),
  layoutButton: byId<HTMLButtonElement>("toggle-layout"),
  edgeLabels: byId<HTMLInputElement>("toggle-edge-labels"),
}, {
  filtersPanel,
  timeline,
  panelExtras: {
    exportCsv(node) {
      const graph = app.graph;
      if (!graph?.hasNode(node)) return;
      const csv = nodeRelationsCsv(graph, node, app.filters, app.visibility);
      download(new Blob([csv], { type: "text/csv;charset=utf-8" }), `${node}-relations.csv`);
    },
    mountPathSearch(container, node) {
      const input = el("input", {
        className: "path-input",
        attrs: { type: "search", placeholder: "Paths to… (another actor)", autocomplete: "off", "aria-label": "Show paths to another actor" },
      });
      const list = el("ul", { attrs: { role: "listbox" } });
      list.hidden = true;
      container.replaceChildren(el("div", { className: "search" }, input, list));
      createSearchBox(input, list, {
        index: () => app.searchEntries().filter((entry) => entry.node !== node),
        color: (other) => app.nodeColor(other),
        onChoose: (other) => app.showPaths(node, other),
      });
    },
  },
}, decodeViewState(location.search));

renderLegend(byId("legend-kinds"), byId("legend-polarities"));

const searchInput = byId<HTMLInputElement>("search-input");
const search = createSearchBox(searchInput, byId<HTMLUListElement>("search-suggestions"), {
  index: () => app.searchEntries(),
  color: (node) => app.nodeColor(node),
  onChoose: (node) => app.select({ node }, { focus: true }),
});

const paste = createPastePanel({
  panel: byId("paste-panel"),
  toggle: byId<HTMLButtonElement>("toggle-paste"),
  title: byId<HTMLInputElement>("paste-title"),
  text: byId<HTMLTextAreaElement>("paste-text"),
  submit: byId<HTMLButtonElement>("paste-submit"),
  filesButton: byId<HTMLButtonElement>("paste-files-button"),
  files: byId<HTMLInputElement>("paste-files"),
  status: byId("paste-status"),
}, (extraction) => app.addExtraction(extraction));

byId("close-panel").addEventListener("click", () => app.select(null));
byId("toggle-layout").addEventListener("click", () => app.toggleLayout());
byId<HTMLInputElement>("toggle-edge-labels").addEventListener("change", (event) =>
  app.setEdgeLabels((event.target as HTMLInputElement).checked));
byId("reset-camera").addEventListener("click", () => app.fit());
byId("export-json").addEventListener("click", () => {
  if (app.graph) download(new Blob([viewAsJson(app.graph, app.visibility, app.filters)], { type: "application/json" }), "view.graph.json");
});
byId("export-gexf").addEventListener("click", () => {
  if (app.graph) download(new Blob([viewAsGexf(app.graph, app.visibility, app.filters)], { type: "application/xml" }), "view.gexf");
});

// Display: label density and the node size range (hubs are capped at the largest size).
const density = byId<HTMLInputElement>("label-density");
density.addEventListener("input", () => {
  app.setLabelDensity(Number(density.value));
  byId<HTMLOutputElement>("label-density-value").value = density.value;
});
const sizeMin = byId<HTMLInputElement>("node-size-min");
const sizeMax = byId<HTMLInputElement>("node-size-max");
const sizesChanged = (): void => {
  const min = Number(sizeMin.value);
  const max = Math.max(min, Number(sizeMax.value));
  app.setSizes({ min, max });
  byId<HTMLOutputElement>("node-size-value").value = `${min}–${max}`;
};
sizeMin.addEventListener("input", sizesChanged);
sizeMax.addEventListener("input", sizesChanged);

// The legend folds away to a single line.
const legendToggle = byId<HTMLButtonElement>("toggle-legend");
legendToggle.addEventListener("click", () => {
  const open = legendToggle.getAttribute("aria-expanded") !== "true";
  legendToggle.setAttribute("aria-expanded", String(open));
  byId("legend-body").hidden = !open;
});

byId("export-png").addEventListener("click", () => {
  if (!app.view) return;
  exportPng(app.view.sigma).then((blob) => download(blob, "newsgraph.png"), (error: Error) => alertError(error.message));
});

// Open another graph: the file picker, or a drop anywhere on the stage.
const fileInput = byId<HTMLInputElement>("open-graph-input");
byId("open-graph").addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => {
  const file = fileInput.files?.[0];
  if (file) void openGraphFile(file);
  fileInput.value = "";
});

async function openGraphFile(file: File): Promise<void> {
  try {
    app.show(await readGraphFile(file), { restore: false });
  } catch (error) {
    alertError(error instanceof GraphLoadError ? error.message : `${file.name}: ${(error as Error).message}`);
  }
}

/** A passing notice (a file that could not be opened); the shown graph stays. */
let noticeTimer: number | undefined;
function alertError(message: string): void {
  const box = byId("notice");
  box.textContent = message;
  box.hidden = false;
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => { box.hidden = true; }, 8000);
}

const stage = byId("stage");
const dropHint = byId("drop-hint");
let dragDepth = 0;
stage.addEventListener("dragenter", (event) => {
  if (!event.dataTransfer?.types.includes("Files")) return;
  dragDepth++;
  dropHint.hidden = false;
});
stage.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropHint.hidden = true;
});
stage.addEventListener("dragover", (event) => event.preventDefault());
stage.addEventListener("drop", (event) => {
  event.preventDefault();
  dragDepth = 0;
  dropHint.hidden = true;
  const files = [...(event.dataTransfer?.files ?? [])];
  const graphFile = files.find((file) => /\.(json|gexf)$/i.test(file.name));
  if (graphFile) void openGraphFile(graphFile);
  else if (files.length > 0) void paste.addFiles(files);
});

// Keyboard: "/" goes to search, Escape clears the selection.
document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    && !(target instanceof HTMLInputElement && target.type === "checkbox");
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    searchInput.focus();
    searchInput.select();
  } else if (event.key === "Escape") {
    if (search.isOpen()) {
      search.close();
      return;
    }
    if (target === searchInput) searchInput.blur();
    app.select(null);
  }
});

installTestHooks(app);
// data-ready tells tests and the benchmark that the first graph is on screen.
void app.loadInitial().then(() => app.whenPainted()).then(() => {
  document.body.dataset.ready = "true";
});
