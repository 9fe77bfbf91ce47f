import { lazy, Suspense, useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router-dom';
import { LangProvider, useLang, useT } from '../shared/i18n';
import { HomePage } from './HomePage';
import { LookupPage } from './LookupPage';
import { MyAppealsPage } from './MyAppealsPage';
import { portalMessages } from './portal.messages';
import { PORTAL_CSS } from './portal.theme';
import { ReceiptPage } from './ReceiptPage';
import { SubmitPage } from './SubmitPage';
import { KnowledgeArticlePage, KnowledgeSearchPage } from './KnowledgePages';
import { VisitLinkPage } from './VisitLinkPage';
import { Button } from './ui';
import { useLargeMode } from './usePortalPrefs';

// The residents' pages (issue 19) load on first visit: the appeal pages stay as light as before.
const WishWallPage = lazy(() => import('./resident/WishWallPage').then((m) => ({ default: m.WishWallPage })));
const PublicMattersPage = lazy(() => import('./matters/PublicMattersPage').then((m) => ({ default: m.PublicMattersPage })));
const MyWishesPage = lazy(() => import('./resident/MyWishesPage').then((m) => ({ default: m.MyWishesPage })));
const MyPointsPage = lazy(() => import('./resident/MyPointsPage').then((m) => ({ default: m.MyPointsPage })));

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
  // Screen readers pick their voice from <html lang>; the tab says it is the portal, in the reader's language.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('pageTitle');
  }, [lang, t]);
  return (
    <>
      <style>{PORTAL_CSS}</style>
      <header className="portal-header">
        <Link to="/portal">{t('brand')}</Link>
        <div className="portal-tools">
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={large}
              onChange={(e) => setLarge(e.target.checked)}
              data-testid="portal-large-toggle"
              aria-label={t('largeMode')}
            />
            <span>{t('largeMode')}</span>
          </label>
          <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="portal-lang">
            {t('langSwitch')}
          </Button>
        </div>
      </header>
      <main className="portal-page">
        <Suspense fallback={<p className="p-muted">…</p>}>
          <Routes>
            <Route index element={<HomePage />} />
            <Route path="submit" element={<SubmitPage />} />
            <Route path="done" element={<ReceiptPage />} />
            <Route path="lookup" element={<LookupPage />} />
            <Route path="my" element={<MyAppealsPage />} />
            <Route path="kb" element={<KnowledgeSearchPage />} />
            <Route path="kb/:id" element={<KnowledgeArticlePage />} />
            <Route path="v/:token" element={<VisitLinkPage />} />
            <Route path="wishes" element={<WishWallPage />} />
            <Route path="wishes/mine" element={<MyWishesPage />} />
            <Route path="points" element={<MyPointsPage />} />
            <Route path="matters" element={<PublicMattersPage />} />
            <Route path="*" element={<HomePage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
