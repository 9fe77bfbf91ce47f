import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useT } from '../../shared/i18n';
import { COMPANY_NAME_MAX, creditCodeProblem, normalizeCreditCode } from '../../shared/contract';
import { enterpriseMessages } from './enterprise.messages';

/**
 * 涉企诉求 at intake (ADR 0137): a tick opens the company's name, its unified social credit code
 * (checked here with the server's own GB 32100 rule) and the 保护企业名称 option.
 */
export function EnterpriseFields() {
  const t = useT(enterpriseMessages);
  const codeRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const problem = value ? creditCodeProblem(normalizeCreditCode(value)) : 'length';
      if (problem) throw new Error(t(`ent.codeBad.${problem}`));
    },
  };
  return (
    <>
      <Form.Item name="enterprise" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="intake-enterprise">
          {t('ent.flag')} <span style={{ color: '#999' }}>· {t('ent.flagHint')}</span>
        </Checkbox>
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.enterprise !== b.enterprise}>
        {({ getFieldValue }) =>
          getFieldValue('enterprise') && (
            <Row gutter={12} data-testid="intake-enterprise-fields">
              <Col span={9}>
                <Form.Item
                  name="companyName"
                  label={t('ent.company')}
                  rules={[{ required: true, whitespace: true }, { max: COMPANY_NAME_MAX }]}
                >
                  <Input data-testid="intake-company" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="creditCode" label={t('ent.code')} rules={[codeRule]} validateTrigger="onBlur">
                  <Input data-testid="intake-credit-code" maxLength={30} style={{ textTransform: 'uppercase' }} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name="protectName" label=" " valuePropName="checked" tooltip={t('ent.protectHint')}>
                  <Checkbox data-testid="intake-protect">{t('ent.protect')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          )
        }
      </Form.Item>
    </>
  );
}
