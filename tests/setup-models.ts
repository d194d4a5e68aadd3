// vitest setup: trained weights are read from the package's models/ folder, as in the CLI.
import "../src/node/models.js";
