import { Card, Space, Switch } from 'antd';
import { useT } from '../../shared/i18n';
import type { LeaderSettingsView } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { shellMessages } from '../shell/shell.messages';
import { leaderKeys, saveLeaderSettings, useLeaderSettings } from './leader-api';
import { leaderMessages } from './leader.messages';

/** The admin's switches: may this centre's leaders 催办 and issue 督办单 (ADR 0132). */
export function LeaderSettingsCard() {
  const t = useT(leaderMessages);
  const s = useT(shellMessages);
  const write = useWrite();
  const current = useLeaderSettings().data;
  const save = (patch: Partial<LeaderSettingsView>) =>
    current &&
    write(() => saveLeaderSettings({ ...current, ...patch }), { success: s('common.done'), invalidate: [leaderKeys.settings] });
  return (
    <Card size="small" title={t('settings.title')} style={{ marginTop: 12 }} data-testid="leader-settings">
      <Space orientation="vertical">
        <Space>
          <Switch
            checked={current?.leadersMayUrge ?? false}
            disabled={!current}
            onChange={(v) => void save({ leadersMayUrge: v })}
            data-testid="leader-settings-urge"
          />
          {t('settings.urge')}
        </Space>
        <Space>
          <Switch
            checked={current?.leadersMaySupervise ?? false}
            disabled={!current}
            onChange={(v) => void save({ leadersMaySupervise: v })}
            data-testid="leader-settings-supervise"
          />
          {t('settings.supervise')}
        </Space>
      </Space>
    </Card>
  );
}
