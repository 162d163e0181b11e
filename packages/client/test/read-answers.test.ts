// A read resolves only with an answer to what it asked: a Describe* answer is the spec's
// envelope with a dataSet of documented items, each about an id asked for; getPort's port is
// the port asked for; listPorts' ports are ones its filter lets through. Anything else is an
// unknown outcome, `unexpected-answer`, never an empty result or another resource's state.
import { describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, OutcomeUnknownError } from '../src/index.js';
import type { Answer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const OTHER_PORT = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const servers = serverPerTest();

const envelope = (response: unknown): Answer => ({ status: 200, body: { requestId: 'T-R', response } });
const described = (dataSet: unknown, totalCount: unknown = Array.isArray(dataSet) ? dataSet.length : 0) =>
  envelope({ requestId: 'T-R', totalCount, dataSet });
const instance = (instanceId: unknown, instanceStatus: unknown = 'RECYCLE', more: object = {}) => ({
  instanceId,
  instanceName: 'web',
  instanceStatus,
  ...more,
});
const port = (id: string, more: object = {}) => ({
  id,
  name: 'web',
  project_id: 'p',
  device_owner: '',
  status: 'ACTIVE',
  revision_number: 1,
  ...more,
});

async function zenlayerAnswering(answer: Answer) {
  const server = await servers.start(() => answer);
  return createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
}
async function neutronAnswering(answer: Answer) {
  const server = await servers.start(() => answer);
  return createNeutronClient({ baseUrl: server.url, token: 'tok' });
}

const unexpected = (operation: string, ids: string[]) => ({
  name: 'OutcomeUnknownError',
  outcome: 'unknown',
  reason: 'unexpected-answer',
  status: 200,
  operation,
  ids,
});

describe('describeInstances', () => {
  it.each([
    ['no dataSet', envelope({ requestId: 'T-R', totalCount: 0 }), 'dataSet is missing'],
    ['dataSet "RECYCLE"', described('RECYCLE', 1), 'dataSet is not an array'],
    ['response [1, 2]', envelope([1, 2]), 'dataSet is missing'],
    [
      'an item for another id',
      described([instance('i-1'), instance('i-9')]),
      'dataSet[1].instanceId is not an id asked for',
    ],
    ['an item that is not an object', described(['i-1']), 'dataSet[0] is not an object'],
    [
      'an item without an id',
      described([{ instanceStatus: 'RUNNING' }]),
      'dataSet[0].instanceId is not a non-empty string',
    ],
    ['an id that is a number', described([instance(7)]), 'dataSet[0].instanceId is not a non-empty string'],
    [
      'a status that is not a string',
      described([instance('i-1', ['RECYCLE'])]),
      'dataSet[0].instanceStatus is not a documented status',
    ],
    [
      'a status the spec does not list',
      described([instance('i-1', 'GONE')]),
      'dataSet[0].instanceStatus is not a documented status',
    ],
    [
      'a name that is an object',
      described([instance('i-1', 'RUNNING', { instanceName: { a: 1 } })]),
      'dataSet[0].instanceName is not a string',
    ],
    [
      'the same id twice',
      described([instance('i-1'), instance('i-1')]),
      "dataSet[1].instanceId repeats an earlier item's",
    ],
    [
      'no totalCount',
      envelope({ requestId: 'T-R', dataSet: [] }),
      'totalCount is not an integer ≥ the items in dataSet',
    ],
    [
      'a totalCount under the items',
      described([instance('i-1')], 0),
      'totalCount is not an integer ≥ the items in dataSet',
    ],
    ['a totalCount over the ids asked', described([], 3), 'totalCount counts more than the ids asked for'],
  ])('%s: unexpected-answer, naming the field', async (_, answer, fault) => {
    const zc = await zenlayerAnswering(answer);
    const error = await zc.describeInstances(['i-1', 'i-2']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject(unexpected('DescribeInstances', ['i-1', 'i-2']));
    expect((error as Error).message).toBe(
      messages.unexpectedAnswer('DescribeInstances 2 instances', 200, `the documented answer (${fault})`),
    );
  });

  it('the documented answer about some of the ids asked resolves as sent, unknown fields kept', async () => {
    const dataSet = [instance('i-2', 'RELEASING', { zoneId: 'HKG-A' })];
    const zc = await zenlayerAnswering(described(dataSet));
    await expect(zc.describeInstances(['i-1', 'i-2'])).resolves.toEqual({ requestId: 'T-R', totalCount: 1, dataSet });
  });
});

describe('describeDisks and describePorts', () => {
  it('describeDisks: a disk asked for with a diskType the spec does not list is unexpected', async () => {
    const zc = await zenlayerAnswering(described([{ diskId: 'd-1', diskStatus: 'RECYCLED', diskType: 'BOOT' }]));
    await expect(zc.describeDisks(['d-1'])).rejects.toMatchObject({
      ...unexpected('DescribeDisks', ['d-1']),
      message: expect.stringContaining('(dataSet[0].diskType is not a documented value)'),
    });
  });

  it('describeDisks: an item for another disk is unexpected', async () => {
    const zc = await zenlayerAnswering(described([{ diskId: 'd-9', diskStatus: 'RECYCLED' }]));
    await expect(zc.describeDisks(['d-1'])).rejects.toMatchObject({
      ...unexpected('DescribeDisks', ['d-1']),
      message: expect.stringContaining('(dataSet[0].diskId is not an id asked for)'),
    });
  });

  it('describePorts: an item for another port is unexpected; the port asked for resolves', async () => {
    const other = await zenlayerAnswering(described([{ portId: 'p-9', portStatus: 'RECYCLED' }]));
    await expect(other.describePorts(['p-1'])).rejects.toMatchObject({
      ...unexpected('DescribePorts', ['p-1']),
      message: expect.stringContaining('(dataSet[0].portId is not an id asked for)'),
    });
    const asked = await zenlayerAnswering(described([{ portId: 'p-1', portName: 'edge', portStatus: 'DESTROYING' }]));
    await expect(asked.describePorts(['p-1'])).resolves.toMatchObject({ dataSet: [{ portId: 'p-1' }] });
  });
});

describe('getPort', () => {
  it.each([
    ["another port's", { status: 200, body: { port: port(OTHER_PORT) } }, ' (port.id is not the id asked for)'],
    ['a port without an id', { status: 200, body: { port: { name: 'web' } } }, ' (port.id is not the id asked for)'],
    ['[]', { status: 200, body: [] }, ''],
    ['a port that is []', { status: 200, body: { port: [] } }, ''],
  ] as const)('%s: unexpected-answer, naming the port', async (_, answer, fault) => {
    const ne = await neutronAnswering(answer);
    await expect(ne.getPort(PORT)).rejects.toMatchObject({
      ...unexpected('ShowPort', [PORT]),
      message: messages.unexpectedAnswer(`ShowPort port ${PORT}`, 200, `{"port": {…}}${fault}`),
    });
  });

  it('the port asked for in upper case, answered in lower case, is that port', async () => {
    const ne = await neutronAnswering({ status: 200, body: { port: port(PORT) } });
    await expect(ne.getPort(PORT.toUpperCase())).resolves.toMatchObject({ id: PORT });
  });
});

describe('listPorts', () => {
  it.each([
    [
      'a port the name filter excludes',
      { name: 'web' },
      [port(PORT, { name: 'db' })],
      'ports[0].name is not the name asked for',
    ],
    [
      'a port without the name asked',
      { name: 'web' },
      [port(PORT, { name: undefined })],
      'ports[0].name is not the name asked for',
    ],
    [
      'a port the id filter excludes',
      { id: [PORT] },
      [port(PORT), port(OTHER_PORT)],
      'ports[1].id is not one of the ids asked for',
    ],
    ['a port that is not an object', {}, [PORT], 'ports[0] is not an object'],
    ['a port without an id', {}, [{ name: 'web' }], 'ports[0].id is not a string'],
  ] as const)('%s: unexpected-answer', async (_, filter, ports, fault) => {
    const ne = await neutronAnswering({ status: 200, body: { ports } });
    await expect(ne.listPorts(filter)).rejects.toMatchObject({
      ...unexpected('ListPorts', []),
      message: messages.unexpectedAnswer('ListPorts ports', 200, `{"ports": […]} (${fault})`),
    });
  });

  it('ports that match every filter sent resolve; without a filter any port does', async () => {
    const both = [port(PORT), port(OTHER_PORT, { name: 'web' })];
    const filtered = await neutronAnswering({ status: 200, body: { ports: both } });
    await expect(filtered.listPorts({ name: 'web', id: [PORT, OTHER_PORT.toUpperCase()] })).resolves.toEqual(both);
    const any = await neutronAnswering({ status: 200, body: { ports: [port(OTHER_PORT, { name: 'db' })] } });
    await expect(any.listPorts()).resolves.toHaveLength(1);
  });
});
