import { useCallback, useState } from 'react';

const KEY = 'lianxin.resident';

/** The resident's portal session (a day long on the server): kept for this tab only, gone with it. */
export function useResidentSession() {
  const [token, setTokenState] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const setToken = useCallback((t: string | null) => {
    if (t) sessionStorage.setItem(KEY, t);
    else sessionStorage.removeItem(KEY);
    setTokenState(t);
  }, []);
  return { token, setToken };
}
