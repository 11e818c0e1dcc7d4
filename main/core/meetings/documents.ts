import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { formFamily } from '../../../shared/domain/legal-form';
import { isMembersMeeting, MEETING_KIND_LABEL, type MeetingKind } from '../../../shared/contract/meetings';
import type { CommandContext, ReadDb, RegisterCtx } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { command, job, type HandlerFor } from '../handler';
import { exportStore } from '../exports/register-export';
import { toRules } from '../organisation/handlers';
import { PROXY_MAX_HOURS, proxyDeadlineFromRules } from '../../../shared/rules/proxy-deadline';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { boardNoticeDocx, boardNoticePdf, checkPaper, generalNoticeDocx, generalNoticePdf } from './print/index';
import { PAPER_MIME } from './print/paper-type';
import type { MeetingHeading, NoticeRecipient, PackItem } from './print/index';
import { buildBoardPackInWorker } from './pack-thread';
import { directorsOn, committeeMembersOn } from './people';
import { orderItems } from './quorum';
import type { AgendaItemRow, MeetingRow, PaperKind } from './tables';
import { meetingView, ukPartOf } from './view';

/**
 * The meeting's files: papers kept inside the database file with their SHA-256 (never a path to
 * a file elsewhere), read back for download, and the documents produced from the meeting's
 * records — the board pack, and the notice as PDF or Word.
 */

const MIME = PAPER_MIME;
const PDF = 'application/pdf';
const DOCX = MIME.docx;

/** Above this many recipients the notice's appendix gives the numbers by method, not every name (a PDF of 20,000 pages helps nobody). */
export const NOTICE_LIST_LIMIT = 5000;

async function meetingRow(db: ReadDb, organisationId: string, id: string, field = 'id'): Promise<MeetingRow> {
  const m = await db.selectFrom('meeting').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!m) throw AppError.field(field, 'That meeting is not on record.');
  return m;
}

async function isSealed(db: ReadDb, meetingId: string): Promise<boolean> {
  return (await db.selectFrom('minutes').select('id').where('meeting_id', '=', meetingId).where('status', '=', 'signed').where('corrects_minutes_id', 'is', null).executeTakeFirst()) !== undefined;
}

function heading(rc: RegisterCtx, m: MeetingRow): MeetingHeading {
  return {
    organisationName: rc.org.name,
    title: m.title,
    kind: m.kind,
    date: m.held_on,
    startTime: m.starts_at,
    endTime: m.ends_at,
    place: m.place,
    electronicMeans: m.electronic_means,
  };
}

/** A file name safe on every system: "Board meeting 2026-03-10 board pack.pdf". */
function fileNameFor(m: MeetingRow, what: string, ext: string): string {
  const base = `${m.title} ${m.held_on} ${what}`.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return `${base}.${ext}`;
}

