// The kinds of resource a plan names, in the order its flags list them. Which steps each needs
// is the client's decision (`stepsFor`), the same one its teardown() makes.
import type { TeardownType } from '@cloud-release/client';

export type Kind = TeardownType;
export type ZenlayerKind = Exclude<Kind, 'neutron-port'>;
export const KINDS: readonly Kind[] = ['instance', 'disk', 'port', 'neutron-port'];
