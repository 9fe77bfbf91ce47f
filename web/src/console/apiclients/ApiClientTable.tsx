import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { CHANNEL_LABELS, type ApiClientView, type ApiScope, type Channel } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { apiClientKeys, issueApiKey, revokeApiClient, revokeApiKey, useApiClients } from './apiclients-api';
import { apiClientMessages } from './apiclients.messages';

/** The outside systems with their keys: issue a key (handed to `onIssued` to be shown once), revoke a key or a system; open its webhooks. */
export function ApiClientTable({
  onIssued,
  onWebhooks,
}: {
  onIssued: (key: string) => void;
  /** Opens the client's 回调 (webhooks, ADR 0182). */
  onWebhooks: (client: ApiClientView) => void;
}) {
  const t = useT(apiClientMessages);
  const { lang } = useLang();
  const write = useWrite();
  const clients = useApiClients();
  const invalidate = [apiClientKeys.all];
  const issue = async (c: ApiClientView) => {
    const done = await write(() => issueApiKey(c.id), { invalidate });
    if (done.ok) onIssued(done.result.key);
  };
  const revokeKey = (c: ApiClientView, keyId: string) =>
    write(() => revokeApiKey(c.id, keyId), { success: t('keyRevoked'), invalidate });
  const revokeClient = (c: ApiClientView) => write(() => revokeApiClient(c.id), { success: t('clientRevoked'), invalidate });
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : t('never'));

  return (
    <Table<ApiClientView>
      rowKey="id"
      size="small"
      loading={clients.isLoading}
      pagination={false}
      dataSource={clients.data?.clients ?? []}
      onRow={(r) => ({ 'data-testid': `api-client-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        // Fixed widths for all but the keys, which take the rest: at 1280 the keys column was squeezed to a
        // few characters a line (lx / _b9 / 5ef…, 最 / 近 / 使 / 用).
        { title: t('name'), dataIndex: 'name', width: 150 },
        { title: t('channel'), dataIndex: 'channel', width: 84, render: (c: Channel) => CHANNEL_LABELS[c][lang] },
        {
          title: t('scopes'),
          dataIndex: 'scopes',
          width: 140,
          render: (s: ApiScope[]) => s.map((x) => <Tag key={x}>{t(`scope.${x}`)}</Tag>),
        },
        { title: t('rate'), dataIndex: 'ratePerMinute', width: 84 },
        { title: t('orders'), dataIndex: 'orderCount', width: 64 },
        {
          title: t('keys'),
          key: 'keys',
          render: (_, c) => (
            <Space direction="vertical" size={4}>
              {c.keys.map((k) => (
                <Space key={k.id} size={[6, 2]} wrap data-testid={`api-key-${k.prefix}`}>
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                    lx_{k.prefix}_…
                  </Typography.Text>
                  {k.revokedAt ? (
                    <Tag>{t('revoked')}</Tag>
                  ) : (
                    <>
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        {t('lastUsed')}: {when(k.lastUsedAt)}
                      </Typography.Text>
                      {!c.revokedAt && (
                        // A key in use stops at once: asked first, as for the whole client.
                        <Popconfirm title={t('revokeKeyConfirm')} onConfirm={() => void revokeKey(c, k.id)}>
                          <Button size="small" danger data-testid={`revoke-key-${k.prefix}`}>
                            {t('revokeKey')}
                          </Button>
                        </Popconfirm>
                      )}
                    </>
                  )}
                </Space>
              ))}
            </Space>
          ),
        },
        {
          title: t('state'),
          key: 'state',
          width: 210,
          render: (_, c) =>
            c.revokedAt ? (
              <Space wrap size={4}>
                <Tag>{t('revoked')}</Tag>
                <Button size="small" onClick={() => onWebhooks(c)} data-testid={`webhooks-${c.name}`}>
                  {t('webhooks')}
                </Button>
              </Space>
            ) : (
              <Space wrap size={4}>
                <Tag color="green">{t('active')}</Tag>
                <Button size="small" onClick={() => onWebhooks(c)} data-testid={`webhooks-${c.name}`}>
                  {t('webhooks')}
                </Button>
                <Button size="small" onClick={() => void issue(c)} data-testid={`issue-key-${c.name}`}>
                  {t('issueKey')}
                </Button>
                <Popconfirm title={t('revokeClientConfirm')} onConfirm={() => void revokeClient(c)}>
                  <Button size="small" danger>
                    {t('revokeClient')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
