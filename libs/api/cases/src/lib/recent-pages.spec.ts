import type { EventsPage } from '@vigil/contracts';
import { RecentPages } from './recent-pages';

const page = (headSeq: number): EventsPage => ({ items: [], headSeq, hasMore: false });

describe('RecentPages', () => {
  it('shares one read between identical requests, at the same clearance only', async () => {
    const pages = new RecentPages();
    const read = jest.fn(async () => page(5));
    const together = await Promise.all([pages.get('case', 'room|0', read), pages.get('case', 'room|0', read)]);
    expect(together).toEqual([page(5), page(5)]);
    expect(await pages.get('case', 'room|0', read)).toEqual(page(5));
    await pages.get('case', 'state|0', read);
    expect(read).toHaveBeenCalledTimes(2); // one per clearance
  });

  it('reads again once the case has a new event', async () => {
    const pages = new RecentPages();
    await pages.get('case', 'room|0', async () => page(5));
    pages.appended('case');
    expect(await pages.get('case', 'room|0', async () => page(6))).toEqual(page(6));
  });

  it('does not share a failed read', async () => {
    const pages = new RecentPages();
    await expect(pages.get('case', 'room|0', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await pages.get('case', 'room|0', async () => page(7))).toEqual(page(7));
  });
});
