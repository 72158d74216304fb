import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CasesApi } from './cases-api';

describe('CasesApi', () => {
  let api: CasesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CasesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends every filter of the case list, and nothing for what does not narrow', async () => {
    const answer = firstValueFrom(
      api.list({
        q: '  TST-2026  ',
        status: ['registered', 'investigating'],
        placeId: 'p-1',
        facilityKind: 'police_station',
        overdue: true,
        assignedToMe: true,
        agencyId: 'a-1',
        sort: 'urgency',
        limit: 50,
        cursor: 'c-1',
      }),
    );
    const request = http.expectOne((req) => req.url === '/api/cases');
    expect(request.request.params.toString()).toBe(
      'q=TST-2026&status=registered,investigating&placeId=p-1&facilityKind=police_station&agencyId=a-1&overdue=true&assignedToMe=true&sort=urgency&limit=50&cursor=c-1',
    );
    request.flush({ items: [], nextCursor: null });
    await answer;

    void firstValueFrom(api.list({ q: '   ', status: [], overdue: false, sort: 'activity', limit: 50 }));
    http.expectOne((req) => req.url === '/api/cases' && req.params.toString() === 'limit=50').flush({ items: [], nextCursor: null });
  });

  it('adds and removes members, and verifies the record', async () => {
    const added = firstValueFrom(api.addMember('case-1', 'user-1'));
    const add = http.expectOne('/api/cases/case-1/members');
    expect(add.request.method).toBe('POST');
    expect(add.request.body).toEqual({ userId: 'user-1' });
    add.flush({ userId: 'user-1' });
    await added;

    const removed = firstValueFrom(api.removeMember('case-1', 'user-1'));
    const remove = http.expectOne('/api/cases/case-1/members/user-1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await removed;

    const verified = firstValueFrom(api.verify('case-1'));
    http.expectOne('/api/cases/case-1/verify').flush({ ok: true, headSeq: 214, firstBrokenSeq: null });
    expect(await verified).toEqual({ ok: true, headSeq: 214, firstBrokenSeq: null });
  });
});
