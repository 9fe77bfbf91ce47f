import { useEffect, useState } from 'react';
import { Space, Switch, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import { setArticlePublic, type Article } from './knowledge-api';
import { knowledgePublicMessages } from './knowledge-public.messages';

/**
 * 公开: the article on the portal's knowledge base, and how often citizens read it there. It writes at
 * once (not with the drawer's save: no new version) and refreshes only the list, so the drawer's form
 * keeps what is being typed.
 */
export function ArticlePublicSwitch({ article, readOnly }: { article: Article; readOnly?: boolean }) {
  const t = useT(knowledgePublicMessages);
  const write = useWrite();
  const [shown, setShown] = useState({ public: article.public, views: article.publicViews });
  const [busy, setBusy] = useState(false);
  useEffect(() => setShown({ public: article.public, views: article.publicViews }), [article.public, article.publicViews]);

  const toggle = async (flag: boolean) => {
    setBusy(true);
    const done = await write(() => setArticlePublic(article.id, flag), {
      success: flag ? t('madePublic') : t('madePrivate'),
      invalidate: [keys.knowledge],
    });
    setBusy(false);
    if (done.ok) setShown({ public: done.result.public, views: done.result.publicViews });
  };

  return (
    <Space direction="vertical" size={2} style={{ marginBottom: 16 }} data-testid="knowledge-public">
      <Space wrap>
        <Typography.Text strong>{t('label')}</Typography.Text>
        <Switch
          checked={shown.public}
          loading={busy}
          disabled={readOnly}
          checkedChildren={t('on')}
          unCheckedChildren={t('off')}
          onChange={(flag) => void toggle(flag)}
          data-testid="knowledge-public-switch"
        />
        <Typography.Text type="secondary" data-testid="knowledge-public-views">
          {t('views', { n: shown.views })}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">{shown.public && !article.answerable ? t('notAnswerable') : t('hint')}</Typography.Text>
    </Space>
  );
}
