// Runs ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) on the shown
// graph, so the page stays responsive while nodes move.
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../../src/graph/index.js";

export interface LayoutControl {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  kill(): void;
}

export function createLayoutControl(graph: KnowledgeGraph, onChange: (running: boolean) => void): LayoutControl {
  let layout: FA2Layout | null = null;

  function supervisor(): FA2Layout {
    layout ??= new FA2Layout(graph, {
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
      getEdgeWeight: "weight",
    });
    return layout;
  }

  return {
    isRunning: () => layout?.isRunning() ?? false,
    start() {
      if (graph.order === 0) return;
      supervisor().start();
      onChange(true);
    },
    stop() {
      layout?.stop();
      onChange(false);
    },
    kill() {
      layout?.kill();
      layout = null;
    },
  };
}
