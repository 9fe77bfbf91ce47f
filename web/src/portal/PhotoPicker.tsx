import { useEffect, useMemo } from 'react';
import { useT } from '../shared/i18n';
import { portalMessages } from './portal.messages';
import { Button } from './ui';

/** Photos chosen on the phone, shown as thumbnails that can be removed; at most `max`. */
export function PhotoPicker(props: { max: number; photos: File[]; onChange: (photos: File[]) => void }) {
  const t = useT(portalMessages);
  const urls = useMemo(() => props.photos.map((p) => URL.createObjectURL(p)), [props.photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <div className="p-field">
      <span className="p-label">{t('photos', { max: props.max })}</span>
      <div className="p-photos">
        {urls.map((url, i) => (
          <div className="p-photo" key={url}>
            <img src={url} alt={props.photos[i].name} />
            <Button onClick={() => props.onChange(props.photos.filter((_, j) => j !== i))}>{t('photoRemove')}</Button>
          </div>
        ))}
      </div>
      {props.photos.length < props.max && (
        <label
          className="p-btn"
          style={{ display: 'inline-flex', alignItems: 'center', marginTop: 8 }}
          data-testid="portal-add-photo"
        >
          {t('addPhoto')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            multiple
            hidden
            onChange={(e) => {
              props.onChange([...props.photos, ...Array.from(e.target.files ?? [])].slice(0, props.max));
              e.target.value = '';
            }}
          />
        </label>
      )}
    </div>
  );
}
