// The links with keys of a meeting or a series, as this device keeps them. A key is shown by the
// server only once (when made); the moderator's device keeps the other roles' links so they can
// be shown again, as text and as a QR code. "Forget this device" removes every one of them.
export interface KeptLink {
  role: 'moderator' | 'assistant' | 'display' | 'organiser';
  url: string;
}

const storageKey = (id: string) => `spiegel.links.${id}`;

export function keptLinks(id: string): Partial<Record<KeptLink['role'], string>> {
  try {
    return JSON.parse(localStorage.getItem(storageKey(id)) ?? '{}');
  } catch {
    return {};
  }
}

export function keepLink(id: string, role: KeptLink['role'], url: string): void {
  localStorage.setItem(storageKey(id), JSON.stringify({ ...keptLinks(id), [role]: url }));
}

/** Everything this browser keeps about a meeting or series: keys, links, unsent taps, seen whispers. */
export function forgetDevice(id: string): void {
  for (const key of Object.keys(localStorage)) {
    if (key.includes(id)) localStorage.removeItem(key);
  }
  for (const key of Object.keys(sessionStorage)) {
    if (key.includes(id)) sessionStorage.removeItem(key);
  }
}

/** A small document with the links, to keep in a safe place. */
export function linksDocument(title: string, intro: string, warning: string, links: { label: string; url: string }[]): Blob {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = links.map((l) => `<dt>${escape(l.label)}</dt><dd><a href="${escape(l.url)}">${escape(l.url)}</a></dd>`).join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
dt{font-weight:700;margin-top:1rem}dd{margin:0;word-break:break-all}.warning{background:#fff4e0;padding:.5rem .75rem}</style>
</head><body><h1>${escape(title)}</h1><p>${escape(intro)}</p><p class="warning">${escape(warning)}</p><dl>${rows}</dl></body></html>`;
  return new Blob([html], { type: 'text/html' });
}
