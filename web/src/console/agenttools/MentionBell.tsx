import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { agentKeys, markNoticesRead, useUnreadMentions, type MentionNotice } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';

/** The header's bell: unread @mentions (polled every 30 s); a click opens the order and marks it read. */
export function MentionBell() {
  const t = useT(agentToolsMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const items = useUnreadMentions().data?.items ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: agentKeys.mentions });

  async function openNotice(n: MentionNotice) {
    setOpen(false);
    await markNoticesRead([n.id]);
    await refresh();
    if (n.orderId) navigate(`/orders/${n.orderId}`);
  }

  const list = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="mention-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void openNotice(n)} data-testid="mention-item">
              <List.Item.Meta
                title={<Typography.Text>{lang === 'en' ? n.text.en : n.text.zh}</Typography.Text>}
                description={formatTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
      {items.length > 0 && (
        <Button size="small" type="link" onClick={async () => (await markNoticesRead(), refresh())}>
          {t('bell.readAll')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover content={list} title={t('bell.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={items.length} size="small" data-testid="mention-count">
        <Button size="small" shape="circle" icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="mention-bell" />
      </Badge>
    </Popover>
  );
}
