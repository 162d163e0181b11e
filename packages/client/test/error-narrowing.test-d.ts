// `instanceof ZenlayerApiError` keeps the documented codes, whatever the narrowed value was.

import {
  type CloudReleaseError,
  ZenlayerApiError,
  type ZenlayerBatchError,
  type ZenlayerEdgeCode,
  type ZenlayerErrorCode,
} from '@cloud-release/client';
import { expectTypeOf, test } from 'vitest';

type Code = ZenlayerErrorCode | ZenlayerEdgeCode | undefined;

test('narrowing a CloudReleaseError keeps the code union', () => {
  const error = {} as CloudReleaseError;
  if (error instanceof ZenlayerApiError) expectTypeOf(error.code).toEqualTypeOf<Code>();
});

test('narrowing an unknown keeps the code union', () => {
  const error = {} as unknown;
  if (error instanceof ZenlayerApiError) expectTypeOf(error.code).toEqualTypeOf<Code>();
});

test('narrowing a batch entry keeps the code union', () => {
  const error = ({} as ZenlayerBatchError).failed[0]!.error;
  if (error instanceof ZenlayerApiError) expectTypeOf(error.code).toEqualTypeOf<Code>();
});
