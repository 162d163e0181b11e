// The teardown flows as Arazzo workflows: they lint clean, and every step names an operation
// its source description has, sends the X-ZC-Action that operation admits, and every goto
// lands on a step of its own workflow (Redocly's lint checks the structure, not these).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';

const here = fileURLToPath(new URL('..', import.meta.url));
const load = async (name: string) => parse(await readFile(`${here}/${name}`, 'utf8'));

/** A success or failure action, or a reference to a reusable one. */
interface Action {
  reference?: string;
  type?: string;
  stepId?: string;
  retryAfter?: number;
  retryLimit?: number;
}
interface Step {
  stepId: string;
  operationId: string;
  parameters?: Array<{ name?: string; in?: string; value?: unknown; reference?: string }>;
  onSuccess?: Action[];
  onFailure?: Action[];
}
interface Workflow {
  workflowId: string;
  steps: Step[];
}

describe('teardown.arazzo.yaml', () => {
  it('lints with zero errors and zero warnings', () => {
    const report = inject('lint')['teardown.arazzo.yaml'];
    expect(report?.problems).toEqual([]);
    expect(report?.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('has one workflow per flow: Zenlayer instance, disk and SDN port, and Neutron port', async () => {
    const { workflows } = await load('teardown.arazzo.yaml');
    expect(workflows.map((w: Workflow) => w.workflowId)).toEqual([
      'zenlayer-instance-teardown',
      'zenlayer-disk-teardown',
      'zenlayer-port-teardown',
      'neutron-port-teardown',
    ]);
  });

  it('names only operations its source descriptions have, each with the X-ZC-Action it admits', async () => {
    const doc = await load('teardown.arazzo.yaml');
    const operations = new Map<string, Record<string, unknown>>();
    for (const source of doc.sourceDescriptions) {
      const spec = await load(source.url);
      for (const item of Object.values<Record<string, Record<string, unknown>>>(spec.paths))
        for (const operation of Object.values(item))
          operations.set(`${source.name}.${operation.operationId}`, operation);
    }
    for (const workflow of doc.workflows as Workflow[])
      for (const step of workflow.steps) {
        const name = step.operationId.replace(/^\$sourceDescriptions\./, '');
        expect(operations.has(name), `${workflow.workflowId}/${step.stepId}: ${step.operationId}`).toBe(true);
        if (!name.startsWith('zenlayer.')) continue;
        const action = step.parameters?.find((p) => p.name === 'X-ZC-Action');
        expect(action, `${workflow.workflowId}/${step.stepId}`).toMatchObject({ in: 'header', value: name.slice(9) });
      }
  });

  it('sends every goto to a step of its own workflow, and bounds every retry', async () => {
    const doc = await load('teardown.arazzo.yaml');
    const resolve = (a: Action): Action => {
      if (!a.reference) return a;
      const [, kind, name] = a.reference.split('.');
      const found = doc.components?.[kind!]?.[name!];
      expect(found, a.reference).toBeDefined();
      return found;
    };
    for (const workflow of doc.workflows as Workflow[]) {
      const ids = new Set(workflow.steps.map((step) => step.stepId));
      for (const step of workflow.steps)
        for (const action of [...(step.onSuccess ?? []), ...(step.onFailure ?? [])].map(resolve)) {
          if (action.type === 'goto') expect(ids, `${workflow.workflowId}/${step.stepId}`).toContain(action.stepId);
          // 2 s apart, 570 retries: the Terraform provider's 19 minutes a phase.
          if (action.type === 'retry') expect(action).toMatchObject({ retryAfter: 2, retryLimit: 570 });
        }
    }
  });

  it('counts a terminate answered "already there" as done, with the codes teardown() accepts', async () => {
    const { workflows } = await load('teardown.arazzo.yaml');
    const already: Record<string, string> = {
      'zenlayer-instance-teardown': 'OPERATION_DENIED_INSTANCE_RECYCLED',
      'zenlayer-disk-teardown': 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE',
      'zenlayer-port-teardown': 'OPERATION_DENIED_INSTANCE_RECYCLED',
    };
    for (const [workflowId, code] of Object.entries(already)) {
      const workflow = workflows.find((w: Workflow) => w.workflowId === workflowId);
      const terminate = workflow.steps.find((step: Step) => step.stepId === 'terminate');
      expect(terminate.successCriteria).toEqual([
        { context: '$response.body', condition: `$[?(@.response || @.code == '${code}')]`, type: 'jsonpath' },
      ]);
    }
  });
});
