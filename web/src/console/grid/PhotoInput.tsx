import { VideoCameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * A large camera button over a hidden file input, so the phone opens its camera (`capture`: the back
 * camera) or, without `capture`, offers the gallery too.
 */
export function CameraButton(props: {
  accept: string;
  capture?: boolean;
  multiple?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="large" style={{ minHeight: 48, flex: 1 }} onClick={() => input.current?.click()}>
        {props.children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        {...(props.capture ? { capture: 'environment' } : {})}
        multiple={props.multiple}
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          props.onFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );
}

const THUMB = { width: 96, height: 72, borderRadius: 4 } as const;

/**
 * Thumbnails of chosen files (a video shows a sign and its word), each removable. A file the phone
 * cannot show as a picture says so in words (`brokenWord`) instead of a broken-image sign, before the
 * server refuses it.
 */
export function FileThumbs(props: {
  files: File[];
  videoWord: string;
  brokenWord: string;
  removeWord?: string;
  onRemove?: (index: number) => void;
}) {
  const urls = useMemo(() => props.files.map((f) => URL.createObjectURL(f)), [props.files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const [broken, setBroken] = useState<ReadonlySet<string>>(new Set());
  if (props.files.length === 0) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="grid-thumbs">
      {props.files.map((f, i) => (
        <div key={urls[i]} style={{ width: THUMB.width, textAlign: 'center' }}>
          {f.type.startsWith('video/') ? (
            <div style={{ ...THUMB, background: '#f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <VideoCameraOutlined style={{ marginRight: 4 }} />
              {props.videoWord}
            </div>
          ) : broken.has(urls[i]!) ? (
            <div
              style={{ ...THUMB, background: '#fff1f0', color: '#cf1322', display: 'flex', alignItems: 'center', padding: 4 }}
              data-testid="grid-thumb-broken"
            >
              {props.brokenWord}
            </div>
          ) : (
            <img
              src={urls[i]}
              alt={f.name}
              style={{ ...THUMB, objectFit: 'cover' }}
              onError={() => setBroken((had) => new Set(had).add(urls[i]!))}
            />
          )}
          {props.onRemove && (
            <Button type="link" size="small" onClick={() => props.onRemove!(i)}>
              {props.removeWord}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
