import { UrlSegment } from '@angular/router';
import { casePageMatcher } from './case-routes';

const segments = (...paths: string[]) => paths.map((path) => new UrlSegment(path, {}));

describe('casePageMatcher', () => {
  it('matches a case, and a case with one of its tabs, as one route', () => {
    expect(casePageMatcher(segments('abc'))?.posParams).toEqual({ id: segments('abc')[0] });
    const withTab = casePageMatcher(segments('abc', 'tasks'));
    expect(withTab?.posParams?.['id'].path).toBe('abc');
    expect(withTab?.posParams?.['tab'].path).toBe('tasks');
  });

  it('leaves unknown tabs and deeper paths alone', () => {
    expect(casePageMatcher(segments('abc', 'secrets'))).toBeNull();
    expect(casePageMatcher(segments('abc', 'tasks', 'more'))).toBeNull();
    expect(casePageMatcher(segments())).toBeNull();
  });
});