export const attachPaper: HandlerFor<'meetings.attachPaper'> = command(async (input, ctx) => {
  const rc = await ctx.register();
  const item = await ctx.db
    .selectFrom('agenda_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select(['i.id', 'i.meeting_id', 'i.title', 'm.organisation_id', 'm.status'])
    .where('i.id', '=', input.agendaItemId)
    .executeTakeFirst();
  if (!item || item.organisation_id !== rc.org.id) throw AppError.field('agendaItemId', 'That agenda item is not on record.');
  if (await isSealed(ctx.db, item.meeting_id)) {
    throw AppError.field('agendaItemId', 'The minutes of this meeting are signed and sealed, so its papers cannot change (CA 2006 s248, s355, s1138).');
  }
  const upload = ctx.uploads.take(input.uploadId, 'paper');
  let bytes: Buffer;
  try {
    bytes = readFileSync(upload.path);
  } finally {
    rmSync(upload.path, { force: true });
  }
  // The contents decide the type, not the name: a Word file renamed .pdf is refused here.
  const check = checkPaper(upload.fileName, bytes);
  if (!check.ok) throw AppError.field('uploadId', check.message);
  const kind = check.kind as PaperKind;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const title = input.title ?? upload.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  await ctx.write(async (tx) => {
    const now = tx.who.at;
    let doc = await tx.db.selectFrom('document').select('id').where('organisation_id', '=', rc.org.id).where('sha256', '=', sha256).executeTakeFirst();
    const records = [];
    if (!doc) {
      doc = { id: uuidv7() };
      await tx.db.insertInto('document').values({ id: doc.id, organisation_id: rc.org.id, sha256, size: bytes.length, media_type: MIME[kind], bytes, created_at: now }).execute();
      records.push({ type: 'document', id: doc.id });
    }
    const last = await tx.db.selectFrom('paper').select((eb) => eb.fn.max('position').as('p')).where('agenda_item_id', '=', item.id).executeTakeFirst();
    const paperId = uuidv7();
    await tx.db
      .insertInto('paper')
      .values({ id: paperId, agenda_item_id: item.id, document_id: doc.id, title, file_name: upload.fileName, kind, position: (last?.p ?? 0) + 1, created_at: now })
      .execute();
    tx.audit({
      action: 'paper.attached',
      entityType: 'paper',
      entityId: paperId,
      summary: `Paper “${title}” (${upload.fileName}, ${(bytes.length / 1024).toFixed(0)} KB, SHA-256 ${sha256.slice(0, 12)}…) attached to “${item.title}”`,
      after: { agendaItemId: item.id, title, fileName: upload.fileName, kind, sha256, size: bytes.length },
      records: [{ type: 'paper', id: paperId }, ...records],
    });
  });
  return meetingView(ctx.db, rc.org, item.meeting_id, rc.today);
});

export const readPaper: HandlerFor<'meetings.readPaper'> = command(async (input, ctx) => {
  const rc = await ctx.register();
  const row = await ctx.db
    .selectFrom('paper as p')
    .innerJoin('document as d', 'd.id', 'p.document_id')
    .select(['p.file_name', 'p.kind', 'd.bytes', 'd.sha256', 'd.organisation_id'])
    .where('p.id', '=', input.id)
    .executeTakeFirst();
  if (!row || row.organisation_id !== rc.org.id) throw new AppError('NOT_FOUND', 'That paper is not on record.');
  const bytes = Buffer.from(row.bytes);
  // A paper whose bytes no longer match the hash recorded when it was attached has been altered in the file.
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('CONFLICT', `The stored copy of ${row.file_name} no longer matches the SHA-256 recorded when it was attached; the file may have been altered outside the app. Run Verify in Settings › Audit log.`);
  }
  const file = exportStore(ctx).create(row.file_name, MIME[row.kind]);
  try {
    writeFileSync(file.path, bytes);
    const meta = file.commit();
    return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes };
  } catch (e) {
    file.discard();
    throw e;
  }
});

/**
 * The agenda as the notice prints it: items in order with their sub-items. Papers are left empty:
 * the board pack reads them (and their bytes) on its worker thread (pack-worker.ts).
 */
async function packItems(db: ReadDb, meetingId: string): Promise<PackItem[]> {
  const items = orderItems(await db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId).execute());
  const toItem = (i: AgendaItemRow): PackItem => ({
    title: i.title,
    presenter: i.presenter,
    purpose: i.purpose,
    minutesAllotted: i.minutes_allotted,
    startsAt: null,
    papers: [],
  });
  const top = items.filter((i) => i.parent_id === null);
  return top.map((t) => ({ ...toItem(t), children: items.filter((c) => c.parent_id === t.id).map(toItem) }));
}

export const boardPack: HandlerFor<'meetings.boardPack'> = job(async (input, ctx) => {
  const rc = await ctx.register();
  const m = await meetingRow(ctx.db, rc.org.id, input.id);
  // Cancellable: the worker is terminated on the job's signal and the half-written file discarded.
  return ctx.startJob({ label: `Board pack for ${m.title}, ${formatLegalDate(m.held_on)}`, cancellable: true }, async (j) => {
    // Built on a worker thread that reads the papers from the file itself (pack-thread.ts), so a
    // pack of hundreds of pages never holds up the window. The snapshot holds the file meanwhile:
    // a restore waits for the pack rather than replacing the file under the worker.
    const hold = await ctx.store.openSnapshot();
    const file = exportStore(ctx).create(fileNameFor(m, 'board pack', 'pdf'), PDF);
    try {
      const { pages } = await buildBoardPackInWorker({
        dbPath: ctx.store.dbPath,
        meetingId: m.id,
        meeting: heading(rc, m),
        issuedOn: rc.today,
        outPath: file.path,
        onProgress: (done, total) => j.progress(done, total),
        signal: j.signal,
      });
      const meta = file.commit();
      return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, pages };
    } catch (e) {
      // A failed or cancelled pack leaves no file behind (the worker has stopped by now).
      file.discard();
      throw e;
    } finally {
      await hold.close();
    }
  });
});

