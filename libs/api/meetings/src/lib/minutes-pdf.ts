import { Injectable } from '@nestjs/common';
import type { Minutes, Tier } from '@vigil/contracts';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** pdfmake's server build: one shared printer, fonts by file path. */
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

// Resolved at run time from the installed packages (the server bundle leaves them out).
const load = createRequire(__filename);
const pdfmake = load('pdfmake') as PdfMake;
const FONTS = join(dirname(load.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** DejaVu Sans carries every Kazakh and Russian letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І); pdfmake's Roboto lacks some. */
pdfmake.setFonts({
  DejaVuSans: {
    normal: join(FONTS, 'DejaVuSans.ttf'),
    bold: join(FONTS, 'DejaVuSans-Bold.ttf'),
    italics: join(FONTS, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONTS, 'DejaVuSans-BoldOblique.ttf'),
  },
});
// The minutes name no resource: nothing is fetched or read but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS));

const TIER_LABEL: Record<Tier, string> = { room: 'room', state: 'state', oversight: 'oversight', prosecution: 'prosecution' };

/**
 * The minutes as a PDF, exactly the JSON the reader gets at their clearance (nothing else is read),
 * with the meeting's reference, the reader, the date and the chain's head on every page.
 */
@Injectable()
export class MinutesPdf {
  render(minutes: Minutes, reader: string, at = new Date()): Promise<Buffer> {
    const head = minutes.approvedHash ?? minutes.chainHead;
    const stamp = `${minutes.reference} · ${reader} (${minutes.clearance}) · ${at.toISOString().slice(0, 10)} · chain ${head}`;
    const content: object[] = [
      { text: minutes.title, style: 'title' },
      { text: `${minutes.reference} · ${minutes.scheduledAt.replace('T', ' ').slice(0, 16)} UTC${minutes.place ? ` · ${minutes.place}` : ''}` },
      { text: `Chair: ${minutes.chair.displayName} (${minutes.chair.agency.name})` },
      { text: `Status: ${minutes.status}${minutes.approvedAt ? `, approved ${minutes.approvedAt.replace('T', ' ').slice(0, 16)} UTC` : ', draft'}` },
      { text: 'Attendance', style: 'heading' },
      {
        ul: minutes.attendance.map(
          (p) => `${p.displayName}, ${p.agency.name}: ${p.attended ? `present${p.attendedAt ? ` from ${p.attendedAt.slice(11, 16)}` : ''}` : 'absent'}`,
        ),
      },
      { text: 'Speakers', style: 'heading' },
      minutes.speakers.length === 0 ? { text: '—' } : {
        ul: minutes.speakers.map(
          (s) => `${s.displayName}: asked ${s.requestedAt.slice(11, 16)}${s.startedAt ? `, spoke ${s.startedAt.slice(11, 16)}–${s.endedAt?.slice(11, 16) ?? '…'}` : ', did not speak'}`,
        ),
      },
      { text: 'Agenda', style: 'heading' },
    ];
    for (const item of minutes.items) {
      content.push({ text: `${item.position}. ${item.caseReference ?? item.topic ?? ''} [${TIER_LABEL[item.tier]}]`, style: 'item' });
      for (const note of item.notes) content.push({ text: `Note [${TIER_LABEL[note.tier]}] ${note.by}: ${note.body}`, margin: [12, 2, 0, 2] });
      for (const decision of item.decisions) {
        content.push({ text: `Decision [${TIER_LABEL[decision.tier]}]: ${decision.text ?? ''}`, bold: true, margin: [12, 4, 0, 2] });
        for (const action of decision.actionItems) {
          const receipt = action.receipt ? `acknowledged ${action.acknowledgedAt?.slice(0, 16).replace('T', ' ')} by ${action.acknowledgedBy?.displayName}, receipt ${action.receipt}` : action.status;
          content.push({ text: `→ ${action.title} — ${action.assigneeAgency.name}${action.assigneeUser ? ` (${action.assigneeUser.displayName})` : ''}, due ${action.dueAt.slice(0, 10)}: ${receipt}`, margin: [24, 1, 0, 1], fontSize: 9 });
        }
      }
    }
    return pdfmake
      .createPdf({
        info: { title: `${minutes.reference} minutes`, author: 'Vigil' },
        pageSize: 'A4',
        pageMargins: [40, 60, 40, 50],
        defaultStyle: { font: 'DejaVuSans', fontSize: 10 },
        styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] }, item: { bold: true, margin: [0, 6, 0, 2] } },
        header: () => ({ text: stamp, fontSize: 7, margin: [40, 20, 40, 0] }),
        footer: (page: number, pages: number) => ({ text: `${stamp} · ${page}/${pages}`, fontSize: 7, margin: [40, 10, 40, 0] }),
        content,
      })
      .getBuffer();
  }
}
