import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { kpiChangeTone, type KpiTone } from '../../shared/contract';
import type { KpiDefinition, KpiGroup, KpiKey } from './kpi-api';
import { formatChange, formatKpi, kpiMessages } from './kpi.messages';

/** A change's colour by what it means (KPI_BETTER in the contract), not by its sign. */
const LIGHT_TONES: Record<KpiTone, string | undefined> = { good: '#3f8600', bad: '#cf1322', neutral: undefined };
const DARK_TONES: Record<KpiTone, string> = { good: '#73d13d', bad: '#ff7875', neutral: '#7fa7c9' };

/**
 * One card per KPI: the value, the change against the previous period, and a tooltip with the
 * definition as the server states it (the formula written once in src/analytics/kpi/definitions.ts)
 * and the numerator / denominator behind the figure.
 */
export function KpiCards({
  keys,
  definitions,
  group,
  dark = false,
}: {
  keys: readonly KpiKey[];
  definitions: readonly KpiDefinition[];
  group: KpiGroup;
  dark?: boolean;
}) {
  const t = useT(kpiMessages);
  const { lang } = useLang();
  return (
    <Row gutter={[12, 12]}>
      {keys.map((key) => {
        const def = definitions.find((d) => d.key === key);
        const fig = group.kpis[key];
        if (!def || !fig) return null;
        const tone = kpiChangeTone(key, fig.change);
        const color = (dark ? DARK_TONES : LIGHT_TONES)[tone];
        const tip = (
          <div>
            <div>{def.formula[lang]}</div>
            {fig.denominator !== null && (
              <div>{t('dash.count', { n: Number(fig.numerator.toFixed(2)), d: fig.denominator })}</div>
            )}
          </div>
        );
        return (
          <Col key={key} xs={12} sm={8} md={6} xl={4}>
            <Tooltip title={tip}>
              <Card
                size="small"
                data-testid={`kpi-${key}`}
                style={dark ? { background: '#0b2a4a', borderColor: '#1f4e79' } : undefined}
              >
                <Statistic
                  title={<span style={dark ? { color: '#9cc3e6' } : undefined}>{lang === 'zh' ? def.zh : def.en}</span>}
                  value={formatKpi(def.kind, fig.value)}
                  valueStyle={dark ? { color: '#ffd666', fontSize: 30 } : { fontSize: 22 }}
                />
                <Typography.Text
                  type="secondary"
                  data-tone={tone}
                  data-testid={`kpi-change-${key}`}
                  style={{ fontSize: 12, color }}
                >
                  {t('dash.vsPrevious')} {formatChange(def.kind, fig.change)}
                </Typography.Text>
              </Card>
            </Tooltip>
          </Col>
        );
      })}
    </Row>
  );
}
