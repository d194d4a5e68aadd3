// Node's model source for tests that load trained weights (the CLI registers its own).
import { readFileSync } from "node:fs";
import path from "node:path";
import { setModelSource } from "../../src/models.js";
import { REPO_ROOT } from "./tools.js";

setModelSource((file) => readFileSync(path.join(REPO_ROOT, "models", file)));
