import { useEffect, useState } from 'react';
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
    <div className="p-photos" data-testid="portal-photos">
      {urls.map((url, i) => (
        // Tapping a thumbnail opens the photo full size in its own tab.
        <a key={url} href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={`photo ${i + 1}`} />
        </a>
      ))}
    </div>
  );
}
