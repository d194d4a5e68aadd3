// A document's string store: each distinct string (a token's form, normal form, lemma) once,
// named by a small integer, so token columns are typed arrays. One store per Doc: nothing is
// shared between documents, so extracting one can never change another.

export class StringStore {
  private readonly ids = new Map<string, number>();
  /** id -> string; id 0 is the empty string. */
  readonly strings: string[] = [""];

  constructor(strings?: readonly string[]) {
    this.ids.set("", 0);
    if (strings) for (let k = 1; k < strings.length; k++) this.add(strings[k]);
  }

  /** The id of a string, adding it when new. */
  add(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a string already stored, or -1. */
  idOf(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get(id: number): string {
    return this.strings[id];
  }

  get size(): number {
    return this.strings.length;
  }
}
