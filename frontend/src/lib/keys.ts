// A key arrives in a link's fragment (#key=...), which browsers never send to a server. It is
// kept in this browser, per meeting and per kind of page, so that a reload or a later visit opens
// the same meeting in the same role; it is taken out of the address bar.

export type Kind = 'moderate' | 'listen' | 'display' | 'series';

export function keyFor(meetingId: string, kind: Kind): string | null {
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  if (fromLink) {
    rememberKey(meetingId, kind, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return localStorage.getItem(storageKey(meetingId, kind));
}

export function rememberKey(meetingId: string, kind: Kind, key: string): void {
  localStorage.setItem(storageKey(meetingId, kind), key);
}

function storageKey(meetingId: string, kind: Kind): string {
  return `spiegel.${kind}.${meetingId}`;
}
