// The client keeps the view the server computed; it never computes one itself (see docs/protocol.md).

export type View = Record<string, any>;

export interface Stream {
  view: View | null;
  seq: number;
}

export type Applied =
  | { kind: 'ok'; stream: Stream }
  /** A change that does not follow the last one: ask the server again from the last good seq. */
  | { kind: 'resync'; stream: Stream };

export const EMPTY: Stream = { view: null, seq: -1 };

/** Applies a snapshot or change message; anything else leaves the stream as it is. */
export function apply(stream: Stream, message: any): Applied {
  if (message?.type === 'snapshot') {
    return { kind: 'ok', stream: { view: message.view, seq: message.seq } };
  }
  if (message?.type === 'change') {
    if (stream.view === null || message.seq !== stream.seq + 1) {
      return { kind: 'resync', stream };
    }
    return { kind: 'ok', stream: { view: { ...stream.view, ...message.view }, seq: message.seq } };
  }
  return { kind: 'ok', stream };
}
