import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type BrowserOptions, type BrowserSession } from './browser';

/**
 * One Chromium for the tests of a describe block: opened before them, closed after. Returns
 * the session's getter (it throws if called outside those tests).
 */
export function sharedBrowser(options: BrowserOptions = {}): () => BrowserSession {
  let session: BrowserSession | null = null;
  beforeAll(async () => {
    session = await openBrowser(options);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the shared browser is open only while its describe block runs');
    return session;
  };
}
