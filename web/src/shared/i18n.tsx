import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

/** Each screen area keeps its own message file: `{ zh: {...}, en: {...} }` with the same keys. */
export type Messages<K extends string = string> = { zh: Record<K, string>; en: Record<K, string> };

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lianxin.lang') === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('lianxin.lang', l);
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** `const t = useT(messages); t('title', { n: 3 })` — Chinese by default, English when switched. */
export function useT<K extends string>(messages: Messages<K>) {
  const { lang } = useLang();
  return useCallback(
    (key: K, vars: Record<string, string | number> = {}) =>
      (messages[lang][key] ?? messages.zh[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')),
    [lang, messages],
  );
}
