/**
 * Answers of a pure function of one string or number, kept in a bounded map: for helpers that run
 * several times a request over a small domain (the dates, place names and phrases a warm instance
 * sees). Past `max` answers the map starts again, so hostile input cannot grow it.
 */
export function memo<K extends string | number, V>(
  compute: (key: K) => V,
  max = 2048,
): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer as V;
  };
}
