// Components and the pipeline that runs them. A tokenizer makes the Doc from a Document;
// each component then declares what it requires and what it assigns, and runs over the Doc.
// The pipeline checks the order when it is built, so a component added in the wrong place
// (a parser after the stage that reads its heads) fails at once, naming itself.
import type { Document } from "../model.js";
import type { Annotation, Doc } from "./doc.js";

export interface Tokenizer {
  readonly name: string;
  readonly assigns: readonly Annotation[];
  make(document: Document): Doc;
}

export interface Component {
  readonly name: string;
  readonly requires: readonly Annotation[];
  readonly assigns: readonly Annotation[];
  /** Reads and writes the Doc; keeps no state between documents. */
  run(doc: Doc): void;
}

export class PipelineOrderError extends Error {}

export class Pipeline {
  readonly tokenizer: Tokenizer;
  readonly components: readonly Component[];

  constructor(tokenizer: Tokenizer, components: readonly Component[]) {
    const have = new Set<Annotation>(tokenizer.assigns);
    const names = new Set<string>([tokenizer.name]);
    for (const component of components) {
      if (names.has(component.name)) throw new PipelineOrderError(`pipeline: two components named "${component.name}"`);
      names.add(component.name);
      const missing = component.requires.filter((a) => !have.has(a));
      if (missing.length > 0) {
        throw new PipelineOrderError(`pipeline: "${component.name}" requires ${missing.join(", ")}, which no component before it assigns`);
      }
      for (const a of component.assigns) have.add(a);
    }
    this.tokenizer = tokenizer;
    this.components = components;
  }

  get names(): string[] {
    return [this.tokenizer.name, ...this.components.map((c) => c.name)];
  }

  /** A new pipeline with `component` right before the component named `before`. */
  insertBefore(before: string, component: Component): Pipeline {
    const at = this.components.findIndex((c) => c.name === before);
    if (at < 0) throw new PipelineOrderError(`pipeline: no component named "${before}"`);
    return new Pipeline(this.tokenizer, [...this.components.slice(0, at), component, ...this.components.slice(at)]);
  }

  /** A new pipeline with `component` right after the component (or tokenizer) named `after`. */
  insertAfter(after: string, component: Component): Pipeline {
    const at = after === this.tokenizer.name ? 0 : this.components.findIndex((c) => c.name === after) + 1;
    if (at <= 0 && after !== this.tokenizer.name) throw new PipelineOrderError(`pipeline: no component named "${after}"`);
    return new Pipeline(this.tokenizer, [...this.components.slice(0, at), component, ...this.components.slice(at)]);
  }

  run(document: Document): Doc {
    const doc = this.tokenizer.make(document);
    for (const a of this.tokenizer.assigns) doc.assigned.add(a);
    for (const component of this.components) {
      component.run(doc);
      for (const a of component.assigns) doc.assigned.add(a);
    }
    return doc;
  }
}
