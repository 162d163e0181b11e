// What a lifecycle rule decided, before it is dressed in the provider's shape.
import type { InventoryView } from './inventory.js';

export type Outcome =
  | { ok: true; status?: number; body?: unknown }
  | { ok: false; status: number; code: string; message: string };

export const refuse = (status: number, code: string, message: string): Outcome => ({
  ok: false,
  status,
  code,
  message,
});

export interface RuleContext {
  /** The inventory as the request being answered sees it. */
  inventory: InventoryView;
  /** Unseeded ids do not exist (by default they are created on first use). */
  strict: boolean;
  /** How long an asynchronous transition (RECYCLING → RECYCLE, RELEASING → gone, …) takes. */
  transitionMs: number;
  /** Neutron: token → project. When given, an unmapped token is refused like Keystone would. */
  projects?: Readonly<Record<string, string>>;
}

/** Whether an id the mock never held may be created now, in the state its action needs. */
export const creatable = (ctx: RuleContext, type: 'instance' | 'disk' | 'port', id: string) =>
  !ctx.strict && !ctx.inventory.known(type, id);