/**
 * Who a notice goes to, and how, as the register stood on the day it was sent (or today, before
 * it is sent).
 *
 * Board and committee meetings: each director (or committee member) on that day. Notice of a
 * directors' meeting must be given to each director but need not be in writing (Model Articles
 * for private companies, art 9(3); a society's rules say how its board is called), and the app
 * holds no officer's e-mail address, so no method or address is given for them: the notice names
 * who was given notice, not a channel the app cannot vouch for.
 *
 * General and class meetings: each member on that day (of the class, for a class meeting).
 * - A company may send a document in electronic form only to a person who has agreed, generally
 *   or specifically, that it may be sent that way and has not revoked that agreement (CA 2006
 *   s1144(2), Sch 5 Part 3 para 6), and only to an address they specified for the purpose (para
 *   7). So a member gets the notice by e-mail only if the register records an e-mail address and
 *   an agreement given on or before the day of sending that was not revoked on or before it
 *   (member.electronic_comms_agreed_on / _revoked_on, migration 0011). Everyone else gets it in
 *   hard copy by post to their address in the register of members (Sch 5 Part 2 para 4(1)(c));
 *   the register requires an address line and a town, so post is always possible.
 * - A co-operative or community benefit society gives notice as its registered rules provide;
 *   company law does not apply. The app applies the same test, which is the safe reading of rules
 *   that allow notice by e-mail to members who have agreed to it: by e-mail only where the
 *   member's agreement is on record and stands on the day, by post to the registered address
 *   otherwise. The free-text `email_purposes` a society records (CCBS Act 2014 s30) is not read
 *   as an agreement.
 */
async function recipients(ctx: CommandContext, rc: RegisterCtx, m: MeetingRow, on: string): Promise<NoticeRecipient[]> {
  if (m.kind === 'board' || m.kind === 'committee') {
    const people = m.kind === 'committee' && m.committee_id ? await committeeMembersOn(ctx.db, m.committee_id, on) : await directorsOn(ctx.db, rc.org.id, on);
    return people.map((p) => ({ name: p.name, method: null, address: null }));
  }
  let q = ctx.db
    .selectFrom('member')
    .select(['given_names', 'family_name', 'email', 'electronic_comms_agreed_on', 'electronic_comms_revoked_on', 'address_line1', 'address_line2', 'address_town', 'address_postcode', 'address_country'])
    .where('organisation_id', '=', rc.org.id)
    .where('admitted_on', '<=', on)
    .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
    .orderBy('sort_key');
  if (m.kind === 'class' && m.class_id) q = q.where('class_id', '=', m.class_id);
  const rows = await q.execute();
  return rows.map((r) => {
    const name = `${r.given_names} ${r.family_name}`.trim();
    const agreed = r.electronic_comms_agreed_on !== null && r.electronic_comms_agreed_on <= on;
    const revoked = r.electronic_comms_revoked_on !== null && r.electronic_comms_revoked_on <= on;
    const byEmail = r.email !== null && r.email !== '' && agreed && !revoked;
    const address = byEmail ? r.email! : [r.address_line1, r.address_line2, r.address_town, r.address_postcode, r.address_country].filter(Boolean).join(', ');
    return { name, method: byEmail ? 'email' : 'post', address };
  });
}

async function secretaryName(db: ReadDb, organisationId: string, on: string): Promise<string> {
  const s = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'secretary')
    .where('a.appointed_on', '<=', on)
    .where((eb) => eb.or([eb('a.ceased_on', 'is', null), eb('a.ceased_on', '>=', on)]))
    .executeTakeFirst();
  return s ? `${s.given_names} ${s.family_name}` : 'The Secretary';
}

