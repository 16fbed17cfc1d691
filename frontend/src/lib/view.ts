// The client keeps the view the server computed; it never computes one itself (see docs/protocol.md).
import type { View } from './wire';

export interface Stream<V extends View = View> {
  view: V | null;
  seq: number;
}

export type Applied<V extends View = View> =
  | { kind: 'ok'; stream: Stream<V> }
  /** A change that does not follow the last one: ask the server again from the last good seq. */
  | { kind: 'resync'; stream: Stream<V> };

/** A message of the live protocol that carries the view: all of it, or the sections that changed. */
export type ViewMessage<V extends View = View> =
  | { type: 'snapshot'; seq: number; view: V; role?: string; serverTime?: string }
  | { type: 'change'; seq: number; view: Partial<V> };

export const EMPTY: Stream<never> = { view: null, seq: -1 };

/** Applies a snapshot or change message; anything else leaves the stream as it is. */
export function apply<V extends View>(stream: Stream<V>, message: ViewMessage<V> | { type: string }): Applied<V> {
  if (message.type === 'snapshot') {
    const snapshot = message as Extract<ViewMessage<V>, { type: 'snapshot' }>;
    return { kind: 'ok', stream: { view: snapshot.view, seq: snapshot.seq } };
  }
  if (message.type === 'change') {
    const change = message as Extract<ViewMessage<V>, { type: 'change' }>;
    if (stream.view === null || change.seq !== stream.seq + 1) {
      return { kind: 'resync', stream };
    }
    return { kind: 'ok', stream: { view: { ...stream.view, ...change.view }, seq: change.seq } };
  }
  return { kind: 'ok', stream };
}
