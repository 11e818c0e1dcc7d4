import { addDays } from '../../shared/rules/legal-date';
import type { Core } from '../core/core';

/**
 * Two years of meetings for the sample organisation, built through the app's own services
 * (core.dispatch) so that demos, benchmarks and `npm run cli -- verify` meet real records: board
 * meetings every two months, an audit and risk committee each quarter and an AGM each year
 * (notice recorded, resolutions set out, one of them special), with agendas, attendance, decisions
 * (one carried on the chair's casting vote), actions (some overdue) and minutes drafted,
 * circulated, approved and signed for every meeting but the most recent, whose minutes stay a draft.
 *
 * Where a method is not built yet (the area is being built in parallel) the step is skipped
 * with a line in the log and the rest goes ahead; run the sample again when it lands.
 */
export interface SampleMeetingsResult {
  meetings: number;
  decisions: number;
  actions: number;
  signedMinutes: number;
  skipped: string[];
}

interface Person {
  officerId: string;
  name: string;
}

type Outcome = { ok: true; value: any } | { ok: false; message: string };

export async function buildSampleMeetings(core: Core, opts: { today: string; log: (line: string) => void }): Promise<SampleMeetingsResult> {
  const { today, log } = opts;
  const skipped = new Set<string>();
  const result: SampleMeetingsResult = { meetings: 0, decisions: 0, actions: 0, signedMinutes: 0, skipped: [] };
  /** A call that must work: anything but "not built yet" stops the sample with the app's message. */
  const d = async (method: string, input: unknown): Promise<any> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
    return r.value;
  };
  /** A call whose method may not be built yet: skipped with one log line per method. */
  const maybe = async (method: string, input: unknown): Promise<Outcome> => {
    const r = await core.dispatch(method, input);
    if (r.ok) return { ok: true, value: r.value };
    if (/not built yet/i.test(r.error.message)) {
      if (!skipped.has(method)) log(`  Skipped ${method}: not built yet (run the sample again once it is).`);
      skipped.add(method);
      return { ok: false, message: r.error.message };
    }
    throw new Error(`${method}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
  };

  const officers = (await d('officers.list', { status: 'current' })) as {
    id: string;
    givenNames: string;
    familyName: string;
    appointments: { role: string; ceasedOn: string | null }[];
  }[];
  const directors: Person[] = officers
    .filter((o) => o.appointments.some((a) => a.role === 'director' && a.ceasedOn === null))
    .map((o) => ({ officerId: o.id, name: `${o.givenNames} ${o.familyName}` }));
  if (directors.length < 3) {
    log('  No meetings: the sample board has fewer than three directors.');
    return result;
  }
  const chairRow = officers.find((o) => o.appointments.some((a) => a.role === 'chair' && a.ceasedOn === null));
  const chair = directors.find((x) => x.officerId === chairRow?.id) ?? directors[0]!;

  // The audit and risk committee: three of the directors, formed before the first meeting.
  const start = addDays(today, -730);
  const committeeSeats = directors.filter((x) => x !== chair).slice(0, 3);
  const committee = await maybe('committees.create', {
    name: 'Audit and risk committee',
    terms: 'Oversees financial reporting, internal control, risk management and the external audit. The quorum is two members.',
    formedOn: addDays(start, -30),
    officerIds: committeeSeats.map((s) => s.officerId),
  });

  // Members who can attend general meetings: admitted before the first AGM, in a voting class.
  const classes = (await d('classes.list', {})) as { id: string; votingRights: string }[];
  const voting = new Set(classes.filter((c) => c.votingRights !== 'none').map((c) => c.id));
  const memberRows = ((await d('members.list', { sort: 'number', status: 'current', limit: 200 })).rows as { id: string; classId: string; admittedOn: string }[]).filter(
    (m) => voting.has(m.classId) && m.admittedOn < addDays(start, 60),
  );

  // The calendar: board every two months, committee each quarter, AGM each July.
  type Kind = 'board' | 'committee' | 'annual_general';
  const plan: { kind: Kind; heldOn: string }[] = [];
  for (let k = 0; k < 12; k++) plan.push({ kind: 'board', heldOn: addDays(start, 20 + k * 61) });
  if (committee.ok) for (let k = 0; k < 8; k++) plan.push({ kind: 'committee', heldOn: addDays(start, 45 + k * 91) });
  for (let k = 0; k < 2; k++) plan.push({ kind: 'annual_general', heldOn: addDays(start, 230 + k * 365) });
  const calendar = plan.filter((p) => p.heldOn < today).sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1));
  const mostRecent = calendar.at(-1)!;

  log(`Holding ${calendar.length} meetings over two years (board every two months, the audit and risk committee each quarter, an AGM each year)…`);
  /** The previous meeting of the same body, whose minutes this one approves. */
  const previous = new Map<Kind, { meetingId: string; minutesId: string | null; heldOn: string }>();
  let boardCount = 0;
  for (const entry of calendar) {
    const isBoard = entry.kind === 'board';
    const isCommittee = entry.kind === 'committee';
    const seats = isCommittee ? committeeSeats : directors;
    const meetingChair = isCommittee ? committeeSeats[0]! : chair;
    const created = await maybe('meetings.create', {
      kind: entry.kind,
      ...(isCommittee && committee.ok ? { committeeId: committee.value.id } : {}),
      heldOn: entry.heldOn,
      startsAt: entry.kind === 'annual_general' ? '18:30' : '18:00',
      endsAt: entry.kind === 'annual_general' ? '20:00' : '20:30',
      place: 'Unit 4, Mill Yard, Water Lane, Leeds LS11 5WD',
      electronicMeans: 'Microsoft Teams (link in the calendar invitation)',
      chairOfficerId: meetingChair.officerId,
      standardItems: true,
    });
    if (!created.ok) break; // without meetings there is nothing more to build
    let view = created.value;
    const meetingId: string = view.meeting.id;
    result.meetings += 1;
    const itemId = (standard: string) => (view.items as { id: string; standard: string | null }[]).find((i) => i.standard === standard)?.id;
    let after = itemId('matters_arising');
    const add = async (title: string, purpose: string, extra: Record<string, unknown> = {}) => {
      const r = await maybe('meetings.addItem', { meetingId, title, purpose, presenter: meetingChair.name, minutesAllotted: 15, ...(after && !extra.parentId ? { afterId: after } : {}), ...extra });
      if (!r.ok) return undefined;
      view = r.value;
      const added = (view.items as { id: string; title: string }[]).filter((i) => i.title === title).at(-1)!;
      if (!extra.parentId) after = added.id;
      return added.id as string;
    };

    // The agenda.
    const items: Record<string, string | undefined> = {};
    const resolutions: { id: string; kind: 'ordinary' | 'special'; itemId?: string }[] = [];
    if (isBoard) {
      items.ceo = await add('Chief executive’s report', 'information', { presenter: 'Chief executive' });
      items.finance = await add('Finance report and management accounts', 'decision', { presenter: 'Finance director' });
      items.council = await add('Adult social care contract with Leeds City Council', 'decision', { relatedOrganisation: 'Leeds City Council' });
      items.risk = await add('Risk register', 'discussion');
      if (items.risk) items.safeguarding = await add('Safeguarding risks', 'discussion', { parentId: items.risk });
      items.policy = await add('Policies for approval', 'decision');
    } else if (isCommittee) {
      items.audit = await add('External audit plan and fees', 'decision', { presenter: 'External auditor' });
      items.internal = await add('Internal audit report', 'discussion');
      items.hospice = await add('Partnership with Riverside Hospice', 'decision', { relatedOrganisation: 'Riverside Hospice' });
    } else {
      items.accounts = await add('Annual report and accounts', 'decision');
      items.auditor = await add('Appointment of the auditor', 'decision');
      items.rules = await add('Amendment of the rules', 'decision');
      const texts: [string, 'ordinary' | 'special', string | undefined][] = [
        [`To receive the annual report and accounts for the year ended 31 March ${entry.heldOn.slice(0, 4)}.`, 'ordinary', items.accounts],
        ['To re-appoint Calder & Co as auditor until the end of the next general meeting at which accounts are laid.', 'ordinary', items.auditor],
        ['That the rules be amended by adding a new rule 14A allowing members to attend general meetings by electronic means.', 'special', items.rules],
      ];
      for (const [text, kind, agendaItemId] of texts) {
        const r = await maybe('meetings.addResolution', { meetingId, kind, text, ...(agendaItemId ? { agendaItemId } : {}) });
        if (!r.ok) break;
        view = r.value;
        const res = (view.resolutions as { id: string; text: string }[]).find((x) => x.text === text)!;
        resolutions.push({ id: res.id, kind, itemId: agendaItemId });
      }
      // Notice, once the resolutions are set out: three weeks ahead, by e-mail (members who agreed to electronic communications).
      const notice = await maybe('meetings.recordNotice', { id: meetingId, sentAt: `${addDays(entry.heldOn, -24)}T10:00`, method: 'electronic' });
      if (notice.ok) view = notice.value;
    }

    // Attendance.
    const present = new Set<string>();
    if (entry.kind === 'annual_general') {
      for (const [i, m] of memberRows.slice(0, 14).entries()) {
        const r = await maybe('meetings.setAttendance', { meetingId, memberId: m.id, status: i % 5 === 4 ? 'present_electronically' : 'present' });
        if (!r.ok) break;
        view = r.value;
      }
      await maybe('meetings.addAttendee', { meetingId, role: 'in_attendance', name: 'Calder & Co (auditor)', capacity: 'Auditor' });
    } else {
      for (const [i, s] of seats.entries()) {
        // One apology in rotation; one director joins by video; at one board meeting a director leaves early.
        const apologies = seats.length > 3 && i === (result.meetings % seats.length) && s !== meetingChair;
        const status = apologies ? 'apologies' : i === 1 ? 'present_electronically' : 'present';
        const leaves = isBoard && boardCount === 3 && i === seats.length - 1 && !apologies;
        const r = await maybe('meetings.setAttendance', { meetingId, officerId: s.officerId, status, ...(leaves ? { leftAt: '20:05' } : {}) });
        if (!r.ok) break;
        view = r.value;
        // Items are not timed, so one who left is judged as gone for every item: they cast no votes.
        if (!apologies && !leaves) present.add(s.officerId);
      }
      await maybe('meetings.addAttendee', { meetingId, role: 'in_attendance', name: 'Ngozi Adeyemi', capacity: 'Company secretary (minutes)' });
    }
    await maybe('meetings.setStatus', { id: meetingId, status: 'held' });

    // Decisions.
    const decide = async (agendaItemId: string | undefined, input: Record<string, unknown>) => {
      if (!agendaItemId) return undefined;
      // Directors with a declared interest in the item's organisation take no part (Model Articles art 14).
      const conflicted = new Set(((view.items as { id: string; conflicted: { officerId: string }[] }[]).find((i) => i.id === agendaItemId)?.conflicted ?? []).map((c) => c.officerId));
      if (Array.isArray(input.votes)) input.votes = (input.votes as { officerId: string; vote: string }[]).map((v) => (conflicted.has(v.officerId) ? { ...v, vote: 'recused' } : v));
      const r = await maybe('decisions.record', { agendaItemId, ...input });
      if (!r.ok) return undefined;
      result.decisions += 1;
      return r.value as { id: string; outcome: string };
    };
    const named = (choice: (s: Person, i: number) => 'for' | 'against' | 'abstain' | 'recused') =>
      seats.filter((s) => present.has(s.officerId)).map((s, i) => ({ officerId: s.officerId, vote: choice(s, i) }));
    const prev = previous.get(entry.kind);
    let approval: { id: string } | undefined;
    if (entry.kind !== 'annual_general') {
      if (prev) approval = await decide(itemId('previous_minutes'), { kind: 'board', text: 'The minutes of the previous meeting were approved as a true record and the chair was authorised to sign them.', votes: named(() => 'for') });
      if (isBoard) {
        await decide(items.finance, { kind: 'board', text: 'The management accounts for the period were approved.', proposer: chair.name, votes: named(() => 'for') });
        await decide(items.council, {
          kind: 'board',
          text: 'The variation to the adult social care contract with Leeds City Council was approved.',
          proposer: chair.name,
          votes: named(() => 'for'), // the council's nominee, who declared an interest, is recorded as recused
        });
        if (boardCount === 2) {
          // A tied vote decided by the chair's casting vote (Model Articles art 13; the rules give the chair one).
          const voters = seats.filter((s) => present.has(s.officerId)).map((s) => s.officerId);
          const d2 = await decide(items.policy, { kind: 'board', text: 'The board agreed to tender the catering contract rather than extend it for a further year.', proposer: chair.name, votes: evenTie(voters, chair.officerId), castingVote: 'for' });
          if (d2 && !d2.outcome.includes('casting')) log(`  Note: the tied vote came out as ${d2.outcome}, not on the casting vote.`);
        } else {
          await decide(items.policy, { kind: 'board', text: 'The revised safeguarding and whistleblowing policies were adopted.', votes: named(() => 'for') });
        }
      } else {
        await decide(items.audit, { kind: 'board', text: 'The external audit plan and fee were agreed.', votes: named(() => 'for') });
        await decide(items.hospice, { kind: 'board', text: 'The committee recommended the renewal of the partnership with Riverside Hospice to the board.', votes: named(() => 'for') });
      }
    } else {
      for (const res of resolutions) {
        const special = res.kind === 'special';
        await decide(res.itemId, {
          kind: res.kind,
          method: 'show_of_hands',
          resolutionId: res.id,
          text: special ? 'Special resolution: the amendment of the rules was passed.' : 'Ordinary resolution passed.',
          votesFor: special ? 12 : 13,
          votesAgainst: special ? 2 : 1,
          votesAbstain: 0,
          ...(view.quorum && !view.quorum.quorate ? { recordNotQuorate: true } : {}),
        });
      }
    }

    // Actions: two from each board and committee meeting, due a month on; older ones done, two left overdue.
    if (entry.kind !== 'annual_general') {
      const owners = seats.slice(0, 2);
      for (const [i, owner] of owners.entries()) {
        const dueOn = addDays(entry.heldOn, 30 + i * 14);
        const r = await maybe('actions.create', {
          meetingId,
          ...(items.finance ?? items.audit ? { agendaItemId: i === 0 ? (items.finance ?? items.audit) : (items.risk ?? items.internal) } : {}),
          description: i === 0 ? 'Circulate the revised cash-flow forecast to the board' : 'Report back on the actions from the risk review',
          ownerOfficerId: owner.officerId,
          dueOn,
        });
        if (!r.ok) break;
        result.actions += 1;
        const leaveOverdue = (isBoard && boardCount === 9 && i === 0) || (isCommittee && entry.heldOn > addDays(today, -200) && i === 1);
        if (dueOn < addDays(today, -30) && !leaveOverdue) await maybe('actions.close', { id: r.value.id, status: 'done', closedOn: addDays(dueOn, -2), note: 'Done; reported at the next meeting.' });
      }
    }

    // The previous meeting of this body: approved by this meeting's decision, then signed by the chair.
    if (prev?.minutesId) {
      const approvedOn = entry.heldOn;
      const ok = await maybe('minutes.approve', { id: prev.minutesId, ...(approval ? { decisionId: approval.id } : { inWriting: true }), approvedOn });
      if (ok.ok) {
        const signed = await maybe('minutes.sign', { id: prev.minutesId, signedBy: (entry.kind === 'committee' ? committeeSeats[0]! : chair).name, signedOn: approvedOn });
        if (signed.ok) result.signedMinutes += 1;
      }
    }

    // This meeting's minutes: drafted and circulated a week later.
    let minutesId: string | null = null;
    const draft = await maybe('minutes.draft', { meetingId });
    if (draft.ok) {
      minutesId = draft.value.id;
      if (entry !== mostRecent && addDays(entry.heldOn, 7) <= today) await maybe('minutes.circulate', { id: minutesId, circulatedOn: addDays(entry.heldOn, 7) });
    }
    previous.set(entry.kind, { meetingId, minutesId, heldOn: entry.heldOn });
    if (isBoard) boardCount += 1;
  }

  // The last meeting of each body but the most recent: the board approves the minutes in writing and the chair signs.
  for (const [kind, last] of previous) {
    if (!last.minutesId || last.meetingId === undefined || (kind === mostRecent.kind && last.heldOn === mostRecent.heldOn)) continue;
    const approvedOn = addDays(last.heldOn, 10) <= today ? addDays(last.heldOn, 10) : today;
    const ok = await maybe('minutes.approve', { id: last.minutesId, inWriting: true, approvedOn });
    if (!ok.ok) continue;
    const signed = await maybe('minutes.sign', { id: last.minutesId, signedBy: (kind === 'committee' ? committeeSeats[0]! : chair).name, signedOn: approvedOn });
    if (signed.ok) result.signedMinutes += 1;
  }

  // A board written resolution (Model Articles art 8: all eligible directors agree in writing),
  // where the governing rules allow one: a society's default rules do not (the Act is silent).
  const rules = (await d('rules.get', {})) as { values: { boardWrittenResolutions: boolean } };
  const wr = rules.values.boardWrittenResolutions ? await maybe('writtenResolutions.circulate', {
    body: 'board',
    text: 'That the mutual opens a second bank account with Yorkshire Building Society for its reserves.',
    circulatedOn: addDays(today, -20),
  }) : null;
  if (wr?.ok) {
    for (const s of wr.value.signatories as { id: string }[]) {
      const r = await maybe('writtenResolutions.recordAgreement', { id: wr.value.id, signatoryId: s.id, agreedOn: addDays(today, -18) });
      if (!r.ok) break;
    }
  }

  result.skipped = [...skipped];
  log(
    `  ${result.meetings} meetings, ${result.decisions} decisions, ${result.actions} actions, ${result.signedMinutes} signed minutes${result.skipped.length ? `; skipped (not built yet): ${result.skipped.join(', ')}` : ''}.`,
  );
  return result;
}

/** Named votes that tie exactly with the chair voting for, so the casting vote decides (with an odd number present, one abstains). */
function evenTie(voters: string[], chairId: string): { officerId: string; vote: 'for' | 'against' | 'abstain' }[] {
  const others = voters.filter((id) => id !== chairId);
  const voting = others.length % 2 === 1 ? others.length : others.length - 1; // with the chair, an even number votes
  const forOthers = (voting - 1) / 2;
  return [
    { officerId: chairId, vote: 'for' },
    ...others.map((officerId, i) => ({ officerId, vote: i >= voting ? ('abstain' as const) : i < forOthers ? ('for' as const) : ('against' as const) })),
  ];
}
