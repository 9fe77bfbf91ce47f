import { Type } from '@sinclair/typebox';

/**
 * Where a page of a list starts. Bounded: an offset past any real list is a bad request (400), not a
 * number the database cannot hold (a 500). Deep pages are what filters are for.
 */
export const OffsetSchema = Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 });
