// Memoising one-argument functions of a string in a bounded map. Names and words recur
// through a document and a corpus, so look-ups that normalise or search large tables pay
// once per distinct string; the map is emptied when full, so a long corpus never grows it
// without bound.

export function memoized<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
