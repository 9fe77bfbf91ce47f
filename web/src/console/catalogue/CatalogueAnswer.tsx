import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { CatalogueAnswer as Answer } from './catalogue-api';
import { useCatalogueLookup, type LookupInput } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';

export type CatalogueRuleAnswer = NonNullable<Answer['rule']>;

/**
 * The catalogue's answer for an appeal, shown first at intake and in the dispatch dialog (before the
 * learned suggestions): the rule, its lead and assisting units, and a button that fills them in.
 */
export function CatalogueAnswer(props: {
  input: LookupInput;
  onUse?: (rule: CatalogueRuleAnswer) => void;
  /** Whether this reader may take the rule's units (a sub-centre's area, ADR 0192); default yes. */
  canUse?: (rule: CatalogueRuleAnswer) => boolean;
  compact?: boolean;
}) {
  const t = useT(catalogueMessages);
  const ready = Boolean(props.input.categoryId);
  const q = useCatalogueLookup(props.input, ready);
  if (!ready)
    return props.compact ? null : (
      <Alert type="info" showIcon title={t('answer.needFacts')} data-testid="catalogue-answer-wait" />
    );
  if (!q.data) return null;
  const rule = q.data.rule;
  if (!rule) return <Alert type="warning" showIcon title={t('answer.none')} data-testid="catalogue-answer-none" />;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="catalogue-answer"
      title={
        <Space wrap size={4}>
          <Typography.Text strong>{t('answer.title')}</Typography.Text>
          <Tag>{t('answer.rule', { no: rule.no })}</Tag>
          <Tag color={rule.exact ? 'green' : 'default'}>{rule.exact ? t('answer.exact') : t('answer.inherited')}</Tag>
          <Typography.Text strong data-testid="catalogue-answer-unit">
            {rule.leadUnitName}
          </Typography.Text>
        </Space>
      }
      description={
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          {rule.assistUnitNames.length > 0 && <span>{t('answer.assist', { names: rule.assistUnitNames.join('、') })}</span>}
          {rule.deskUnitName && <span>{t('answer.desk', { name: rule.deskUnitName })}</span>}
          {rule.note && <Typography.Text type="secondary">{rule.note}</Typography.Text>}
          {q.data.autoDispatch && rule.exact && <Typography.Text type="warning">{t('answer.auto')}</Typography.Text>}
          {props.onUse && props.canUse?.(rule) === false && (
            <Typography.Text type="warning" data-testid="catalogue-answer-outside">
              {t('answer.outsideArea')}
            </Typography.Text>
          )}
          {props.onUse && props.canUse?.(rule) !== false && (
            <Button size="small" type="primary" onClick={() => props.onUse?.(rule)} data-testid="catalogue-answer-use">
              {t('answer.use')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
