// Zenlayer's Describe* reads: filter by ids (unknown ids are simply absent), then page.
// Reads never create a resource: an id nobody seeded or released reads as gone.
import type { Outcome, RuleContext } from '../../state/outcome.js';
import type { ZenlayerResource } from '../../state/resources.js';

export function describe<R extends ZenlayerResource>(
  ctx: RuleContext,
  type: R['type'],
  ids: unknown,
  body: Record<string, unknown>,
  view: (resource: R) => Record<string, unknown>,
): Outcome {
  // By id: one lookup each (the inventory may hold 100,000 entries); otherwise every one of the type.
  const matching = (
    Array.isArray(ids) ? [...new Set(ids as string[])].map((id) => ctx.inventory.get(type, id)) : ctx.inventory.list()
  ).filter((r): r is R => r?.type === type);
  const pageSize = (body.pageSize as number | undefined) ?? 20;
  const pageNum = (body.pageNum as number | undefined) ?? 1;
  const page = matching.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return { ok: true, body: { totalCount: matching.length, dataSet: page.map(view) } };
}
