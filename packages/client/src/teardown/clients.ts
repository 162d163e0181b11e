// The part of each client the waiters and flows call, by shape only: they build on the
// clients' public methods (createZenlayerClient, createNeutronClient), never on how those
// are made, so a client's internals can change without touching this folder.

interface Listed {
  dataSet: ReadonlyArray<Record<string, unknown>>;
}
interface DescribeOptions {
  pageSize?: number;
  signal?: AbortSignal;
}
interface CallOptions {
  signal?: AbortSignal;
}
interface ReleaseOptions extends CallOptions {
  ignoreMissing?: boolean;
}

/** What the Zenlayer waiters and flows use of a ZenlayerClient. */
export interface ZenlayerTeardownClient {
  describeInstances(ids: readonly string[], options?: DescribeOptions): Promise<Listed>;
  describeDisks(ids: readonly string[], options?: DescribeOptions): Promise<Listed>;
  describePorts(ids: readonly string[], options?: DescribeOptions): Promise<Listed>;
  terminateInstance(id: string, options?: CallOptions): Promise<unknown>;
  terminatePort(id: string, options?: CallOptions): Promise<unknown>;
  releaseInstances(
    ids: readonly string[],
    options?: ReleaseOptions & { concurrency?: number },
  ): Promise<{ batches: ReadonlyArray<{ ids: string[]; requestId: string | undefined; alreadyGone: boolean }> }>;
  releaseDisk(id: string, options?: ReleaseOptions): Promise<{ requestId: string | undefined; alreadyGone: boolean }>;
  destroyPort(id: string, options?: ReleaseOptions): Promise<{ requestId: string | undefined; alreadyGone: boolean }>;
}

/** The reads a Zenlayer waiter makes. */
export type ZenlayerReader = Pick<ZenlayerTeardownClient, 'describeInstances' | 'describeDisks' | 'describePorts'>;

/** A Neutron port as the flow reads it. */
export interface PortView {
  id: string;
  status?: string;
  device_owner?: string;
  device_id?: string;
  revision_number?: number;
  trunk_details?: unknown;
}

/** What the Neutron waiter and flow use of a NeutronClient. */
export interface NeutronTeardownClient {
  getPort(id: string, options?: CallOptions): Promise<PortView>;
  deletePort(
    id: string,
    options?: CallOptions & { ignoreMissing?: boolean; ifMatchRevision?: number },
  ): Promise<{ alreadyGone: boolean }>;
}

/** The read the Neutron waiter makes. */
export type NeutronReader = Pick<NeutronTeardownClient, 'getPort'>;
