import { Type } from '@sinclair/typebox';
import type { MfaPolicyView } from '../contract/auth.js';
import type { MeView, UserListItemView, UserView } from '../contract/org.js';
import { ROLES } from '../contract/vocabulary.js';
import { MapTilesSchema } from '../shared/map-tiles.schema.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the sign-in and user-admin routes, as src/contract/org.ts declares them.

const Roles = Type.Array(StringEnum(ROLES));

/** Who an account is: the signed-in user and an account the admin edits alike. */
const Account = { id: Type.String(), username: Type.String(), displayName: Type.String(), roles: Roles, unitId: Type.String() };

/** The sign-in answer: the token only for an API client that asked (`bearer: true`); a browser has the HttpOnly cookie (ADR 0158). */
export const SessionViewSchema = wireSchema<{ token?: string; expiresAt: Date }>()(
  Type.Object({ token: Type.Optional(Type.String()), expiresAt: InstantSchema }),
);

export const OkSchema = wireSchema<{ ok: true }>()(Type.Object({ ok: Type.Literal(true) }));

export const MeViewSchema = wireSchema<MeView>()(
  Type.Object({
    ...Account,
    unitName: Type.String(),
    centreId: Type.String(),
    deskUnitId: Nullable(Type.String()),
    map: MapTilesSchema,
  }),
);

export const UserViewSchema = wireSchema<UserView>()(Type.Object({ ...Account, active: Type.Boolean() }));

export const UserListSchema = wireSchema<{ items: UserListItemView[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        username: Type.String(),
        display_name: Type.String(),
        roles: Roles,
        active: Type.Boolean(),
        locked: Type.Boolean(),
        unit_id: Type.String(),
        unit_name: Type.String(),
      }),
    ),
  }),
);

export const MfaPolicySchema = wireSchema<MfaPolicyView>()(Type.Object({ roles: Roles, undecided: Type.Boolean() }));
