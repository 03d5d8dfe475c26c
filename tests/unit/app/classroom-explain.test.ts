import { describe, expect, it } from 'vitest';
import {
  rememberTourOffered,
  TOUR_OFFERED_KEY,
  wasTourOffered,
} from '../../../src/app/explain/explain-store';
import { TOUR_STEPS } from '../../../src/app/explain/tour-steps';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('the walkthrough offer', () => {
  it('is made once per browser', () => {
    const storage = memoryStorage();
    expect(wasTourOffered(storage)).toBe(false);
    rememberTourOffered(storage);
    expect(storage.items.get(TOUR_OFFERED_KEY)).toBe('1');
    expect(wasTourOffered(storage)).toBe(true);
  });

  it('does not nag when the browser refuses storage, and never throws', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(wasTourOffered(refusing)).toBe(true);
    expect(() => rememberTourOffered(refusing)).not.toThrow();
    expect(wasTourOffered(null)).toBe(false);
  });
});

describe('the walkthrough steps', () => {
  it('are few, and point at the settings, Play, the perplexity chart, the samples, the lessons and the theory tab', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(4);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(6);
    expect(TOUR_STEPS.map((s) => s.target)).toEqual([
      '[data-tour="settings"]',
      '[data-tour="play"]',
      '[data-chart="perplexity"] > figure',
      '[data-tour="samples"]',
      '[data-tour="lessons"]',
      '#tab-theory',
    ]);
  });
});