export const notice: HandlerFor<'meetings.notice'> = job(async (input, ctx) => {
  const rc = await ctx.register();
  const m = await meetingRow(ctx.db, rc.org.id, input.id);
  if (m.status === 'cancelled') throw AppError.field('id', 'This meeting was cancelled; there is no notice to produce.');
  const on = m.notice_sent_at ? m.notice_sent_at.slice(0, 10) : rc.today;
  return ctx.startJob({ label: `Notice of ${m.title}, ${formatLegalDate(m.held_on)}` }, async (j) => {
    j.progress(0, 3);
    const all = await recipients(ctx, rc, m, on);
    const distribution = all.length > NOTICE_LIST_LIMIT ? [] : all;
    j.progress(1, 3);
    const secretary = await secretaryName(ctx.db, rc.org.id, on);
    let bytes: Uint8Array;
    if (isMembersMeeting(m.kind as MeetingKind)) {
      const rulesRow = await ctx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
      const rules = toRules(rulesRow, rc.legalForm as LegalForm);
      const resolutions = await ctx.db.selectFrom('resolution').selectAll().where('meeting_id', '=', m.id).orderBy('position').execute();
      const family = formFamily(rc.legalForm);
      const meetingAt = `${m.held_on}T${m.starts_at}`;
      const part = ukPartOf(rc.org);
      // The deadline the rules set, never earlier than the law allows (CA 2006 s327(2)).
      const hours = family === 'company' ? Math.min(rules.proxyDeadlineHours, PROXY_MAX_HOURS) : rules.proxyDeadlineHours;
      const deadline = rules.proxiesAllowed ? proxyDeadlineFromRules(meetingAt, hours, part) : null;
      const cls = m.class_id ? await ctx.db.selectFrom('membership_class').select('name').where('id', '=', m.class_id).executeTakeFirst() : undefined;
      const model = {
        organisation: {
          name: rc.org.name,
          family,
          hasShareCapital: rc.form.hasShares,
          registeredNumber: rc.org.registration_number,
          registeredOffice: [rc.org.office_line1, rc.org.office_line2, rc.org.office_town, rc.org.office_postcode].filter(Boolean).join(', '),
        },
        meeting: { ...heading(rc, m), kind: m.kind as 'annual_general' | 'general' | 'class', className: cls?.name ?? null },
        business: all.length > NOTICE_LIST_LIMIT ? [`This notice went to ${all.length.toLocaleString('en-GB')} members: ${all.filter((r) => r.method === 'email').length.toLocaleString('en-GB')} by e-mail and ${all.filter((r) => r.method === 'post').length.toLocaleString('en-GB')} by post, as the register stood on ${formatLegalDate(on)}. The full list is kept with the register.`] : [],
        resolutions: resolutions.map((r) => ({ kind: r.kind, text: r.text, explanatoryNote: r.explanatory_note })),
        proxy: { allowed: rules.proxiesAllowed, deadline, lodgeWith: `the Secretary at the registered office` },
        noticeDate: on,
        secretaryName: secretary,
        distribution,
      };
      bytes = input.format === 'pdf' ? await generalNoticePdf(model) : await generalNoticeDocx(model);
    } else {
      const items = (await packItems(ctx.db, m.id)).map(({ papers: _p, children, ...rest }) => ({ ...rest, children: children?.map(({ papers: _q, children: _c, ...c }) => c) }));
      const model = { meeting: heading(rc, m), items, noticeDate: on, secretaryName: secretary, distribution };
      bytes = input.format === 'pdf' ? await boardNoticePdf(model) : await boardNoticeDocx(model);
    }
    j.progress(2, 3);
    const file = exportStore(ctx).create(fileNameFor(m, 'notice', input.format), input.format === 'pdf' ? PDF : DOCX);
    try {
      writeFileSync(file.path, bytes);
      const meta = file.commit();
      // Producing the notice discloses the list of members it goes to: the log records that it was produced and for how many.
      await ctx.write(async (tx) => {
        tx.audit({
          action: 'meeting.notice_produced',
          entityType: 'meeting',
          entityId: m.id,
          summary: `Notice of ${MEETING_KIND_LABEL[m.kind as MeetingKind].toLowerCase()} on ${formatLegalDate(m.held_on)} produced as ${input.format.toUpperCase()} for ${all.length.toLocaleString('en-GB')} recipients`,
          after: { format: input.format, recipients: all.length, on },
        });
      });
      j.progress(3, 3);
      return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, recipients: all.length };
    } catch (e) {
      file.discard();
      throw e;
    }
  });
});
