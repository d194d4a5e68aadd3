// The details panel: a node (name, kind, aliases, roles, relations grouped by type with
// their evidence) or an edge (its statement and evidence). Text goes in as text only.
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { RELATION_TYPES, type EdgeAttributes, type Evidence } from "../../src/model.js";
import { el } from "./dom.js";
import { highlightActors } from "./evidence.js";
import { edgePasses, modalityOf, type Filters } from "./filters.js";
import { KIND_NAMES, swatch } from "./legend.js";
import { EDGE_COLORS, NODE_COLORS, UNKNOWN_COLOR } from "./palette.js";

export interface PanelActions {
  selectNode(node: string): void;
  selectEdge(edge: string): void;
}

export function renderNodePanel(
  target: HTMLElement, graph: KnowledgeGraph, node: string, filters: Filters, actions: PanelActions,
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
  if (attributes.aliases.length > 0) {
    parts.push(el("h3", {}, "Also called"), el("ul", { className: "aliases" },
      ...attributes.aliases.map((alias) => el("li", {}, alias))));
  }

  const roles = graph.edges(node).filter((edge) => graph.getEdgeAttribute(edge, "relation") === "ROLE");
  if (roles.length > 0) {
    parts.push(el("h3", {}, "Roles"), el("ul", { className: "roles" }, ...roles.map((edge) => {
      const role = graph.getEdgeAttribute(edge, "role");
      const isHolder = graph.source(edge) === node;
      const other = isHolder ? graph.target(edge) : graph.source(edge);
      return el("li", {}, isHolder ? `${role ?? "role"} — ` : "", nodeLink(graph, other, actions),
        isHolder ? "" : ` — ${role ?? "role"}`);
    })));
  }

  const edges = graph.edges(node);
  const shown = edges.filter((edge) => edgePasses(graph.getEdgeAttributes(edge), filters)
    && !filters.hiddenKinds.has(graph.getNodeAttribute(graph.opposite(node, edge), "kind")));
  parts.push(el("h3", {}, `Relations (${shown.length})`));
  if (edges.length === 0) parts.push(el("p", { className: "note" }, "No relations found for this actor."));
  if (shown.length < edges.length) {
    const hidden = edges.length - shown.length;
    parts.push(el("p", { className: "note" }, `${hidden} relation${hidden === 1 ? " is" : "s are"} hidden by the filters.`));
  }
  for (const [relation, group] of groupByRelation(graph, shown)) {
    const info = graph.getEdgeAttributes(group[0]);
    parts.push(
      el("h4", { dataset: { relation } }, swatch(EDGE_COLORS[info.polarity] ?? UNKNOWN_COLOR, true),
        `${relation} · ${info.label} (${group.length})`),
      el("ul", { className: "relations", dataset: { relation } }, ...group.map((edge) =>
        el("li", { dataset: { edge } },
          statement(graph, edge, node, actions),
          edgeFacts(graph, graph.getEdgeAttributes(edge), actions),
          evidenceList(graph, edge)))),
    );
  }
  target.replaceChildren(...parts);
}

export function renderEdgePanel(target: HTMLElement, graph: KnowledgeGraph, edge: string, actions: PanelActions): void {
  const attributes = graph.getEdgeAttributes(edge);
  target.replaceChildren(
    el("h2", { dataset: { edge } }, statement(graph, edge, null, actions)),
    el("p", { className: "kind" }, swatch(EDGE_COLORS[attributes.polarity] ?? UNKNOWN_COLOR, true),
      `${attributes.relation} · ${attributes.polarity}${attributes.cameo && attributes.cameo !== "-" ? ` · CAMEO ${attributes.cameo}` : ""}`),
    edgeFacts(graph, attributes, actions),
    el("h3", {}, `Evidence (${attributes.evidence.length})`),
    evidenceList(graph, edge),
  );
}

function groupByRelation(graph: KnowledgeGraph, edges: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const relation = graph.getEdgeAttribute(edge, "relation");
    groups.set(relation, [...(groups.get(relation) ?? []), edge]);
  }
  const order = (relation: string): number => {
    const index = (RELATION_TYPES as readonly string[]).indexOf(relation);
    return index < 0 ? RELATION_TYPES.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** "Source label Target", with the actor other than `self` as a link. */
function statement(graph: KnowledgeGraph, edge: string, self: string | null, actions: PanelActions): HTMLElement {
  const source = graph.source(edge);
  const target = graph.target(edge);
  const actor = (node: string): Node => (node === self
    ? el("strong", {}, graph.getNodeAttribute(node, "label"))
    : nodeLink(graph, node, actions));
  const label = graph.getEdgeAttribute(edge, "label");
  const verb = self === null
    ? el("span", {}, ` ${label} `)
    : el("button", {
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

function evidenceList(graph: KnowledgeGraph, edge: string): HTMLElement {
  const names = [graph.source(edge), graph.target(edge)].map((node) => {
    const attributes = graph.getNodeAttributes(node);
    return [attributes.label, ...attributes.aliases];
  });
  const evidence = graph.getEdgeAttribute(edge, "evidence");
  if (evidence.length === 0) return el("p", { className: "note" }, "No evidence sentence recorded.");
  return el("div", { className: "evidence" }, ...evidence.map((item) => evidenceItem(item, names)));
}

function evidenceItem(item: Evidence, names: string[][]): HTMLElement {
  const quote = el("blockquote", {}, ...highlightActors(item.text, names).map((piece) => (piece.actor < 0
    ? piece.text
    : el("mark", { className: `actor-${piece.actor}` }, piece.text))));
  const where = [`${item.document}`, `sentence ${item.sentence + 1}`];
  if (item.date) where.push(item.date);
  if (item.source) where.push(item.source);
  return el("div", { className: "evidence-item" }, quote, el("p", { className: "source" }, where.join(" · ")));
}
