import { Button, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n';
import { usePortalInfo } from './portal-api';
import { portalMessages } from './portal.messages';

/** Two big doors: report a problem, or check one. */
export function HomePage() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const info = usePortalInfo();
  return (
    <section>
      <Typography.Title level={2}>{t('brand')}</Typography.Title>
      {info.data && (
        <Typography.Paragraph type="secondary">{t('subtitle', { centre: info.data.centreName })}</Typography.Paragraph>
      )}
      <Typography.Paragraph data-testid="portal-lead">{t('homeLead')}</Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        className="portal-big-button"
        data-testid="portal-go-submit"
        onClick={() => navigate('/portal/submit')}
      >
        {t('goSubmit')}
      </Button>
      <Button
        size="large"
        className="portal-big-button"
        data-testid="portal-go-lookup"
        onClick={() => navigate('/portal/lookup')}
      >
        {t('goLookup')}
      </Button>
      <Typography.Paragraph>{t('hotline')}</Typography.Paragraph>
    </section>
  );
}
