// The details panel: a node (name, kind, aliases, roles, its relations grouped by type or
// by counterpart), an edge (its statement and evidence) or a path view (the shortest
// connections between two actors, hop by hop, with evidence). Text goes in as text only.
//
// Big nodes stay fast: a group shows its count first and builds its rows only when opened,
// rows come a page at a time, and each relation shows its first sentences with the rest
// behind a button. Sentence numbers are 0-based everywhere (`document#0` is the first
// sentence), as in graph.json, the CLI and the query API.
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { RELATION_TYPES, type EdgeAttributes, type Evidence } from "../../src/model.js";
import type { GraphPath } from "../../src/query/types.js";
import { el } from "./dom.js";
import { highlightActors } from "./evidence.js";
import { dayOf, edgePasses, modalityOf, shownEvidence, type Filters } from "./filters.js";
import { KIND_NAMES, swatch } from "./legend.js";
import { EDGE_COLORS, NODE_COLORS, UNKNOWN_COLOR } from "./palette.js";

export interface PanelActions {
  selectNode(node: string): void;
  selectEdge(edge: string): void;
  showNeighbourhood(node: string, hops: number): void;
  exportCsv(node: string): void;
  /** Puts a "paths to…" search box for `node` into `container`. */
  mountPathSearch(container: HTMLElement, node: string): void;
}

/** Groups with at most this many relations in all start open. */
const OPEN_ALL_UP_TO = 40;
/** Rows per page in a group. */
const ROWS_PER_PAGE = 25;
/** Sentences shown per relation before "show more"; then this many more per click. */
const FIRST_SENTENCES = 3;
const MORE_SENTENCES = 20;

export type GroupBy = "type" | "actor";

