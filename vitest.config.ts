import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Node's model source (the models/ folder), as the CLI and the corpus workers register it.
    setupFiles: ["tests/setup-models.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
