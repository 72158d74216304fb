import { GroupCommit, type Settled } from './group-commit';

describe('GroupCommit', () => {
  it('commits items submitted in one turn together and the rest in the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstCommitted = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstCommitted;
      return items.map((item): Settled<number> => ({ ok: true, value: item * 10 }));
    });
    const first = [group.submit(1), group.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [group.submit(3), group.submit(4), group.submit(5)];
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('fails only the items that failed, and all of a batch whose commit throws', async () => {
    const group = new GroupCommit<number, number>(async (items) => {
      if (items.includes(99)) throw new Error('commit failed');
      return items.map((item): Settled<number> => (item % 2 ? { ok: true, value: item } : { ok: false, error: new Error(`odd only: ${item}`) }));
    });
    const results = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(3)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expect(group.submit(99)).rejects.toThrow('commit failed');
    // The group keeps working after a failed batch.
    await expect(group.submit(7)).resolves.toBe(7);
  });

  it('caps the size of a batch', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      return items.map((item): Settled<number> => ({ ok: true, value: item }));
    }, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((item) => group.submit(item)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('begins batches at most every minIntervalMs, so that items of separate turns share one', async () => {
    const batches: number[][] = [];
    const commit = async (items: number[]) => {
      batches.push(items);
      return items.map((item): Settled<number> => ({ ok: true, value: item }));
    };
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const submitInTurns = async (group: GroupCommit<number, number>) => {
      await group.submit(1); // an idle group commits at once
      const later = [group.submit(2)];
      await turn();
      await turn();
      later.push(group.submit(3));
      await Promise.all(later);
    };

    await submitInTurns(new GroupCommit(commit));
    expect(batches).toEqual([[1], [2], [3]]);

    batches.length = 0;
    await submitInTurns(new GroupCommit(commit, { minIntervalMs: 50 }));
    expect(batches).toEqual([[1], [2, 3]]);
  });
});
