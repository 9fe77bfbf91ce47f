import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useLang, useT } from '../shared/i18n';
import { apiMessage } from './portal-errors';
import { rateAppeal, type PortalKey, type PortalProgress, type PortalRating } from './portal-api';
import { portalMessages } from './portal.messages';

type RatingValues = Pick<PortalRating, 'satisfaction' | 'comment'> & { resolved: 'yes' | 'no' };

/** 满意/基本满意/不满意 × 已解决/未解决: the citizen's own return visit. */
export function RatingForm(props: { portalKey: PortalKey; onRated: (p: PortalProgress) => void }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const rate = useMutation({
    mutationFn: (v: RatingValues) =>
      rateAppeal({
        ...props.portalKey,
        satisfaction: v.satisfaction,
        resolved: v.resolved === 'yes',
        comment: v.comment?.trim() || undefined,
      }),
    onSuccess: props.onRated,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Card title={t('rateTitle')} style={{ marginTop: 16 }} data-testid="portal-rate-form">
      <Typography.Paragraph>{t('rateLead')}</Typography.Paragraph>
      <Form layout="vertical" size="large" onFinish={(v: RatingValues) => rate.mutate(v)} requiredMark={false}>
        <Form.Item name="satisfaction" label={t('satisfaction')} rules={required}>
          <Radio.Group optionType="button" buttonStyle="solid" className="portal-choice">
            <Radio.Button value="satisfied">{t('sat.satisfied')}</Radio.Button>
            <Radio.Button value="basically_satisfied">{t('sat.basically_satisfied')}</Radio.Button>
            <Radio.Button value="dissatisfied">{t('sat.dissatisfied')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="resolved" label={t('resolved')} rules={required}>
          <Radio.Group optionType="button" buttonStyle="solid" className="portal-choice">
            <Radio.Button value="yes">{t('resolvedYes')}</Radio.Button>
            <Radio.Button value="no">{t('resolvedNo')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('comment')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="portal-rate-comment" />
        </Form.Item>
        {rate.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={apiMessage(rate.error, lang, t('error'))} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          className="portal-big-button"
          loading={rate.isPending}
          data-testid="portal-rate-submit"
        >
          {t('rateButton')}
        </Button>
      </Form>
    </Card>
  );
}
