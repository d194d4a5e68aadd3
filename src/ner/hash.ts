// Integer hashing for the tagger's features: a feature is a template id and one or two
// value hashes mixed into a bucket of the weight table, so no feature strings are built.

/** 32-bit FNV-1a of a string. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < value.length; k++) h = Math.imul(h ^ value.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** FNV-1a of value.slice(from, to) without making the slice. */
export function hashRange(value: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ value.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser: spreads the bits so `& mask` picks a uniform bucket. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function mix1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

export function mix2(template: number, a: number, b: number): number {
  return fmix(Math.imul(mix1(template, a) ^ 0x27d4eb2f, 0x165667b1) ^ b);
}
