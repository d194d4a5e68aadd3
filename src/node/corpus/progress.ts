// Progress of a build on a terminal: for the extraction documents done, words per second and
// time left; then one line per later phase (merging, layout, writing each file).
// Only when stderr is a TTY: logs, pipes and CI see nothing but the final summary.
import cliProgress from "cli-progress";

export interface Progress {
  start(documents: number, words: number): void;
  /** One more document done (extracted or failed), of this many words. */
  advance(words: number): void;
  stop(): void;
  /** A phase after the extraction (merge, layout, export) on one line, which the next replaces; "" clears it. */
  phase?(text: string): void;
}

export const SILENT: Progress = { start() {}, advance() {}, stop() {}, phase() {} };

export function createProgress(enabled: boolean = process.stderr.isTTY === true): Progress {
  if (!enabled) return SILENT;
  let shown = false;
  const bar = new cliProgress.SingleBar({
    format: "extracting [{bar}] {value}/{total} documents | {rate} words/s | {left} left",
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
    stream: process.stderr,
  });
  let started = 0;
  let totalWords = 0;
  let doneWords = 0;
  return {
    start(documents, words) {
      started = performance.now();
      totalWords = words;
      doneWords = 0;
      bar.start(documents, 0, { rate: "-", left: "-" });
    },
    advance(words) {
      doneWords += words;
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? doneWords / seconds : 0;
      const left = rate > 0 ? (totalWords - doneWords) / rate : NaN;
      bar.increment(1, { rate: rate > 0 ? Math.round(rate).toLocaleString("en-US") : "-", left: formatSeconds(left) });
    },
    stop() {
      bar.stop();
    },
    phase(text) {
      if (text === "" && !shown) return;
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = text !== "";
    },
  };
}

/** "42 s", "3 min 5 s", "-" when unknown. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "-";
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
