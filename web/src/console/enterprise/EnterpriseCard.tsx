import { Alert, Card, Descriptions, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { EnterpriseView } from '../../shared/contract';
import { enterpriseMessages } from './enterprise.messages';

/** The order page's company section (涉企诉求); a protected company is not named to the handling unit. */
export function EnterpriseCard({ enterprise }: { enterprise: EnterpriseView }) {
  const t = useT(enterpriseMessages);
  return (
    <Card
      size="small"
      title={
        <>
          {t('ent.section')} <Tag color="geekblue">{t('ent.flag')}</Tag>
          {enterprise.protectName && <Tag color="purple">{t('ent.protectedTag')}</Tag>}
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="enterprise-card"
    >
      {enterprise.hidden ? (
        <Alert type="info" title={t('ent.hidden')} data-testid="enterprise-hidden" />
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'name',
              label: t('ent.company'),
              children: <span data-testid="enterprise-name">{enterprise.companyName}</span>,
            },
            { key: 'code', label: t('ent.code'), children: enterprise.creditCode },
          ]}
        />
      )}
    </Card>
  );
}
