import { Space } from 'antd';
import { AuditChainCard } from './AuditChainCard';
import { AuditLogCard } from './AuditLogCard';
import { PiiAccessCard } from './PiiAccessCard';

/**
 * The audit administrator's screen (issue 15, ADR 0161): whether the audit chains verify (and the
 * first broken row when not), and the centre's audit trail searched by person, action and time, exported as CSV.
 */
export function AuditPage() {
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <AuditChainCard />
      <AuditLogCard />
      <PiiAccessCard />
    </Space>
  );
}
