// "Export PNG": the canvases sigma draws (WebGL stage and label layers), composited on
// white in DOM order, at the screen's pixel ratio.
import type Sigma from "sigma";

export function exportPng(sigma: Sigma): Promise<Blob> {
  return new Promise((resolve, reject) => {
    // WebGL buffers are only readable in the task that drew them: capture on afterRender.
    sigma.once("afterRender", () => {
      try {
        const canvas = compose(sigma.getContainer());
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode a PNG"))), "image/png");
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    sigma.refresh();
  });
}

function compose(container: HTMLElement): HTMLCanvasElement {
  const { width, height } = container.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement("canvas");
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext("2d");
  if (!context) throw new Error("no 2D canvas available");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, output.width, output.height);
  for (const layer of container.querySelectorAll("canvas")) {
    if (layer.width === 0 || layer.height === 0 || getComputedStyle(layer).display === "none") continue;
    context.drawImage(layer, 0, 0, output.width, output.height);
  }
  return output;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
