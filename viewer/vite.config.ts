// Builds the viewer into viewer/dist: static files that any static host can serve.
// The app imports the pipeline from ../src (browser-safe by rule), so the root of
// the file-system allow list is the repository.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Relative asset URLs, so the build works from any path on any static host.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    // NEWSGRAPH_NO_MINIFY=1: readable function names in profiles (bench/viewer.ts).
    minify: process.env.NEWSGRAPH_NO_MINIFY !== "1",
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", fs: { allow: [repoRoot] } },
  preview: { host: "127.0.0.1" },
});
