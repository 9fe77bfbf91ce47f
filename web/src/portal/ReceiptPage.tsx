import { Alert, Button, Card, Result, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n';
import type { PortalReceipt } from './portal-api';
import { portalMessages } from './portal.messages';

const RECEIPT_KEY = 'lianxin.portal.receipt';

/** Kept for this browser tab only, so a reload still shows the numbers but the next visitor does not. */
export function rememberReceipt(receipt: PortalReceipt) {
  sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
}

function recalledReceipt(): PortalReceipt | null {
  try {
    return JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? 'null') as PortalReceipt | null;
  } catch {
    return null;
  }
}

/** The confirmation: order number and query code, big and copyable. */
export function ReceiptPage() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const receipt = recalledReceipt();
  if (!receipt) {
    return (
      <Result status="info" title={t('lookupTitle')} extra={<Button onClick={() => navigate('/portal')}>{t('back')}</Button>} />
    );
  }
  return (
    <section>
      <Result status="success" title={t('receiptTitle')} subTitle={t('receiptLead')} style={{ padding: '16px 0' }} />
      <Card>
        <Typography.Text type="secondary">{t('orderNo')}</Typography.Text>
        <div className="portal-number" data-testid="portal-order-no">
          <Typography.Text copyable={{ text: receipt.orderNo, tooltips: [t('copy'), t('copied')] }}>
            {receipt.orderNo}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary">{t('queryCode')}</Typography.Text>
        <div className="portal-number" data-testid="portal-query-code">
          <Typography.Text copyable={{ text: receipt.queryCode, tooltips: [t('copy'), t('copied')] }}>
            {receipt.queryCode}
          </Typography.Text>
        </div>
      </Card>
      <Alert type="warning" showIcon style={{ margin: '16px 0' }} title={t('receiptKeep')} />
      <Button
        type="primary"
        className="portal-big-button"
        data-testid="portal-view-progress"
        onClick={() => navigate('/portal/lookup', { state: { orderNo: receipt.orderNo, code: receipt.queryCode } })}
      >
        {t('viewProgress')}
      </Button>
      <Button className="portal-big-button" onClick={() => navigate('/portal')}>
        {t('back')}
      </Button>
    </section>
  );
}
