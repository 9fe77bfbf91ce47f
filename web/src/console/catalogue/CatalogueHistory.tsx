import { Drawer, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../shared/i18n';
import { useRuleHistory, type CatalogueRuleVersionView } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';
import { ruleScope, validity } from './catalogue-words';
import { labels } from '../common/labels.messages';

/** Every version of one rule, newest first: who changed it when, and what it said then. */
export function CatalogueHistory({ rule, onClose }: { rule: { id: string; no: number }; onClose: () => void }) {
  const t = useT(catalogueMessages);
  const l = useT(labels);
  const history = useRuleHistory(rule.id);
  return (
    <Drawer open width={760} title={t('admin.historyTitle', { no: rule.no })} onClose={onClose} data-testid="rule-history">
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        columns={[
          { title: t('col.version'), dataIndex: 'version', width: 60 },
          {
            title: '',
            width: 150,
            render: (_, v: CatalogueRuleVersionView) => (
              <>
                <Tag>{t(`change.${v.change}`)}</Tag>
                <div>{dayjs(v.changedAt).format('YYYY-MM-DD HH:mm')}</div>
                <div>{v.changedByName}</div>
              </>
            ),
          },
          { title: t('col.scope'), render: (_, v: CatalogueRuleVersionView) => ruleScope(v.rule, t, l) },
          { title: t('col.lead'), render: (_, v: CatalogueRuleVersionView) => v.rule.leadUnitName },
          { title: t('col.validity'), render: (_, v: CatalogueRuleVersionView) => validity(v.rule, t) },
        ]}
      />
    </Drawer>
  );
}
