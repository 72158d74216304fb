/**
 * Writes to one case run one after another in this process, so that their events reach live
 * delivery in seq order. A write spanning several cases (a batch of posts) waits for each.
 */
export class CaseWriteOrder {
  private readonly last = new Map<string, Promise<unknown>>();

  run<T>(caseIds: string[], work: () => Promise<T>): Promise<T> {
    const previous = caseIds.flatMap((id) => this.last.get(id) ?? []);
    const run = (previous.length ? Promise.allSettled(previous) : Promise.resolve()).then(work);
    for (const id of caseIds) this.last.set(id, run);
    const forget = () => caseIds.forEach((id) => this.last.get(id) === run && this.last.delete(id));
    run.then(forget, forget);
    return run;
  }
}
