// Entry point: finds the page's controls, builds the app and wires toolbar, keyboard,
// file picker and drag-and-drop to it.
import { ViewerApp } from "./app.js";
import { byId } from "./dom.js";
import { exportPng, download } from "./export-png.js";
import { createFiltersPanel } from "./filters-panel.js";
import { GraphLoadError, readGraphFile } from "./graph-source.js";
import { renderLegend } from "./legend.js";
import { createPastePanel } from "./paste-panel.js";
import { createSearchBox } from "./search-box.js";
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
}, (filters) => app.setFilters(filters));

const app = new ViewerApp({
  graph: byId("graph"),
  empty: byId("empty-message"),
  error: byId("load-error"),
  panel: byId("panel"),
  panelContent: byId("panel-content"),
  layoutButton: byId<HTMLButtonElement>("toggle-layout"),
  edgeLabels: byId<HTMLInputElement>("toggle-edge-labels"),
}, filtersPanel, decodeViewState(location.search));

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
