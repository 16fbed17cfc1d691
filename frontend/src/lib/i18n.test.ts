import { describe, expect, it } from 'vitest';
import { i18n, t } from './i18n.svelte';

describe('texts', () => {
  it('say one or many in each language', () => {
    i18n.lang = 'nl';
    expect(t('listeners', { n: 1 })).toBe('1 toehoorder');
    expect(t('listeners', { n: 3 })).toBe('3 toehoorders');
    expect(t('questions.waitingCount', { n: 1 })).toBe('1 vraag wacht op het einde');
    i18n.lang = 'en';
    expect(t('listeners', { n: 1 })).toBe('1 listener');
    expect(t('listeners', { n: 0 })).toBe('0 listeners');
    expect(t('phase.next', { phase: 'Lobby' })).toBe('To: Lobby');
  });
});
