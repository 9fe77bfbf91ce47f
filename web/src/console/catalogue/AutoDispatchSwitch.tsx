import { Space, Switch, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { catalogueKeys, setCatalogueSettings, useCatalogueSettings } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';

/** 精确命中时自动派单: when on, a new order whose category and region match a rule exactly is dispatched by it. */
export function AutoDispatchSwitch() {
  const t = useT(catalogueMessages);
  const settings = useCatalogueSettings();
  const write = useWrite();
  const on = settings.data?.autoDispatch ?? false;
  return (
    <Space title={t('admin.autoDispatchHint')}>
      <Switch
        checked={on}
        loading={settings.isLoading}
        data-testid="catalogue-auto-dispatch"
        onChange={(next) =>
          void write(() => setCatalogueSettings({ autoDispatch: next }), {
            success: next ? t('admin.autoDispatchOn') : t('admin.autoDispatchOff'),
            invalidate: [catalogueKeys.settings],
          })
        }
      />
      <Typography.Text>{t('admin.autoDispatch')}</Typography.Text>
    </Space>
  );
}
