// Prints what extract() finds in a file: entities with aliases, then relations.
import { readFileSync } from "node:fs";
import { extract } from "../src/extract.js";

const extraction = extract({ id: process.argv[2], text: readFileSync(process.argv[2], "utf8") });
for (const e of extraction.entities) console.log(`E ${e.id} ${e.kind} "${e.name}" [${e.aliases.join(" | ")}] x${e.mentions.length}`);
for (const r of extraction.relations) {
  console.log(`R ${r.source} ${r.relation} ${r.target} ${r.modality}${r.role ? ` role=${r.role}` : ""} | ${r.evidence[0]?.text.slice(0, 90)}`);
}
