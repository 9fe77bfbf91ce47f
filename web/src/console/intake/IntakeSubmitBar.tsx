import { Button, Popconfirm, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { Order } from '../api/types';
import { intakeMessages } from './intake.messages';
import type { Outcome } from './submit-intake';

/** What the last submit produced: the outcome it reached, or only 受理 when the second step failed. */
export interface IntakeResult {
  order: Pick<Order, 'id' | 'orderNo'>;
  reached: Outcome | 'accepted';
}

interface Props {
  outcome: Outcome;
  busy: boolean;
  last: IntakeResult | null;
  /** 清空 asks first when an appeal has been typed: one click must not throw away a long account. */
  typedSomething: () => boolean;
  onClear: () => void;
}

// Sticky at the bottom of the screen: the submit button stays in sight however long the form grows.
const BAR_STYLE = {
  position: 'sticky',
  bottom: 0,
  zIndex: 2,
  padding: '12px 0',
  background: 'var(--ant-color-bg-container, #fff)',
  borderTop: '1px solid var(--ant-color-border-secondary, #f0f0f0)',
} as const;

/** The submit button names what it will do (派单, 直接办结, …); the last result names what it did. */
export function IntakeSubmitBar({ outcome, busy, last, typedSomething, onClear }: Props) {
  const t = useT(intakeMessages);
  return (
    <div style={BAR_STYLE} data-testid="intake-submit-bar">
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
          {t(`submit.${outcome}`)}
        </Button>
        <Popconfirm title={t('resetConfirm')} onConfirm={onClear} disabled={!typedSomething()}>
          <Button onClick={() => !typedSomething() && onClear()} data-testid="intake-reset">
            {t('reset')}
          </Button>
        </Popconfirm>
        {last && (
          <Typography.Text data-testid="intake-last">
            {t(`saved.${last.reached}`, { no: '' })}
            <Link to={`/orders/${last.order.id}`}>{last.order.orderNo}</Link>
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
