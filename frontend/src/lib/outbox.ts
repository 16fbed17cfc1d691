// Commands made while the connection is down wait here with their command ids, also across a
// reload, and are sent when it is back. The server applies an id once, so sending twice is safe.

export interface Pending {
  commandId: string;
  type: string;
  fields: Record<string, unknown>;
  madeAt: number;
}

export interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class Outbox {
  private items: Pending[];

  constructor(
    private readonly storage: Storage | null,
    private readonly storageKey: string,
  ) {
    this.items = Outbox.read(storage, storageKey);
  }

  private static read(storage: Storage | null, key: string): Pending[] {
    try {
      const raw = storage?.getItem(key);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((p) => typeof p?.commandId === 'string') : [];
    } catch {
      return [];
    }
  }

  add(type: string, fields: Record<string, unknown>, commandId: string, now: number): Pending {
    const pending = { commandId, type, fields, madeAt: now };
    this.items = [...this.items, pending];
    this.save();
    return pending;
  }

  /** The command got its answer (ack, rejected, or an error that sending again will not fix). */
  settle(commandId: string): Pending | undefined {
    const found = this.items.find((p) => p.commandId === commandId);
    if (found) {
      this.items = this.items.filter((p) => p.commandId !== commandId);
      this.save();
    }
    return found;
  }

  pending(): readonly Pending[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  private save(): void {
    if (!this.storage) return;
    if (this.items.length === 0) this.storage.removeItem(this.storageKey);
    else this.storage.setItem(this.storageKey, JSON.stringify(this.items));
  }
}

/**
 * The wire form of a pending command, with the moment it was made on the server's clock
 * ({@code serverTime} turns a local time into it), so that a tap sent late is timed when it was made.
 */
export function message(p: Pending, serverTime: (local: number) => number = (local) => local): string {
  return JSON.stringify({ ...p.fields, type: p.type, commandId: p.commandId,
    actedAt: new Date(serverTime(p.madeAt)).toISOString() });
}