export function renderNodePanel(
  target: HTMLElement, graph: KnowledgeGraph, node: string, filters: Filters, actions: PanelActions,
  groupBy: GroupBy = "type", onGroupBy: (groupBy: GroupBy) => void = () => undefined,
): void {
  const attributes = graph.getNodeAttributes(node);
  const parts: Node[] = [
    el("h2", { dataset: { node } }, attributes.label),
    el("p", { className: "kind" },
      swatch(NODE_COLORS[attributes.kind] ?? UNKNOWN_COLOR), KIND_NAMES[attributes.kind] ?? attributes.kind),
  ];
  const documents = attributes.documents.length;
  parts.push(el("p", { className: "facts" },
    `${attributes.mentions} mention${attributes.mentions === 1 ? "" : "s"} in ${documents} document${documents === 1 ? "" : "s"}`));

  const tools = el("div", { className: "tools" },
    el("button", { attrs: { type: "button" }, dataset: { hops: "1" }, className: "neighbourhood",
      title: "Show only this actor and its neighbours", onClick: () => actions.showNeighbourhood(node, 1) }, "Neighbourhood (1 hop)"),
    el("button", { attrs: { type: "button" }, dataset: { hops: "2" }, className: "neighbourhood",
      title: "Show only this actor, its neighbours and theirs", onClick: () => actions.showNeighbourhood(node, 2) }, "2 hops"),
    el("button", { attrs: { type: "button" }, className: "export-csv",
      title: "Download this actor's relations and their evidence (as filtered) as CSV", onClick: () => actions.exportCsv(node) }, "Export CSV"));
  parts.push(tools);
  const pathBox = el("div", { className: "path-search" });
  actions.mountPathSearch(pathBox, node);
  parts.push(pathBox);

  if (attributes.aliases.length > 0) {
    parts.push(el("h3", {}, "Also called"), el("ul", { className: "aliases" },
      ...attributes.aliases.map((alias) => el("li", {}, alias))));
  }

  const edges = graph.edges(node);
  const roles = edges.filter((edge) => graph.getEdgeAttribute(edge, "relation") === "ROLE");
  if (roles.length > 0) {
    const roleItem = (edge: string): HTMLElement => {
      const role = graph.getEdgeAttribute(edge, "role");
      const isHolder = graph.source(edge) === node;
      const other = isHolder ? graph.target(edge) : graph.source(edge);
      return el("li", {}, isHolder ? `${role ?? "role"} — ` : "", nodeLink(graph, other, actions),
        isHolder ? "" : ` — ${role ?? "role"}`);
    };
    const list = el("ul", { className: "roles" });
    parts.push(el("h3", {}, `Roles (${roles.length})`), list);
    paginate(list, roles, roleItem, ROWS_PER_PAGE);
  }

  const shown = edges.filter((edge) => edgePasses(graph.getEdgeAttributes(edge), filters)
    && !filters.hiddenKinds.has(graph.getNodeAttribute(graph.opposite(node, edge), "kind")));
  parts.push(el("h3", {}, `Relations (${shown.length})`));
  if (edges.length === 0) parts.push(el("p", { className: "note" }, "No relations found for this actor."));
  if (shown.length < edges.length) {
    const hidden = edges.length - shown.length;
    parts.push(el("p", { className: "note" }, `${hidden} relation${hidden === 1 ? " is" : "s are"} hidden by the filters.`));
  }
  if (shown.length > 0) {
    const choice = (value: GroupBy, text: string): HTMLElement => {
      const input = el("input", { attrs: { type: "radio", name: "group-by", value } });
      input.checked = groupBy === value;
      input.addEventListener("change", () => onGroupBy(value));
      return el("label", {}, input, text);
    };
    parts.push(el("div", { className: "group-by" }, "Group by", choice("type", "type"), choice("actor", "actor")));
  }
  const open = shown.length <= OPEN_ALL_UP_TO;
  const row = (edge: string): HTMLElement => relationItem(graph, edge, node, filters, actions);
  if (groupBy === "type") {
    for (const [relation, group] of groupByRelation(graph, shown)) {
      const info = graph.getEdgeAttributes(group[0]);
      parts.push(lazyGroup(open, { relation },
        [swatch(EDGE_COLORS[info.polarity] ?? UNKNOWN_COLOR, true), `${relation} · ${info.label} (${group.length})`],
        (list) => paginate(list, group, row, ROWS_PER_PAGE)));
    }
  } else {
    for (const [other, group] of groupByCounterpart(graph, node, shown)) {
      const sentences = group.reduce((sum, edge) => sum + shownEvidence(graph.getEdgeAttributes(edge), filters).length, 0);
      parts.push(lazyGroup(open, { counterpart: other },
        [swatch(NODE_COLORS[graph.getNodeAttribute(other, "kind")] ?? UNKNOWN_COLOR),
          `${graph.getNodeAttribute(other, "label")} (${group.length} relation${group.length === 1 ? "" : "s"}, `
          + `${sentences} sentence${sentences === 1 ? "" : "s"})`],
        (list) => paginate(list, group, row, ROWS_PER_PAGE)));
    }
  }
  target.replaceChildren(...parts);
}

export function renderEdgePanel(
  target: HTMLElement, graph: KnowledgeGraph, edge: string, filters: Filters, actions: PanelActions,
): void {
  const attributes = graph.getEdgeAttributes(edge);
  const evidence = shownEvidence(attributes, filters);
  target.replaceChildren(
    el("h2", { dataset: { edge } }, statement(graph, edge, null, actions)),
    el("p", { className: "kind" }, swatch(EDGE_COLORS[attributes.polarity] ?? UNKNOWN_COLOR, true),
      `${attributes.relation} · ${attributes.polarity}${attributes.cameo && attributes.cameo !== "-" ? ` · CAMEO ${attributes.cameo}` : ""}`),
    edgeFacts(graph, attributes, actions),
    el("h3", {}, `Evidence (${evidence.length})`),
    evidenceList(graph, edge, filters),
  );
}

