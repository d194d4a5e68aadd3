// The search box: suggestions over names and aliases as you type; arrow keys move,
// Enter or a click chooses, Escape closes.
import { el } from "./dom.js";
import { searchNodes, type SearchEntry, type SearchHit } from "./search-index.js";

export function createSearchBox(
  input: HTMLInputElement,
  list: HTMLUListElement,
  options: { index(): readonly SearchEntry[]; color(node: string): string; onChoose(node: string): void },
): { close(): void; isOpen(): boolean } {
  let hits: SearchHit[] = [];
  let active = -1;

  function open(): void {
    hits = searchNodes(options.index(), input.value);
    active = hits.length > 0 ? 0 : -1;
    draw();
  }

  function draw(): void {
    list.replaceChildren(...hits.map((hit, index) => {
      const dot = el("span", { className: "dot", attrs: { "aria-hidden": "true" } });
      dot.style.background = options.color(hit.node);
      const item = el("li", {
        attrs: { role: "option", id: `search-option-${index}`, "aria-selected": String(index === active) },
        dataset: { node: hit.node },
      }, dot, el("span", { className: "name" }, hit.label), hit.alias ? el("span", { className: "alias" }, `“${hit.alias}”`) : null);
      // mousedown, not click: choose before the input's blur closes the list.
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(index);
      });
      return item;
    }));
    const visible = hits.length > 0 && input.value.trim() !== "";
    list.hidden = !visible;
    input.setAttribute("aria-expanded", String(visible));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function choose(index: number): void {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.label;
    close();
    options.onChoose(hit.node);
  }

  function close(): void {
    hits = [];
    active = -1;
    draw();
  }

  input.addEventListener("input", open);
  input.addEventListener("focus", () => { if (input.value.trim()) open(); });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) open();
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
      draw();
    } else if (event.key === "Enter") {
      if (hits.length === 0) open();
      event.preventDefault();
      choose(Math.max(active, 0));
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });

  return { close, isOpen: () => !list.hidden };
}
