import { Alert, Form, Space, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useOrderDetail } from '../api/queries';
import { useIntakeSuggest } from '../nlp/nlp-api';
import { orderMessages } from './orders.messages';
import { CatalogueAnswer } from '../catalogue/CatalogueAnswer';
import { useMyDispatchArea } from '../common/use-dispatch-area';

/**
 * What a dispatcher decides on: the appeal's own words, the dispatch catalogue's answer (issue 14,
 * first: it is the centre's rule) and the model's unit suggestions (a click fills the lead unit),
 * shown above the dispatch fields — the queue row holds only the title.
 */
export function DispatchContext({ orderId, field }: { orderId: string; field: string }) {
  const t = useT(orderMessages);
  const form = Form.useFormInstance();
  const order = useOrderDetail(orderId).data?.order;
  const input = { title: order?.title ?? '', content: order?.content ?? '', regionId: order?.regionId ?? undefined };
  const suggest = useIntakeSuggest(input, order !== undefined);
  // A sub-centre's dispatcher is offered only units of its area (ADR 0192), here as in the pickers.
  const area = useMyDispatchArea();
  if (!order) return null;
  const units = (suggest.data?.unit?.items ?? []).filter((u) => area.inArea(u.id));
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="dispatch-context"
      title={`${t('dispatch.appeal')} · ${order.title}`}
      description={
        <>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', maxHeight: 140, overflow: 'auto', marginBottom: 8 }}
            data-testid="dispatch-appeal-text"
          >
            {order.content}
          </Typography.Paragraph>
          <div style={{ marginBottom: 8 }}>
            <CatalogueAnswer
              compact
              input={{
                categoryId: order.categoryId ?? undefined,
                regionId: order.regionId ?? undefined,
                appealType: order.appealType,
                title: order.title,
                content: order.content,
              }}
              onUse={(rule) =>
                form.setFieldsValue({ [field]: rule.leadUnitId, assistUnitIds: rule.assistUnitIds.filter(area.inArea) })
              }
              canUse={(rule) => area.inArea(rule.leadUnitId)}
            />
          </div>
          {suggest.data && units.length === 0 && (
            <Typography.Text type="secondary" data-testid="dispatch-no-suggestions">
              {t('dispatch.noSuggestions')}
            </Typography.Text>
          )}
          {units.length > 0 && (
            <Space size={4} wrap data-testid="dispatch-suggestions">
              <Typography.Text type="secondary">{t('dispatch.suggested')}:</Typography.Text>
              {units.map((u) => (
                <Tag
                  key={u.id}
                  color="blue"
                  style={{ cursor: 'pointer' }}
                  data-testid="dispatch-suggestion"
                  onClick={() => form.setFieldValue(field, u.id)}
                >
                  {u.fullName} {Math.round(u.confidence * 100)}%
                </Tag>
              ))}
            </Space>
          )}
        </>
      }
    />
  );
}
