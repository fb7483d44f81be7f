// Screenshots the executor took, fetched with the access token and shown as object URLs.
import type { EvidenceView } from '@jobswipe/protocol';
import { useEffect, useState } from 'react';
import { useServices } from '../services.tsx';

export function EvidenceGallery({ evidence }: { evidence: EvidenceView[] }) {
  const { api } = useServices();
  const [urls, setUrls] = useState<Record<string, string | null>>({});
  const images = evidence.filter((e) => e.mime.startsWith('image/'));
  const ids = images.map((e) => e.id).join();

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetch again only when the set of screenshots changes
  useEffect(() => {
    const made: string[] = [];
    let live = true;
    for (const item of images) {
      api
        .evidence(item.url)
        .then((blob) => {
          const url = URL.createObjectURL(blob);
          made.push(url);
          if (live) setUrls((u) => ({ ...u, [item.id]: url }));
        })
        .catch(() => live && setUrls((u) => ({ ...u, [item.id]: null })));
    }
    return () => {
      live = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [api, ids]);

  if (images.length === 0) return <p className="muted">No screenshots yet.</p>;
  return (
    <ul className="gallery">
      {images.map((item) => (
        <li key={item.id}>
          {urls[item.id] ? (
            <a href={urls[item.id] ?? undefined} target="_blank" rel="noreferrer">
              <img src={urls[item.id] ?? undefined} alt={`${item.kind.replace('_', ' ')}, attempt ${item.attempt}`} />
            </a>
          ) : (
            <div className="shot-missing">{urls[item.id] === null ? 'Screenshot not available' : 'Loading…'}</div>
          )}
          <span className="muted small">
            {item.kind.replace('_', ' ')} · attempt {item.attempt}
          </span>
        </li>
      ))}
    </ul>
  );
}
