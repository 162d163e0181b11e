// With tokens mapped to projects, a token that maps to none is Keystone's 401, whatever it is
// named: a token spelled like an Object member (constructor, toString) is no project either.
import { describe, expect, it } from 'vitest';
import { neutron, statefulInProcess } from './support.js';

const PORT = '00000000-0000-4000-8000-000000000001';
const NEW_PORT = '00000000-0000-4000-8000-000000000002';
const seed = { resources: [{ id: PORT, name: 'web-port', project_id: 'proj-a' }] };
const projects = { 'token-a': 'proj-a' };

describe('Neutron tokens that map to no project', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'token %s: 401 on a delete of a held port and of a new id; nothing is deleted',
    async (token) => {
      const mock = await statefulInProcess({ api: 'neutron', seed, projects });
      for (const id of [PORT, NEW_PORT]) {
        const answer = await neutron(mock, 'DELETE', `/v2.0/ports/${id}`, { 'x-auth-token': token });
        expect(answer).toMatchObject({ status: 401, body: { error: { code: 401, title: 'Unauthorized' } } });
      }
      expect(mock.resources()).toMatchObject([{ id: PORT, project_id: 'proj-a' }]);
      expect((await neutron(mock, 'DELETE', `/v2.0/ports/${PORT}`)).status).toBe(204);
    },
  );
});
