// How a page shows what it did: one line per call, `name: JSON`, with the outcome it saw; the
// test reads them back from the DOM (test/support.ts shownResults), as a user would see them.

/** Adds one result line to the page. */
export function show(name: string, outcome: 'ok' | 'error', value: unknown) {
  const item = document.createElement('li');
  item.dataset.call = name;
  item.dataset.outcome = outcome;
  item.textContent = `${name}: ${JSON.stringify(value)}`;
  document.querySelector('#results')!.append(item);
}

/** Runs one call and shows its result, or the error it threw (as the error's toJSON()). */
export async function step(name: string, call: () => Promise<unknown>) {
  try {
    show(name, 'ok', await call());
  } catch (error) {
    const e = error as Error & { toJSON?: () => unknown };
    show(name, 'error', e.toJSON ? e.toJSON() : { name: e.name, message: e.message });
  }
}
