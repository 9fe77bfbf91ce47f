import { useMemo, useState } from 'react';
import { Button, Form, Space, Typography } from 'antd';
import type { GeoPoint } from '../../../../src/contract/geo';
import { useT } from '../../shared/i18n';
import { GeoMap } from '../../shared/map/GeoMap';
import { useSession } from '../shell/session';
import { outlinesBox, useMapRegions } from './map-api';
import { ordersMapMessages } from './orders-map.messages';

/** The intake form's optional 位置: a pin on the map, sent as lat/lng in WGS-84 (the map converts for GCJ-02 tiles). */
export function IntakeMapPin() {
  const t = useT(ordersMapMessages);
  return (
    <Form.Item name="point" label={t('pinLabel')}>
      <PinField />
    </Form.Item>
  );
}

function PinField({ value, onChange }: { value?: GeoPoint; onChange?: (p: GeoPoint | undefined) => void }) {
  const t = useT(ordersMapMessages);
  const me = useSession();
  const [open, setOpen] = useState(false);
  const regions = useMapRegions();
  // The operator's region, when chosen, is where the map opens; else the whole centre.
  const regionId = Form.useWatch('regionId');
  const fitBox = useMemo(() => {
    const items = regions.data?.items;
    const inRegion = items?.filter((o) => o.regionId === regionId);
    return outlinesBox(inRegion?.length ? inRegion : items);
  }, [regions.data, regionId]);
  return (
    <div>
      <Space wrap>
        <Button onClick={() => setOpen(!open)} data-testid="intake-pin-toggle">
          {open ? t('pinHide') : t('pinButton')}
        </Button>
        {value && (
          <>
            <Typography.Text data-testid="intake-pin-at">
              {t('pinAt', { lng: value.lng.toFixed(5), lat: value.lat.toFixed(5) })}
            </Typography.Text>
            <Button type="link" onClick={() => onChange?.(undefined)} data-testid="intake-pin-clear">
              {t('pinClear')}
            </Button>
          </>
        )}
      </Space>
      {open && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('pinHint')}</Typography.Text>
          <GeoMap
            tiles={me.map}
            height={300}
            fitBox={fitBox}
            regions={regions.data?.items}
            pin={value ?? null}
            onPin={(p) => onChange?.(p)}
            testId="intake-map"
          />
        </div>
      )}
    </div>
  );
}
