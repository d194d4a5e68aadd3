// The timeline under the graph: a histogram of evidence dates (one bar per day, or per
// month for long spans) and two draggable ends that set the filters' date range. Evidence
// without a date is counted apart and kept or dropped with its own checkbox.
import { el } from "./dom.js";
import type { Filters, Timeline } from "./filters.js";

export interface TimelineControls {
  root: HTMLElement;
  bars: HTMLElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  range: HTMLElement;
  undated: HTMLInputElement;
  undatedText: HTMLElement;
  reset: HTMLButtonElement;
}

export interface TimelineView {
  /** A new graph's dates. */
  setTimeline(timeline: Timeline): void;
  /** The filters changed (from a link, another control or this one). */
  render(filters: Filters): void;
}

export function createTimeline(controls: TimelineControls, onChange: (change: Partial<Filters>) => void): TimelineView {
  let timeline: Timeline = { buckets: [], ends: [], counts: [], undated: 0, unit: "day" };
  let bars: HTMLElement[] = [];

  /** The range the two thumbs stand for; an end at the extreme is open (undefined). */
  function rangeOfThumbs(): Pick<Filters, "dateFrom" | "dateTo"> {
    let a = Number(controls.from.value);
    let b = Number(controls.to.value);
    if (a > b) [a, b] = [b, a];
    const last = timeline.buckets.length - 1;
    return {
      dateFrom: a > 0 ? timeline.buckets[a] : undefined,
      dateTo: b < last ? timeline.ends[b] : undefined,
    };
  }

  const changed = (): void => {
    const { dateFrom, dateTo } = rangeOfThumbs();
    onChange({ dateFrom, dateTo });
  };
  controls.from.addEventListener("input", changed);
  controls.to.addEventListener("input", changed);
  controls.undated.addEventListener("change", () => onChange({ hideUndated: !controls.undated.checked }));
  controls.reset.addEventListener("click", () => onChange({ dateFrom: undefined, dateTo: undefined, hideUndated: false }));

  /** Index of the bucket holding a day (the first or last bucket for days outside). */
  function bucketOf(day: string | undefined, fallback: number): number {
    if (day === undefined) return fallback;
    for (let i = timeline.buckets.length - 1; i >= 0; i--) if (timeline.buckets[i] <= day) return i;
    return 0;
  }

  return {
    setTimeline(next) {
      timeline = next;
      const last = Math.max(0, next.buckets.length - 1);
      for (const input of [controls.from, controls.to]) {
        input.max = String(last);
        input.disabled = next.buckets.length < 2;
        input.hidden = next.buckets.length === 0;
      }
      const peak = Math.max(1, ...next.counts);
      bars = next.buckets.map((bucket, index) => {
        const bar = el("span", { title: `${bucket}${next.unit === "month" ? ` (month)` : ""}: ${next.counts[index]} sentence${next.counts[index] === 1 ? "" : "s"}` });
        bar.style.height = `${Math.round((100 * next.counts[index]) / peak)}%`;
        return bar;
      });
      controls.bars.replaceChildren(...bars);
    },
    render(filters) {
      const last = Math.max(0, timeline.buckets.length - 1);
      const a = bucketOf(filters.dateFrom, 0);
      const b = filters.dateTo === undefined ? last : bucketOf(filters.dateTo, last);
      // Leaves the thumb being dragged where it is when both stand for the same range.
      const thumbs = rangeOfThumbs();
      if (thumbs.dateFrom !== filters.dateFrom || thumbs.dateTo !== filters.dateTo) {
        controls.from.value = String(a);
        controls.to.value = String(b);
      }
      bars.forEach((bar, index) => bar.classList.toggle("out", index < a || index > b));
      let inside = 0;
      let dated = 0;
      timeline.counts.forEach((count, index) => {
        dated += count;
        if (index >= a && index <= b) inside += count;
      });
      if (timeline.buckets.length === 0) {
        controls.range.textContent = "No evidence dates";
      } else {
        const first = filters.dateFrom ?? timeline.buckets[0];
        const end = filters.dateTo ?? timeline.ends[last];
        controls.range.textContent = `${first} – ${end} · ${inside} of ${dated} dated sentence${dated === 1 ? "" : "s"}`;
      }
      controls.undated.checked = !filters.hideUndated;
      controls.undated.disabled = timeline.undated === 0;
      controls.undatedText.textContent = `${timeline.undated} undated sentence${timeline.undated === 1 ? "" : "s"}`;
      controls.reset.hidden = filters.dateFrom === undefined && filters.dateTo === undefined && !filters.hideUndated;
    },
  };
}
