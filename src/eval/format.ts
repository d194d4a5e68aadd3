// Plain-text rendering of an evaluation report (what `newsgraph eval` prints).
import type { DocumentScore, EvaluationReport, Score } from "./score.js";

export interface FormatOptions {
  /** List missed and spurious items under each document. */
  verbose?: boolean;
}

export function formatReport(report: EvaluationReport, options: FormatOptions = {}): string {
  const nameWidth = Math.max(8, ...report.documents.map((d) => d.document.length));
  const lines: string[] = [];
  const header = `${"document".padEnd(nameWidth)}  ${column("entity")}  ${column("typed entity")}  ${column("relation")}`.trimEnd();
  const sub = `${"".padEnd(nameWidth)}  ${prf()}  ${prf()}  ${prf()}`.trimEnd();
  lines.push(header, sub);
  for (const doc of report.documents) {
    lines.push(row(doc.document, doc.entities, doc.typedEntities, doc.relations, nameWidth));
    if (options.verbose) lines.push(...details(doc));
  }
  const { overall } = report;
  if (report.documents.length > 1 || options.verbose) {
    lines.push(row("overall (micro)", overall.entities, overall.typedEntities, overall.relations, nameWidth));
  }
  return lines.join("\n") + "\n";
}

function column(title: string): string {
  return title.padEnd(20);
}

function prf(): string {
  return "P     R     F1    ".padEnd(20);
}

function row(name: string, e: Score, t: Score, r: Score, width: number): string {
  return `${name.padEnd(width)}  ${triple(e)}  ${triple(t)}  ${triple(r)}`.trimEnd();
}

function triple(score: Score): string {
  return `${fixed(score.precision)} ${fixed(score.recall)} ${fixed(score.f1)}`.padEnd(20);
}

function fixed(value: number): string {
  return value.toFixed(3).padEnd(5);
}

function details(doc: DocumentScore): string[] {
  const out: string[] = [];
  const counts = (s: Score) => `${s.correct}/${s.predicted} right, ${s.found}/${s.gold} found`;
  out.push(`  entities: ${counts(doc.entities)}; typed: ${counts(doc.typedEntities)}; relations: ${counts(doc.relations)}`);
  for (const m of doc.missedEntities) out.push(`  missed entity    ${m.name} (${m.kind}) [${m.id}]`);
  for (const m of doc.mistypedEntities) {
    out.push(`  wrong kind       ${m.name}: extracted ${m.extractedKind}, gold ${m.kind} [${m.id}]`);
  }
  for (const n of doc.nodes) {
    if (n.status === "unmatched") out.push(`  spurious entity  ${n.label} (${n.kind}) [${n.id}]`);
    if (n.status === "duplicate") out.push(`  duplicate entity ${n.label} (${n.kind}) [${n.id}] of gold ${n.gold}`);
  }
  for (const m of doc.missedRelations) {
    const evidence = m.evidence ? `  "${m.evidence}"` : "";
    out.push(`  missed relation  ${m.source.join("|")} -${m.relation.join("|")}-> ${m.target.join("|")}${evidence}`);
  }
  for (const e of doc.edges) {
    if (e.status !== "spurious") continue;
    const gold = `[${e.goldSource ?? "?"} -> ${e.goldTarget ?? "?"}]`;
    const evidence = e.evidence ? `  "${e.evidence}"` : "";
    const rule = e.rule ? ` rule=${e.rule}` : "";
    out.push(`  spurious relation ${e.source} -${e.relation}-> ${e.target} ${gold}${rule}${evidence}`);
  }
  return out;
}
