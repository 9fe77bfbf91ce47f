import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, keys, signOut } from '../api/queries';
import type { Me } from '../api/types';

/**
 * The session lives in an HttpOnly cookie the page cannot read; a plain flag in localStorage only
 * remembers that we signed in, so a signed-out visitor is sent to /login without a failing request.
 */
const FLAG = 'lianxin.signedIn';
export const rememberSignedIn = () => localStorage.setItem(FLAG, '1');
export const forgetSignedIn = () => localStorage.removeItem(FLAG);
export const probablySignedIn = () => localStorage.getItem(FLAG) === '1';

const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in screen');
  return me;
}

export const hasRole = (me: Me, ...roles: Me['roles']) => me.roles.some((r) => roles.includes(r));

/** Every role a unit role: the server holds this person to their unit's subtree (src/users/roles.ts). */
export const isUnitScoped = (me: Me) => me.roles.every((r) => r === 'unit_handler' || r === 'unit_admin');

export function useMe(enabled: boolean) {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, enabled, retry: false, staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function useLogout() {
  const client = useQueryClient();
  return async () => {
    await signOut();
    forgetSignedIn();
    client.clear();
  };
}
