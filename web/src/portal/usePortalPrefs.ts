import { useCallback, useEffect, useState } from 'react';

const LARGE_KEY = 'lianxin.portal.large';

/** 适老化: the large-text, high-contrast mode, remembered on this device. */
export function useLargeMode(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');
  const set = useCallback((on: boolean) => {
    localStorage.setItem(LARGE_KEY, on ? '1' : '0');
    setLarge(on);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('portal-large', large);
    return () => document.documentElement.classList.remove('portal-large');
  }, [large]);
  return [large, set];
}
