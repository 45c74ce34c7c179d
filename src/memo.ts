/**
 * `compute` remembered by key: each key is computed once (an undefined result is not kept).
 * Given `maxEntries`, everything is forgotten when that many are kept, to bound the memory of a
 * memo whose keys come from the content (words of an archive).
 */
export function memo<K, V>(compute: (key: K) => V, maxEntries = Infinity): (key: K) => V {
  const results = new Map<K, V>();
  return (key) => {
    let value = results.get(key);
    if (value === undefined) {
      value = compute(key);
      if (results.size >= maxEntries) results.clear();
      results.set(key, value);
    }
    return value;
  };
}
