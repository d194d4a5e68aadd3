// The "Paste text" panel: an article (typed, pasted or dropped as .txt files) goes
// through the extraction worker, and each Extraction is handed to the app to merge.
import type { Document, Extraction } from "../../src/model.js";
import { ExtractionClient } from "./extraction-client.js";

export interface PasteElements {
  panel: HTMLElement;
  toggle: HTMLButtonElement;
  title: HTMLInputElement;
  text: HTMLTextAreaElement;
  submit: HTMLButtonElement;
  filesButton: HTMLButtonElement;
  files: HTMLInputElement;
  status: HTMLElement;
}

export interface PastePanel {
  open(): void;
  close(): void;
  addFiles(files: readonly File[]): Promise<void>;
}

/** `merge` adds one extraction to the graph and returns a one-line summary for the user. */
export function createPastePanel(elements: PasteElements, merge: (extraction: Extraction) => string): PastePanel {
  const client = new ExtractionClient();
  let pasted = 0;
  let busy = false;

  function setOpen(open: boolean): void {
    elements.panel.hidden = !open;
    elements.toggle.setAttribute("aria-expanded", String(open));
    if (open) elements.text.focus();
  }

  function status(message: string, state: "busy" | "done" | "error"): void {
    elements.status.textContent = message;
    elements.status.classList.toggle("error", state === "error");
    elements.panel.dataset.status = state;
  }

  async function run(documents: Document[]): Promise<void> {
    if (busy || documents.length === 0) return;
    busy = true;
    elements.submit.disabled = true;
    const summaries: string[] = [];
    try {
      for (const [index, document] of documents.entries()) {
        status(`Extracting ${document.id} (${index + 1} of ${documents.length})…`, "busy");
        summaries.push(merge(await client.extract(document)));
      }
      status(summaries.join(" "), "done");
    } catch (error) {
      status(`Extraction failed: ${(error as Error).message}`, "error");
    } finally {
      busy = false;
      elements.submit.disabled = false;
    }
  }

  elements.toggle.addEventListener("click", () => setOpen(elements.panel.hidden));
  elements.submit.addEventListener("click", () => {
    const text = elements.text.value;
    if (!text.trim()) {
      status("Paste some text first.", "error");
      return;
    }
    pasted++;
    const id = elements.title.value.trim() || `pasted-${pasted}.txt`;
    void run([{ id, text }]).then(() => {
      if (elements.panel.dataset.status === "done") {
        elements.text.value = "";
        elements.title.value = "";
      }
    });
  });
  elements.filesButton.addEventListener("click", () => elements.files.click());
  elements.files.addEventListener("change", () => {
    void addFiles([...(elements.files.files ?? [])]);
    elements.files.value = "";
  });
  elements.panel.addEventListener("dragover", (event) => event.preventDefault());
  elements.panel.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    void addFiles([...(event.dataTransfer?.files ?? [])]);
  });

  async function addFiles(files: readonly File[]): Promise<void> {
    const texts = files.filter((file) => /\.txt$/i.test(file.name) || file.type === "text/plain");
    if (texts.length === 0) {
      setOpen(true);
      status("Only .txt files can be added as articles.", "error");
      return;
    }
    setOpen(true);
    const documents = await Promise.all(texts.map(async (file) => ({ id: file.name, text: await file.text() })));
    await run(documents);
  }

  return { open: () => setOpen(true), close: () => setOpen(false), addFiles };
}
