import type { TextFragment } from '../api/types';

/** Renders server highlight fragments; matches in <mark>. Text only, never HTML. */
export function Highlighted({ fragments }: { fragments: TextFragment[] }) {
  return (
    <>
      {fragments.map((f, i) =>
        f.hit ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
            {f.text}
          </mark>
        ) : (
          <span key={i}>{f.text}</span>
        ),
      )}
    </>
  );
}
