import type { ModelSuggestions } from '../../shared/contract';
import { useIntakeSuggest } from './nlp-api';
import { useEffect, useState } from 'react';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { nlpMessages } from './nlp.messages';
import { LookupUnavailable } from '../knowledge/LookupUnavailable';

/** Waits until typing pauses, so suggestions are asked once per pause, not once per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface IntakeSuggestionsProps {
  title: string;
  content: string;
  regionId?: string;
  onPickCategory?: (categoryId: string) => void;
  onPickUnit?: (unitId: string) => void;
}

/** Category and handling-unit suggestions (top 3 above the threshold) for the text being typed. */
export function IntakeSuggestions(props: IntakeSuggestionsProps) {
  const t = useT(nlpMessages);
  const input = useDebounced({ title: props.title, content: props.content, regionId: props.regionId }, 500);
  const enabled = (input.title + input.content).trim().length >= 6;
  const query = useIntakeSuggest(input, enabled);
  if (enabled && query.isError) return <LookupUnavailable error={query.error} />;
  if (!enabled || !query.data) return null;
  const section = (label: string, s: ModelSuggestions | null, pick?: (id: string) => void, testId?: string) => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      <Typography.Text strong>{label}</Typography.Text>
      {!s ? (
        <Typography.Text type="secondary">{t('noModel')}</Typography.Text>
      ) : s.items.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        s.items.map((item) => (
          <Space key={item.id} style={{ width: '100%', justifyContent: 'space-between' }}>
            <Tag color="blue" style={{ cursor: pick ? 'pointer' : undefined }} onClick={() => pick?.(item.id)}>
              {item.fullName}
            </Tag>
            <Progress percent={Math.round(item.confidence * 100)} format={(p) => `${p}%`} size="small" style={{ width: 120 }} />
          </Space>
        ))
      )}
    </Space>
  );
  return (
    <Card
      title={t('title')}
      size="small"
      extra={<Typography.Text type="secondary">{t('hint')}</Typography.Text>}
      data-testid="nlp-suggestions"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {section(t('category'), query.data.category, props.onPickCategory, 'nlp-suggest-category')}
        {section(t('unit'), query.data.unit, props.onPickUnit, 'nlp-suggest-unit')}
      </Space>
    </Card>
  );
}
