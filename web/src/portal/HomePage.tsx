import { useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n';
import { usePortalInfo } from './portal-api';
import { portalMessages } from './portal.messages';
import { Button } from './ui';
import { knowledgeMessages } from './knowledge.messages';
import { residentMessages } from './resident/resident.messages';
import { portalMatterMessages } from './matters/matters.messages';

/** Three big doors: report a problem, check one, or see all of mine. */
export function HomePage() {
  const t = useT(portalMessages);
  const k = useT(knowledgeMessages);
  const r = useT(residentMessages);
  const m = useT(portalMatterMessages);
  const navigate = useNavigate();
  const info = usePortalInfo();
  return (
    <section>
      <h2>{t('brand')}</h2>
      {info.data && <p className="p-muted">{t('subtitle', { centre: info.data.centreName })}</p>}
      <p data-testid="portal-lead">{t('homeLead')}</p>
      <Button primary big data-testid="portal-go-submit" onClick={() => navigate('/portal/submit')}>
        {t('goSubmit')}
      </Button>
      <Button big data-testid="portal-go-lookup" onClick={() => navigate('/portal/lookup')}>
        {t('goLookup')}
      </Button>
      {info.data?.myAppeals && (
        <Button big data-testid="portal-go-mine" onClick={() => navigate('/portal/my')}>
          {t('goMine')}
        </Button>
      )}
      <Button big data-testid="portal-go-kb" onClick={() => navigate('/portal/kb')}>
        {k('goKnowledge')}
      </Button>
      <Button big data-testid="portal-go-wishes" onClick={() => navigate('/portal/wishes')}>
        {r('goWall')}
      </Button>
      <Button big data-testid="portal-go-points" onClick={() => navigate('/portal/points')}>
        {r('goPoints')}
      </Button>
      <Button big data-testid="portal-go-matters" onClick={() => navigate('/portal/matters')}>
        {m('go')}
      </Button>
      <p>{t('hotline')}</p>
    </section>
  );
}
