// Word lists as data: a list is a read-only set of lower-case words, written as one
// white-space separated string in the data module that owns it.

export type WordList = ReadonlySet<string>;

export function wordList(text: string): WordList {
  return new Set(text.trim().split(/\s+/));
}
