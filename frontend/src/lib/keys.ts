// A key arrives in a link's fragment (#key=...), which browsers never send to a server. It is
// kept in this browser so that a reload or a later visit opens the same meeting.

export function keyFor(meetingId: string): string | null {
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  const storageKey = `spiegel.key.${meetingId}`;
  if (fromLink) {
    localStorage.setItem(storageKey, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return localStorage.getItem(storageKey);
}

export function rememberKey(meetingId: string, key: string): void {
  localStorage.setItem(`spiegel.key.${meetingId}`, key);
}
