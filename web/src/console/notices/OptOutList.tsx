import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Table, Typography } from 'antd';
import { CITIZEN_CHANNEL_LABELS, OPT_OUT_RECORDERS } from '../../../../src/contract/citizen-notices';
import { useLang, useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { hasRole, useSession } from '../shell/session';
import { noticeKeys, setCitizenOptOut, useCitizenOptOuts } from './notices-api';
import { noticeMessages } from './notices.messages';

/**
 * 已退订的号码 (issue 16): who asked for no more notices, on the portal or through staff. Whole numbers
 * for a role with phone rights, masked otherwise (as the server decides); a search names one whole
 * number and is logged as a personal-data look-up; a supervisor removes an opt-out at the citizen's
 * request (audited).
 */
export function OptOutList() {
  const t = useT(noticeMessages);
  const { lang } = useLang();
  const write = useWrite();
  const canRecord = hasRole(useSession(), ...OPT_OUT_RECORDERS);
  const [q, setQ] = useState('');
  const list = useCitizenOptOuts(q);
  const unmasked = list.data?.unmasked ?? false;
  const remove = (address: string) =>
    void write(() => setCitizenOptOut({ address, optedOut: false }), {
      success: t('optList.removed'),
      invalidate: [noticeKeys.all],
    });
  return (
    <Card size="small" title={t('optList.title')} data-testid="opt-out-list">
      <Typography.Paragraph type="secondary">{t('optList.hint')}</Typography.Paragraph>
      {list.data && !unmasked && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('optList.maskedNote')} data-testid="opt-out-masked" />
      )}
      {unmasked && (
        <Input.Search
          allowClear
          style={{ maxWidth: 360, marginBottom: 12 }}
          placeholder={t('optList.search')}
          enterButton
          data-testid="opt-out-search"
          onSearch={(v) => setQ(v.trim())}
        />
      )}
      <Table
        size="small"
        rowKey="address"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('optList.empty') }}
        data-testid="opt-out-table"
        columns={[
          {
            title: t('optList.address'),
            dataIndex: 'address',
            render: (a: string) => <span data-testid="opt-out-address-cell">{a}</span>,
          },
          { title: t('optList.channel'), width: 80, render: (_, r) => CITIZEN_CHANNEL_LABELS[r.channel][lang] },
          { title: t('optList.since'), dataIndex: 'at', width: 150, render: formatTime },
          { title: t('optList.source'), width: 200, render: (_, r) => t(`optList.source.${r.source}`) },
          ...(canRecord && unmasked
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, r: { address: string }) => (
                    <Popconfirm title={t('optList.removeConfirm')} onConfirm={() => remove(r.address)}>
                      <Button size="small" data-testid="opt-out-remove">
                        {t('optList.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
