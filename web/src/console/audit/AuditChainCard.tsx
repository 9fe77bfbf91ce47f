import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { auditKeys, useAuditVerification, verifyAuditChains } from './audit-api';
import { auditMessages } from './audit.messages';

/** Whether the audit chains verify (and the first broken row when not); 立即校验 verifies them again. */
export function AuditChainCard() {
  const t = useT(auditMessages);
  const { lang } = useLang();
  const write = useWrite();
  const v = useAuditVerification().data;
  const verify = () => void write(verifyAuditChains, { success: t('chain.verified'), invalidate: [auditKeys.all] });
  return (
    <Card
      size="small"
      title={t('chain.title')}
      data-testid="audit-chain-status"
      extra={
        <Button size="small" onClick={verify} data-testid="audit-verify">
          {t('chain.verify')}
        </Button>
      }
    >
      {!v || v.at === null ? (
        <Typography.Text type="secondary">{t('chain.never')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space>
            <Tag color={v.ok ? 'green' : 'red'} data-testid="audit-chain-verdict">
              {v.ok ? t('chain.ok') : t('chain.broken')}
            </Tag>
            <Typography.Text type="secondary">{t('chain.at', { at: formatTime(v.at), rows: v.rowsChecked })}</Typography.Text>
          </Space>
          {v.chains.map((c) => (
            <Alert
              key={`${c.stream}-${c.centre}`}
              type={c.ok ? 'success' : 'error'}
              showIcon
              style={{ padding: '2px 8px' }}
              data-testid={`audit-chain-${c.stream}`}
              message={`${t(c.stream === 'timeline' ? 'stream.timeline' : 'stream.access')} · ${c.centre}：${lang === 'zh' ? c.zh : c.en}`}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}
