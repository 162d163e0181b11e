// The random source faults draw from (startMock's `random`, Math.random by default). A source
// given by a test is checked at start and at each draw: a draw outside [0, 1) would turn a
// probability or a delay into nonsense (a negative delay, NaN), so it fails that request with
// the mock's 500 naming the value instead.

export function randomSource(random: unknown): () => number {
  if (random === undefined) return Math.random;
  if (typeof random !== 'function')
    throw new TypeError(`random must be a function returning numbers in [0, 1) (got ${typeof random})`);
  return () => {
    const value: unknown = random();
    if (typeof value === 'number' && value >= 0 && value < 1) return value;
    throw new RangeError(`random() returned ${String(value)}; it must return numbers in [0, 1)`);
  };
}
