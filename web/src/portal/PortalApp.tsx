import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Switch } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router-dom';
import { LangProvider, useLang, useT } from '../shared/i18n';
import { HomePage } from './HomePage';
import { LookupPage } from './LookupPage';
import { portalMessages } from './portal.messages';
import { largeTheme, normalTheme, PORTAL_CSS } from './portal.theme';
import { ReceiptPage } from './ReceiptPage';
import { SubmitPage } from './SubmitPage';
import { useLargeMode } from './usePortalPrefs';

/** The public citizen portal: no sign-in; Chinese by default, English switch, large-text mode. */
export function PortalApp() {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false, staleTime: 60_000 } } }),
  );
  return (
    <LangProvider>
      <QueryClientProvider client={client}>
        <PortalShell />
      </QueryClientProvider>
    </LangProvider>
  );
}

function PortalShell() {
  const { lang, setLang } = useLang();
  const t = useT(portalMessages);
  const [large, setLarge] = useLargeMode();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  // Screen readers pick their voice from <html lang>.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={large ? largeTheme : normalTheme}>
      <AntApp>
        <style>{PORTAL_CSS}</style>
        <header className="portal-header">
          <Link to="/portal">{t('brand')}</Link>
          <div className="portal-tools">
            <label style={{ display: 'flex', alignItems: 'center', gap: 6, color: '#fff' }}>
              <Switch checked={large} onChange={setLarge} data-testid="portal-large-toggle" aria-label={t('largeMode')} />
              <span>{t('largeMode')}</span>
            </label>
            <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="portal-lang">
              {t('langSwitch')}
            </Button>
          </div>
        </header>
        <main className="portal-page">
          <Routes>
            <Route index element={<HomePage />} />
            <Route path="submit" element={<SubmitPage />} />
            <Route path="done" element={<ReceiptPage />} />
            <Route path="lookup" element={<LookupPage />} />
            <Route path="*" element={<HomePage />} />
          </Routes>
        </main>
      </AntApp>
    </ConfigProvider>
  );
}
