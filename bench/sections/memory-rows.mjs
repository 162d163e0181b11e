// Section 9's table: what the stateful mock keeps as streams of new ids and 1 MiB bodies go on.
// Heap is measured after a full GC (what the mock holds); RSS is what the system gave it.

/** @param {number} n */
const f = (n, digits = 1) => n.toFixed(digits);

/** @typedef {{ heapMiB: number, rssMiB: number }} Sample */
/**
 * @param {{ error?: string, lenientMiB: Sample[], lenientMemory: { remembered: number, forgotten: number },
 *   neutronMiB: Sample[], bodies: { sent: number, beforeMiB: number, peakMiB: number, afterMiB: number,
 *   afterHeapMiB: number, journalLines: number, journalBytes: number } }} m
 */
export function memoryRows(m) {
  if (m.error) return [`Failed: ${m.error}`];
  const [l0, l1, l2, l3] = /** @type {[Sample, Sample, Sample, Sample]} */ (m.lenientMiB);
  const [n0, , n2] = /** @type {[Sample, Sample, Sample]} */ (m.neutronMiB);
  const grew = (/** @type {Sample} */ a, /** @type {Sample} */ b) => f(b.heapMiB - a.heapMiB, 2);
  const b = m.bodies;
  return [
    '| stream | what the row measures | heap MiB per 100k | RSS MiB after |',
    '|---|---|---:|---:|',
    `| lenient ReleaseInstances, unknown ids, 1st 100k | heap growth after a full GC, journal cleared every 5,000 ids: the 10,000 remembered ids and the mock's warm-up | ${grew(l0, l1)} | ${f(l1.rssMiB, 0)} |`,
    `| … 2nd 100k | the same, past the limit: what each new id still costs | ${grew(l1, l2)} | ${f(l2.rssMiB, 0)} |`,
    `| … 3rd 100k | the same | ${grew(l2, l3)} | ${f(l3.rssMiB, 0)} |`,
    `| Neutron DELETE of unknown ports, 100k (after the ids above) | heap growth after a full GC (its 10,000 remembered ports included), journal cleared every 5,000 | ${grew(n0, n2)} | ${f(n2.rssMiB, 0)} |`,
    '',
    `After 300,000 lenient ids the mock remembers ${m.lenientMemory.remembered.toLocaleString('en')} and has forgotten ` +
      `${m.lenientMemory.forgotten.toLocaleString('en')} (GET /__mock/resources \`lenient\`): past the limit of 10,000 the oldest are forgotten, so a new id costs nothing lasting.`,
    '',
    `1 MiB bodies without Authorization to a mock with a bearer token (${b.sent} bodies, each a 401, journal not cleared): ` +
      `RSS ${f(b.beforeMiB, 0)} MiB before, ${f(b.peakMiB, 0)} MiB at the peak (sampled every 250 ms), ${f(b.afterMiB, 0)} MiB after; ` +
      `heap after a full GC ${f(b.afterHeapMiB, 0)} MiB. GET /__mock/requests then answers 200 with ${b.journalLines} lines ` +
      `in ${f(b.journalBytes / 1024, 0)} kB: a refused request journals no ids. The peak is bodies being read, not kept.`,
  ];
}
