import { useState } from 'react';
import { Button, Card, Descriptions, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../shared/i18n';
import type { SignInHistoryItem } from '../../shared/contract';
import { keys } from '../api/keys';
import { useMySecurity } from '../api/queries';
import { RecoveryCodes, TotpEnrolment } from '../shell/SecondStep';
import { accountMessages } from './account.messages';
import { PasswordChangeForm } from './PasswordChangeForm';
import { formatSeconds } from '../common/tags';
import { useSession } from '../shell/session';

type OutcomeKey = keyof typeof accountMessages.zh & `outcome.${string}`;

/** The signed-in user's own security: two-factor sign-in (turn on, recovery codes left) and recent sign-ins. */
export function AccountPage() {
  const t = useT(accountMessages);
  const security = useMySecurity();
  const client = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const data = security.data;
  const me = useSession();
  const outcome = (o: string) => (`outcome.${o}` in accountMessages.zh ? t(`outcome.${o}` as OutcomeKey) : o);
  return (
    <Card title={t('account.title')} data-testid="account-page">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('account.totp')}>
          {data?.totpEnabled ? (
            <Tag color="green" data-testid="account-totp-on">
              {t('account.totpOn', { n: data.recoveryCodesLeft })}
            </Tag>
          ) : (
            <>
              <Tag data-testid="account-totp-off">{t('account.totpOff')}</Tag>
              {!enrolling && (
                <Button size="small" onClick={() => setEnrolling(true)} data-testid="account-enrol">
                  {t('account.enrol')}
                </Button>
              )}
            </>
          )}
        </Descriptions.Item>
      </Descriptions>
      {enrolling && !codes && <TotpEnrolment onEnrolled={setCodes} />}
      {codes && (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            setEnrolling(false);
            void client.invalidateQueries({ queryKey: keys.mySecurity });
          }}
        />
      )}
      <PasswordChangeForm username={me.username} onChanged={() => window.location.assign('/login')} />
      <Table<SignInHistoryItem>
        title={() => t('account.history')}
        size="small"
        rowKey={(r) => `${r.at}-${r.outcome}`}
        loading={security.isLoading}
        dataSource={data?.signIns}
        pagination={false}
        data-testid="account-sign-ins"
        columns={[
          { title: t('account.at'), dataIndex: 'at', render: (at: string) => formatSeconds(at) },
          { title: t('account.outcome'), dataIndex: 'outcome', render: (o: string) => outcome(o) },
          { title: t('account.ip'), dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
