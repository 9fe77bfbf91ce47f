import { lazy, Suspense, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError } from '../shared/api';
import { LangProvider, useLang, useT } from '../shared/i18n';
import { shellMessages } from './shell/shell.messages';
import { LoginPage } from './shell/LoginPage';
import { homeFor, mayVisit } from './shell/nav';
import { forgetSignedIn, probablySignedIn, SessionProvider, useMe } from './shell/session';

// The signed-in screens load after sign-in, so the sign-in page carries only the shell (issue 13 page weight).
const ConsoleRoutes = lazy(() => import('./ConsoleRoutes').then((m) => ({ default: m.ConsoleRoutes })));

function createClient() {
  return new QueryClient({
    // A lost session anywhere sends the user back to sign in.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          forgetSignedIn();
          if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
        }
      },
    }),
    defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 10_000 } },
  });
}

/** The staff console: providers (language, antd locale, data cache) and the signed-in gate. */
export function ConsoleApp() {
  const [client] = useState(createClient);
  return (
    <LangProvider>
      <QueryClientProvider client={client}>
        <LocalisedAnt>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/*" element={<SignedIn />} />
          </Routes>
        </LocalisedAnt>
      </QueryClientProvider>
    </LangProvider>
  );
}

/**
 * Every fact list's labels stay on one line (诉求内容, not 诉求内/容): the order page had it, the review and
 * return-visit panels beside a queue wrapped them two characters a line at 1280.
 */
const DESCRIPTIONS = { styles: { label: { whiteSpace: 'nowrap' } } } as const;

/**
 * A user whose system asks for reduced motion (vestibular trouble, an old phone) gets dialogs and
 * pickers that appear at once instead of zooming and sliding in. Read once: the setting rarely changes
 * while a page is open, and a reload picks it up.
 */
const THEME = {
  token: { motion: !(typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) },
};

function LocalisedAnt({ children }: { children: React.ReactNode }) {
  const { lang } = useLang();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} descriptions={DESCRIPTIONS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function SignedIn() {
  const signedIn = probablySignedIn();
  const me = useMe(signedIn);
  const location = useLocation();
  const t = useT(shellMessages);
  if (!signedIn || me.isError) return <Navigate to="/login" replace />;
  if (!me.data) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  const roles = me.data.roles;
  if (location.pathname === '/') return <Navigate to={homeFor(roles)} replace />;
  const allowed = location.pathname.startsWith('/orders/') || mayVisit(roles, location.pathname);
  return (
    <SessionProvider me={me.data}>
      {allowed ? (
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
          <ConsoleRoutes />
        </Suspense>
      ) : (
        // A way back to the user's own desk: a link or a typed address that the role may not open
        // otherwise left the page with nothing to click.
        <Result
          status="403"
          title={t('common.noAccess')}
          extra={
            <Button type="primary" href={homeFor(roles)} data-testid="no-access-home">
              {t('common.backHome')}
            </Button>
          }
        />
      )}
    </SessionProvider>
  );
}