/** The path view: every shortest connection, hop by hop, each relation with its evidence. */
export function renderPathPanel(
  target: HTMLElement, graph: KnowledgeGraph, from: string, to: string, paths: readonly GraphPath[],
  filters: Filters, actions: PanelActions,
): void {
  const label = (node: string): string => graph.getNodeAttribute(node, "label");
  const parts: Node[] = [
    el("h2", { dataset: { path: `${from} ${to}` } }, `${label(from)} ↔ ${label(to)}`),
  ];
  if (paths.length === 0) {
    parts.push(el("p", { className: "note" }, "No connection of up to 4 hops between these two actors."));
  } else {
    const hops = paths[0].length;
    parts.push(el("p", { className: "facts" },
      `${paths.length} shortest connection${paths.length === 1 ? "" : "s"} of ${hops} hop${hops === 1 ? "" : "s"}`));
  }
  paths.forEach((path, index) => {
    const chain = el("p", { className: "path-chain" }, `${index + 1}. `);
    path.entities.forEach((entity, at) => {
      if (at > 0) chain.append(" → ");
      chain.append(graph.hasNode(entity.id) ? nodeLink(graph, entity.id, actions) : entity.label);
    });
    const relations = el("ul", { className: "relations" });
    for (const hop of path.hops) {
      for (const relation of hop.relations) {
        if (graph.hasEdge(relation.id)) relations.append(relationItem(graph, relation.id, null, filters, actions));
      }
    }
    parts.push(el("div", { className: "path", dataset: { path: path.entities.map((e) => e.id).join(" ") } }, chain, relations));
  });
  target.replaceChildren(...parts);
}

/** A collapsible group whose rows are built the first time it opens. */
function lazyGroup(
  open: boolean, dataset: Record<string, string>, summary: (Node | string)[], fill: (list: HTMLElement) => void,
): HTMLDetailsElement {
  const list = el("ul", { className: "relations", dataset });
  const details = el("details", { dataset }, el("summary", {}, ...summary), list);
  let filled = false;
  const ensure = (): void => {
    if (filled || !details.open) return;
    filled = true;
    fill(list);
  };
  details.addEventListener("toggle", ensure);
  if (open) {
    details.open = true;
    ensure();
  }
  return details;
}

/** Appends the first page of items and a button for the next. */
function paginate<T>(list: HTMLElement, items: readonly T[], render: (item: T) => HTMLElement, page: number): void {
  let shown = 0;
  let more: HTMLElement | null = null;
  const next = (): void => {
    more?.remove();
    const end = Math.min(items.length, shown + page);
    for (; shown < end; shown++) list.append(render(items[shown]));
    if (shown < items.length) {
      const left = items.length - shown;
      more = el("li", { className: "more" }, el("button", {
        className: "link show-more", attrs: { type: "button" }, onClick: next,
      }, `Show ${Math.min(page, left)} more (${left} not shown)`));
      list.append(more);
    }
  };
  next();
}

function relationItem(graph: KnowledgeGraph, edge: string, self: string | null, filters: Filters, actions: PanelActions): HTMLElement {
  return el("li", { dataset: { edge } },
    statement(graph, edge, self, actions),
    edgeFacts(graph, graph.getEdgeAttributes(edge), actions),
    evidenceList(graph, edge, filters));
}

