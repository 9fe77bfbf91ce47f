import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useT } from '../../shared/i18n';
import { EMAIL_PATTERN } from '../../../../src/contract/citizen-notices';
import { intakeMessages } from './intake.messages';

const EMAIL = new RegExp(EMAIL_PATTERN);

/**
 * 群众通知 at intake (issue 16): whether the caller agrees to SMS notices (ticked unless the caller asks
 * for confidentiality, the server's default; IntakePage keeps it following 要求保密 until touched) and
 * an optional e-mail for the notices. Sent with the order, so the 受理回执 already respects them.
 */
export function CitizenContactFields() {
  const t = useT(intakeMessages);
  return (
    <Row gutter={12} align="bottom" data-testid="intake-contact">
      <Col span={9}>
        <Form.Item name="smsConsent" valuePropName="checked" tooltip={t('smsConsentHint')} label={t('notices')}>
          <Checkbox data-testid="intake-sms-consent">{t('smsConsent')}</Checkbox>
        </Form.Item>
      </Col>
      <Col span={15}>
        <Form.Item
          name="contactEmail"
          label={t('contactEmail')}
          rules={[
            { pattern: EMAIL, message: t('emailInvalid') },
            { max: 200, message: t('tooLong', { max: 200 }) },
          ]}
          validateTrigger="onBlur"
        >
          <Input data-testid="intake-email" inputMode="email" autoComplete="off" placeholder={t('contactEmailHint')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
