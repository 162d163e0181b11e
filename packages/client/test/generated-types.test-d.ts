// Type-level tests: the generated types must refuse what the spec refuses.

import {
  createNeutronFetchClient,
  createZenlayerFetchClient,
  type NeutronErrorType,
  type ZenlayerErrorCode,
  type ZenlayerRequestBody,
} from '@cloud-release/client';
import { describe, expectTypeOf, it } from 'vitest';

const zc = createZenlayerFetchClient();
const ne = createNeutronFetchClient({ baseUrl: 'http://127.0.0.1:9696' });

describe('zenlayer generated types', () => {
  it('admits only the operation’s own action in X-ZC-Action', () => {
    void zc.POST('/api/v2/vm', {
      params: { header: { 'X-ZC-Action': 'ReleaseInstances' } },
      body: { instanceIds: ['i-1'] },
    });
    void zc.POST('/api/v2/vm', {
      // @ts-expect-error ReleaseDisk is not the action of /api/v2/vm
      params: { header: { 'X-ZC-Action': 'ReleaseDisk' } },
      body: { instanceIds: ['i-1'] },
    });
  });

  it('requires every body field and refuses unknown ones', () => {
    void zc.POST('/api/v2/zec', {
      params: { header: { 'X-ZC-Action': 'ReleaseDisk' } },
      // @ts-expect-error diskId is required
      body: {},
    });
    const body: ZenlayerRequestBody<'DestroyPort'> = {
      portId: 'p-1',
      // @ts-expect-error diskId is not a DestroyPort field
      diskId: 'd-1',
    };
    void body;
    expectTypeOf<ZenlayerRequestBody<'ReleaseInstances'>>().toEqualTypeOf<{ instanceIds: string[] }>();
  });

  it('types error codes as the spec’s union, per action', () => {
    expectTypeOf<'INVALID_DISK_NOT_FOUND'>().toExtend<ZenlayerErrorCode<'ReleaseDisk'>>();
    expectTypeOf<'SELF_SERVICE_PORT_NOT_FOUND'>().toExtend<ZenlayerErrorCode<'DestroyPort'>>();
    expectTypeOf<'REQUEST_LIMIT_EXCEEDED'>().toExtend<ZenlayerErrorCode<'ReleaseInstances'>>();
    expectTypeOf<'INVALID_DISK_NOT_FOUND'>().not.toExtend<ZenlayerErrorCode<'ReleaseInstances'>>();
    // @ts-expect-error not a code the spec documents
    const unknown: ZenlayerErrorCode = 'SOMETHING_ELSE';
    void unknown;
  });

  it('types the error body of a response by status', async () => {
    const { error, response } = await zc.POST('/api/v2/vm', {
      params: { header: { 'X-ZC-Action': 'ReleaseInstances' } },
      body: { instanceIds: ['i-1'] },
    });
    if (error && response.status === 403) {
      expectTypeOf(error.code).toExtend<ZenlayerErrorCode<'ReleaseInstances'>>();
      // @ts-expect-error a string outside the union is not a possible code
      const isOther = error.code === 'NOT_A_CODE';
      void isOther;
    }
  });
});

describe('neutron generated types', () => {
  it('requires the port_id path parameter', () => {
    void ne.DELETE('/v2.0/ports/{port_id}', { params: { path: { port_id: 'x' } } });
    // @ts-expect-error port_id is required
    void ne.DELETE('/v2.0/ports/{port_id}', { params: { path: {} } });
  });

  it('types NeutronError.type as the documented exception names', () => {
    expectTypeOf<NeutronErrorType>().toEqualTypeOf<
      | 'HTTPBadRequest'
      | 'BadRequest'
      | 'PolicyNotAuthorized'
      | 'InvalidScope'
      | 'PortNotFound'
      | 'HTTPNotFound'
      | 'ServicePortInUse'
      | 'PortInUseAsTrunkParent'
      | 'RevisionNumberConstraintFailed'
    >();
  });
});