function groupByRelation(graph: KnowledgeGraph, edges: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const relation = graph.getEdgeAttribute(edge, "relation");
    const group = groups.get(relation);
    if (group) group.push(edge);
    else groups.set(relation, [edge]);
  }
  const order = (relation: string): number => {
    const index = (RELATION_TYPES as readonly string[]).indexOf(relation);
    return index < 0 ? RELATION_TYPES.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Counterparts with the most relations first, then by name. */
function groupByCounterpart(graph: KnowledgeGraph, node: string, edges: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const other = graph.opposite(node, edge);
    const group = groups.get(other);
    if (group) group.push(edge);
    else groups.set(other, [edge]);
  }
  const label = (n: string): string => graph.getNodeAttribute(n, "label");
  return [...groups.entries()].sort(([a, x], [b, y]) => y.length - x.length || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
}

/** "Source label Target", with the actor other than `self` as a link. */
function statement(graph: KnowledgeGraph, edge: string, self: string | null, actions: PanelActions): HTMLElement {
  const source = graph.source(edge);
  const target = graph.target(edge);
  const actor = (node: string): Node => (node === self
    ? el("strong", {}, graph.getNodeAttribute(node, "label"))
    : nodeLink(graph, node, actions));
  const label = graph.getEdgeAttribute(edge, "label");
  const verb = el("button", {
    className: "link verb", title: "Show this relation", attrs: { type: "button" },
    onClick: () => actions.selectEdge(edge),
  }, label);
  return el("span", { className: "statement" }, actor(source), " ", verb, " ", actor(target));
}

function nodeLink(graph: KnowledgeGraph, node: string, actions: PanelActions): HTMLButtonElement {
  return el("button", {
    className: "link", dataset: { node }, attrs: { type: "button" }, title: "Go to this actor",
    onClick: () => actions.selectNode(node),
  }, graph.getNodeAttribute(node, "label"));
}

function edgeFacts(graph: KnowledgeGraph, attributes: EdgeAttributes, actions: PanelActions): HTMLElement {
  const facts: (Node | string)[] = [`confidence ${attributes.confidence.toFixed(2)}`];
  const modality = modalityOf(attributes);
  if (modality !== "asserted") facts.push(` · ${modality}`);
  if (attributes.role) facts.push(` · role: ${attributes.role}`);
  if (attributes.attributedTo) {
    facts.push(" · according to ");
    facts.push(graph.hasNode(attributes.attributedTo)
      ? nodeLink(graph, attributes.attributedTo, actions) : attributes.attributedTo);
  }
  return el("p", { className: "facts" }, ...facts);
}

/** The sentences the filters keep, the first few at once and the rest on demand. */
function evidenceList(graph: KnowledgeGraph, edge: string, filters: Filters): HTMLElement {
  const names = [graph.source(edge), graph.target(edge)].map((node) => {
    const attributes = graph.getNodeAttributes(node);
    return [attributes.label, ...attributes.aliases];
  });
  const all = graph.getEdgeAttribute(edge, "evidence");
  if (all.length === 0) return el("p", { className: "note" }, "No evidence sentence recorded.");
  const evidence = shownEvidence(graph.getEdgeAttributes(edge), filters);
  const box = el("div", { className: "evidence" });
  let shown = 0;
  let more: HTMLElement | null = null;
  const next = (count: number): void => {
    more?.remove();
    const end = Math.min(evidence.length, shown + count);
    for (; shown < end; shown++) box.append(evidenceItem(evidence[shown], names));
    if (shown < evidence.length) {
      const left = evidence.length - shown;
      more = el("button", {
        className: "link show-more", attrs: { type: "button" }, onClick: () => next(MORE_SENTENCES),
      }, `Show ${Math.min(MORE_SENTENCES, left)} more sentence${left === 1 ? "" : "s"} (${left} not shown)`);
      box.append(more);
    }
  };
  next(FIRST_SENTENCES);
  if (evidence.length < all.length) {
    const outside = all.length - evidence.length;
    box.append(el("p", { className: "note" }, `${outside} sentence${outside === 1 ? " is" : "s are"} outside the date or source filters.`));
  }
  return box;
}

/** Where a sentence comes from: `document#sentence` (0-based), its date or "undated", its source. */
export function evidenceWhere(item: Evidence): string {
  const where = [`${item.document}#${item.sentence}`, dayOf(item) ?? "undated"];
  if (item.source) where.push(item.source);
  return where.join(" · ");
}

function evidenceItem(item: Evidence, names: string[][]): HTMLElement {
  const quote = el("blockquote", {}, ...highlightActors(item.text, names).map((piece) => (piece.actor < 0
    ? piece.text
    : el("mark", { className: `actor-${piece.actor}` }, piece.text))));
  return el("div", { className: "evidence-item" }, quote, el("p", { className: "source" }, evidenceWhere(item)));
}
