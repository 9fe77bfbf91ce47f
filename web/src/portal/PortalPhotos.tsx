import { useEffect, useState } from 'react';
import { Image } from 'antd';
import { fetchPhoto, type PortalKey } from './portal-api';

/** The citizen's own photos, loaded with the order number + code and shown as thumbnails that enlarge. */
export function PortalPhotos(props: { portalKey: PortalKey; photoIds: string[] }) {
  const { portalKey, photoIds } = props;
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    Promise.all(photoIds.map((id) => fetchPhoto(portalKey, id)))
      .then((blobs) => {
        made.push(...blobs.map((b) => URL.createObjectURL(b)));
        if (alive) setUrls(made);
      })
      .catch(() => alive && setUrls([]));
    return () => {
      alive = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [portalKey, photoIds]);
  if (urls.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }} data-testid="portal-photos">
        {urls.map((url, i) => (
          <Image key={url} src={url} width={96} height={96} style={{ objectFit: 'cover' }} alt={`photo ${i + 1}`} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
