// Whispers between the moderator and the assistant: a short private message that shows on the
// other one's console until they mark it seen (on that device). Listeners and the display never
// receive whispers; the report never holds them.
import type { LiveConnection } from './live.svelte';
import type { ModeratorView } from './wire';

export type Whisperer = 'MODERATOR' | 'ASSISTANT';

// Whispers keep their order; ids are W + a counter, so a later one has a larger number.
const number = (id: string) => Number(id.replace(/\D/g, ''));

export class WhisperState {
  seen = $state<string | null>(null);
  /** The text last sent from here, until the server has it (then it is confirmed). */
  sending = $state<{ text: string; commandId: string } | null>(null);
  readonly me: Whisperer;
  private readonly storageKey: string;

  constructor(private readonly live: LiveConnection<ModeratorView>) {
    this.me = live.role === 'ASSISTANT' ? 'ASSISTANT' : 'MODERATOR';
    this.storageKey = `spiegel.whisperSeen.${live.meetingId}.${this.me}`;
    this.seen = typeof localStorage === 'undefined' ? null : localStorage.getItem(this.storageKey);
  }

  get unseen() {
    const seen = this.seen;
    return (this.live.view?.whispers ?? []).filter((w) => w.from !== this.me && (seen === null || number(w.id) > number(seen)));
  }

  markSeen(): void {
    const last = this.unseen.at(-1);
    if (!last) return;
    localStorage.setItem(this.storageKey, last.id);
    this.seen = last.id;
  }

  /** Whether the line that confirms the last whisper sent is still shown (for a few seconds). */
  confirming = $state(false);
  private confirmTimer: ReturnType<typeof setTimeout> | undefined;

  /** Sends a whisper; whoever answers has seen what came in. */
  send(text: string): void {
    this.markSeen();
    this.sending = { text, commandId: this.live.send('Whisper', { text }) };
    this.confirming = true;
    clearTimeout(this.confirmTimer);
    this.confirmTimer = setTimeout(() => (this.confirming = false), 6000);
  }

  /** 'sending' until the server acknowledged the last whisper sent from here, then 'sent'. */
  get state(): 'sending' | 'sent' | null {
    const sending = this.sending;
    if (!sending) return null;
    if (this.live.pending.some((p) => p.commandId === sending.commandId)) return 'sending';
    return this.live.lastProblem?.commandId === sending.commandId ? null : 'sent';
  }
}
