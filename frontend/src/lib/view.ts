// The client keeps the view the server computed; it never computes one itself (see docs/protocol.md).
import type { View } from './wire';

export interface Stream<V extends View = View> {
  view: V | null;
  seq: number;
}

export type Applied<V extends View = View> =
  | { kind: 'ok'; stream: Stream<V> }
  /** A change that is not after the last one: ask the server again from the last good seq. */
  | { kind: 'resync'; stream: Stream<V> };

/** An item of a list section: everything with an `id` (notes, questions, participants, …). */
type Item = { id: string } & Record<string, unknown>;

/**
 * How a list section changed: new items whole and, of a changed item, its `id` and the fields that
 * differ (`put`); the ids that went (`removed`); the new order, only when it is not the old one
 * without the removed items with the new ones after it (`order`).
 */
export interface ItemsPatch {
  put?: Item[];
  removed?: string[];
  order?: string[];
}

/** A message of the live protocol that carries the view: all of it, or what changed. */
export type ViewMessage<V extends View = View> =
  | { type: 'snapshot'; seq: number; view: V; role?: string; serverTime?: string }
  | { type: 'change'; seq: number; view: Partial<V>; items?: Record<string, ItemsPatch> };

export const EMPTY: Stream<never> = { view: null, seq: -1 };

/** The sections `change.view` holds, in place of the old ones; then each list `change.items` patches. */
function changed<V extends View>(view: V, change: Extract<ViewMessage<V>, { type: 'change' }>): V {
  const next: Record<string, unknown> = { ...view, ...change.view };
  for (const [section, patch] of Object.entries(change.items ?? {})) {
    const byId = new Map((next[section] as Item[]).map((item) => [item.id, item]));
    for (const id of patch.removed ?? []) byId.delete(id);
    for (const item of patch.put ?? []) byId.set(item.id, { ...byId.get(item.id), ...item });
    next[section] = (patch.order ?? [...byId.keys()]).map((id) => byId.get(id));
  }
  return next as V;
}

/**
 * Applies a snapshot or change message; anything else leaves the stream as it is. {@code everyEvent}:
 * the role is sent every event (the moderator and the assistant), so a change must follow the last.
 */
export function apply<V extends View>(stream: Stream<V>, message: ViewMessage<V> | { type: string },
  everyEvent = false): Applied<V> {
  if (message.type === 'snapshot') {
    const snapshot = message as Extract<ViewMessage<V>, { type: 'snapshot' }>;
    return { kind: 'ok', stream: { view: snapshot.view, seq: snapshot.seq } };
  }
  if (message.type === 'change') {
    const change = message as Extract<ViewMessage<V>, { type: 'change' }>;
    // Other roles are sent only the events that change their view: the seq grows, and may skip.
    if (stream.view === null || change.seq <= stream.seq || (everyEvent && change.seq !== stream.seq + 1)) {
      return { kind: 'resync', stream };
    }
    return { kind: 'ok', stream: { view: changed(stream.view, change), seq: change.seq } };
  }
  return { kind: 'ok', stream };
}
