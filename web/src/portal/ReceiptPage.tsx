import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n';
import type { PortalReceipt } from './portal-api';
import { portalMessages } from './portal.messages';
import { Button, Card, Notice } from './ui';

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

function CopyButton(props: { text: string }) {
  const t = useT(portalMessages);
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(props.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return <Button onClick={() => void copy()}>{copied ? t('copied') : t('copy')}</Button>;
}

/** The confirmation: order number and query code, big and copyable. */
export function ReceiptPage() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const receipt = recalledReceipt();
  if (!receipt) {
    return (
      <section className="p-result">
        <h2>{t('lookupTitle')}</h2>
        <Button onClick={() => navigate('/portal')}>{t('back')}</Button>
      </section>
    );
  }
  return (
    <section>
      <div className="p-result">
        <div className="p-mark" aria-hidden>
          ✓
        </div>
        <h2>{t('receiptTitle')}</h2>
        <p className="p-muted">{t('receiptLead')}</p>
      </div>
      <Card>
        <span className="p-muted">{t('orderNo')}</span>
        <div className="portal-number">
          <span data-testid="portal-order-no">{receipt.orderNo}</span>
          <CopyButton text={receipt.orderNo} />
        </div>
        <span className="p-muted">{t('queryCode')}</span>
        <div className="portal-number">
          <span data-testid="portal-query-code">{receipt.queryCode}</span>
          <CopyButton text={receipt.queryCode} />
        </div>
      </Card>
      <Notice kind="warning">{t('receiptKeep')}</Notice>
      <Button
        primary
        big
        data-testid="portal-view-progress"
        onClick={() => navigate('/portal/lookup', { state: { orderNo: receipt.orderNo, code: receipt.queryCode } })}
      >
        {t('viewProgress')}
      </Button>
      <Button big onClick={() => navigate('/portal')}>
        {t('back')}
      </Button>
    </section>
  );
}
