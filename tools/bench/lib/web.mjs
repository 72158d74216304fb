// What a browser downloads to use Vigil: Chromium (Debian's, as in the browser tests) opens the
// sign-in page with an empty cache, then signs in as a demo prosecutor and waits for the case
// list. Counted from the DevTools protocol: bytes on the wire per response (headers and the
// encoded body, as Chromium's Network panel counts "transferred"), and the encoded bodies alone
// (the same figure as Resource Timing's `encodedBodySize`), with what they decode to.
import { chromium } from '@playwright/test';

const DEMO_EMAIL = 'prosecutor@demo.vigil';

/** Starts counting every response of `page`; `take()` returns and resets the totals since the last take. */
async function meter(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map();
  let totals = null;
  const reset = () => (totals = { requests: 0, transferred: 0, encodedBody: 0, decodedBody: 0, byKind: {} });
  reset();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => responses.set(requestId, { type, url: response.url, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? null }));
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const response = responses.get(requestId);
    if (response) response.decoded = (response.decoded ?? 0) + dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (!response || response.url.startsWith('data:')) return;
    totals.requests += 1;
    totals.transferred += encodedDataLength;
    const kind = response.url.includes('/api/') ? 'api' : response.type === 'Script' ? 'script' : response.type.toLowerCase();
    totals.byKind[kind] = (totals.byKind[kind] ?? 0) + encodedDataLength;
    totals.decodedBody += response.decoded ?? 0;
  });
  return {
    /** Resource Timing's view of the same page load, for the encoded bodies. */
    async take() {
      const bodies = await page.evaluate(() =>
        [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
          .filter(Boolean)
          .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      );
      const taken = { ...totals, encodedBody: bodies };
      reset();
      return taken;
    },
  };
}

/**
 * `{ signIn, caseList }`: what a first visit transfers until the sign-in page is interactive, and
 * then until the case list is on screen after signing in (not counting the sign-in page again).
 */
export async function webWorkload({ origin, password, log }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const counter = await meter(page);
    await page.goto(`${origin}/sign-in`);
    await page.locator('vigil-sign-in button[type="submit"]').waitFor();
    await page.waitForLoadState('networkidle');
    const signIn = await counter.take();

    await page.locator('vigil-sign-in input[type="email"]').fill(DEMO_EMAIL);
    await page.locator('vigil-sign-in input[type="password"]').fill(password);
    // Resource Timing restarts with the new document's entries only on a navigation: it is an SPA,
    // so the sign-in page's entries are still there; count the case list's as the difference.
    const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
    await page.locator('vigil-sign-in button[type="submit"]').click();
    await page.getByTestId('case-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const caseListBodies = await page.evaluate((from) => performance.getEntriesByType('resource').slice(from).reduce((sum, entry) => sum + entry.encodedBodySize, 0), before);
    const caseList = { ...(await counter.take()), encodedBody: caseListBodies };
    await context.close();
    const line = (name, t) => `  ${name}: ${t.transferred.toLocaleString('en-US')} bytes transferred in ${t.requests} responses (bodies ${t.encodedBody.toLocaleString('en-US')} encoded, ${t.decodedBody.toLocaleString('en-US')} decoded)`;
    log?.(line('sign-in page', signIn));
    log?.(line('then the case list', caseList));
    return { signIn, caseList, toCaseList: signIn.transferred + caseList.transferred };
  } finally {
    await browser.close();
  }
}
