import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import { PROFIT_BASIS_LABEL } from '../../../../shared/rules/governing-clauses';
import { docxFromBlocks } from '../../meetings/print/blocks-docx';
import { pdfFromBlocks } from '../../meetings/print/blocks-pdf';
import { cell, heading, para, paragraphsOf, t, type DocBlock } from '../../meetings/print/doc-blocks';
import { auditLine } from '../../meetings/print/minutes-pdf';
import type { S33Report } from './s33-check';

/**
 * The s33 eligibility evidence pack (issue 10): for a tender response, each condition of the
 * Procurement Act 2023 s33 with the finding, the law's words and the evidence, then the figures
 * as at the date with the registers behind them, what the app cannot judge, and the audit event
 * the records stood at when it was produced, so a procurement officer can ask for it to be
 * checked. Written once as document blocks (meetings/print) and rendered to PDF (with bookmarks)
 * and Word (real headings and tables), so the two never say different things.
 */

export interface EvidencePackModel {
  report: S33Report;
  producedOn: string;
  head: { seq: number; hash: string };
}

const when = formatLegalDate;

export const FINDING: Record<'true' | 'false' | 'cannot_judge', string> = {
  true: 'Met',
  false: 'Not met',
  cannot_judge: 'For the contracting authority to judge on the evidence',
};
const finding = (met: boolean | 'cannot_judge') => FINDING[String(met) as keyof typeof FINDING];

function share(part: number, whole: number): string {
  return whole > 0 ? ` (${((part / whole) * 100).toFixed(1)}%)` : '';
}

export function evidenceTitle(m: EvidencePackModel): string {
  return `Eligibility for a contract reserved to public service mutuals (Procurement Act 2023 s33), as at ${when(m.report.result.asAt)}`;
}

export function evidenceBlocks(m: EvidencePackModel): DocBlock[] {
  const { report: r } = m;
  const res = r.result;
  const f = res.figures;
  const org = r.organisation;
  const blocks: DocBlock[] = [
    { type: 'heading', level: 1, runs: [t('Eligibility for a contract reserved to public service mutuals')], bookmark: true },
    para(t('Organisation: ', { bold: true }), `${org.name}, ${org.legalFormLabel.toLowerCase()}, registered number ${org.registrationNumber}`),
    para(
      t('Contract: ', { bold: true }),
      `${r.contract.title} (${r.contract.reference}) for ${r.counterparty.name}; ${r.contract.awardOn ? `awarded on ${when(r.contract.awardOn)}` : `not yet awarded (the three years are taken to end on ${when(r.awardOn)})`}`,
    ),
    para(t('Evidence as at: ', { bold: true }), `${when(res.asAt)}. Every figure is computed from the records as they stood on that date, not as they stand today.`),
    para(t(res.summary, { bold: true })),
    heading(2, 'The conditions at a glance', true),
    {
      type: 'table',
      headerRow: true,
      widths: [1.6, 4.4, 2.4],
      rows: [[cell('Section'), cell('Condition'), cell('Finding')], ...res.conditions.map((c) => [cell(c.ref), cell(c.title), cell(finding(c.met), { bold: c.met !== true })])],
    },
  ];
  for (const c of res.conditions) {
    blocks.push(heading(2, `${c.ref}: ${c.title}`, true), para(t('Finding: ', { bold: true }), t(finding(c.met))), para(c.statement));
    if (c.evidence.length) blocks.push({ type: 'list', ordered: false, items: c.evidence.map((e) => ({ runs: [t(e)] })) });
  }

  blocks.push(
    heading(2, `Figures as at ${when(res.asAt)}`, true),
    {
      type: 'table',
      headerRow: true,
      widths: [6.5, 2.5],
      alignRight: [1],
      rows: [
        [cell('Measure'), cell('Figure')],
        [cell('Members'), cell(f.members.toLocaleString('en-GB'))],
        [cell('Members in an employee class'), cell(`${f.employeeMembers.toLocaleString('en-GB')}${share(f.employeeMembers, f.members)}`)],
        [cell('Voting rights'), cell(f.votingRights.toLocaleString('en-GB'))],
        [cell('Voting rights held by employee members'), cell(`${f.employeeVotingRights.toLocaleString('en-GB')}${share(f.employeeVotingRights, f.votingRights)}`)],
        [cell('Directors in office'), cell(f.directors.toLocaleString('en-GB'))],
        [cell('Directors who are employees or employee-elected'), cell(`${f.employeeDirectors.toLocaleString('en-GB')}${share(f.employeeDirectors, f.directors)}`)],
        [cell('Annual value of contracts live on the date'), cell(formatPence(f.contractIncomePence))],
        [cell('From reservable light touch services'), cell(`${formatPence(f.reservableIncomePence)}${share(f.reservableIncomePence, f.contractIncomePence)}`)],
      ],
    },
    heading(3, 'Members and votes by class'),
    {
      type: 'table',
      headerRow: true,
      widths: [3.5, 1.8, 1.8, 1.8],
      alignRight: [2, 3],
      rows: [
        [cell('Class'), cell('Employee class'), cell('Members'), cell('Votes')],
        ...r.control.classes.map((c) => [cell(c.name), cell(c.isEmployeeClass ? 'Yes' : 'No'), cell(c.members.toLocaleString('en-GB')), cell(c.votingRights === 'none' ? 'No vote' : c.votes.toLocaleString('en-GB'))]),
      ],
    },
  );
  if (r.control.capWords.length) blocks.push({ type: 'paragraph', small: true, runs: [t(r.control.capWords.join(' '))] });
  blocks.push(heading(3, `The board on ${when(res.asAt)}`));
  if (r.control.directors.length) {
    const why = new Map(r.employeeDirectors.map((d) => [d.name, d.why]));
    const KIND: Record<string, string> = { employee: 'Employee director', independent: 'Independent director', nominee: 'Nominee director', member: 'Member-elected director' };
    blocks.push({
      type: 'table',
      headerRow: true,
      widths: [3, 2.6, 3.4],
      rows: [[cell('Director'), cell('Appointed as'), cell('Counted as an employee')], ...r.control.directors.map((d) => [cell(d.name), cell(d.directorKind ? KIND[d.directorKind] : 'Director'), cell(why.get(d.name) ? `Yes: ${why.get(d.name)}` : 'No')])],
    });
  } else {
    blocks.push(para('No director was in office on the date.'));
  }
  blocks.push(heading(3, 'Contract income by service on the date'));
  if (r.income.byService.length) {
    blocks.push({
      type: 'table',
      headerRow: true,
      widths: [1.7, 4, 1.6, 2],
      alignRight: [3],
      rows: [
        [cell('CPV code'), cell('Service'), cell('Reservable'), cell('Annual value')],
        ...r.income.byService.map((s) => [cell(s.code ?? '—'), cell(s.description ?? (s.code ? 'Not in the CPV list shipped with the app' : 'No service category recorded')), cell(s.reservable ? 'Yes' : 'No'), cell(formatPence(s.pence))]),
      ],
    });
  } else {
    blocks.push(para('No contract was live on the date.'));
  }
  blocks.push({
    type: 'paragraph',
    small: true,
    runs: [
      t(
        `Annual values of the ${r.income.contracts.toLocaleString('en-GB')} contract${r.income.contracts === 1 ? '' : 's'} live (or in an extension) on the date; a contract with several service categories has its value split equally between them.${r.income.unvalued ? ` ${r.income.unvalued.toLocaleString('en-GB')} of them ${r.income.unvalued === 1 ? 'has' : 'have'} no annual value recorded and ${r.income.unvalued === 1 ? 'is' : 'are'} left out of the figures.` : ''}`,
      ),
    ],
  });
  blocks.push(heading(3, 'Comparable contracts found'));
  if (r.comparables.length) {
    blocks.push({
      type: 'table',
      headerRow: true,
      widths: [1.6, 3.4, 1.8, 1.8],
      rows: [
        [cell('Reference'), cell('Contract'), cell('Awarded'), cell('Stops counting on')],
        ...r.comparables.map((c) => [cell(c.reference), cell(c.title), cell(when(c.awardOn)), cell(when(c.stopsCountingOn))]),
      ],
    });
  } else {
    blocks.push(para(`None: no contract recorded from ${r.counterparty.name} reserved under s33 and sharing a service category was awarded in the three years ending with ${when(r.awardOn)}.`));
  }

  blocks.push(...clauseBlocks(m));
  blocks.push(heading(2, 'What the app cannot judge', true), { type: 'list', ordered: false, items: res.cannotJudge.map((c) => ({ runs: [t(c)] })) });
  blocks.push(
    heading(2, 'Where these figures come from', true),
    para(
      `The registers of members and of directors, the share ledger, the governing rules and the contract records kept by ${org.name} in Mutual Governance, read as they stood at the end of ${when(res.asAt)}: members admitted on or before that day and not ceased by it, votes by their class (or by the shares they held that day), directors in office that day, contracts live that day.`,
    ),
    para(
      `Produced on ${when(m.producedOn)} from the records at ${auditLine(m.head.seq, m.head.hash).replace(/^A/, 'a')} in the tamper-evident audit log (SHA-256 of that event: ${m.head.hash}). Any later change to these records is a later event, so the secretary can show that the figures come from the records as they were.`,
    ),
  );
  return blocks;
}

/**
 * The clauses of the governing document that s33(6)(a)-(c) were judged on, in full as recorded
 * on the date (the conditions quote them on one line), or that each was not recorded then.
 */
function clauseBlocks(m: EvidencePackModel): DocBlock[] {
  const c = m.report.organisation.clauses;
  const blocks: DocBlock[] = [heading(2, `The governing document’s clauses as recorded on ${when(m.report.result.asAt)}`, true)];
  const clause = (title: string, answer: string | null, words: string | null) => {
    blocks.push(heading(3, title));
    if (words === null) {
      blocks.push(para('Not recorded on the date.'));
      return;
    }
    if (answer) blocks.push(para(t('Recorded as: ', { bold: true }), answer));
    for (const p of paragraphsOf(words)) blocks.push(para(p.replace(/\s*\n\s*/g, ' ')));
  };
  clause('Objects (s33(6)(a))', c.objectsPublicServices === null ? null : c.objectsPublicServices ? 'the objects include delivering public services' : 'the objects do not include delivering public services', c.objectsClause);
  clause('Profits (s33(6)(b))', c.profitBasis ? PROFIT_BASIS_LABEL[c.profitBasis].toLowerCase() : null, c.profitClause);
  clause('Employee control (s33(6)(c))', null, c.employeeControlClause);
  return blocks;
}

function footer(m: EvidencePackModel): string[] {
  return [`${m.report.organisation.name} · s33 eligibility evidence as at ${when(m.report.result.asAt)} · produced ${when(m.producedOn)}`, auditLine(m.head.seq, m.head.hash)];
}

export function evidencePackPdf(m: EvidencePackModel): Promise<Uint8Array> {
  const title = evidenceTitle(m);
  return pdfFromBlocks(evidenceBlocks(m), {
    title,
    subject: `${m.report.contract.title} (${m.report.contract.reference}) for ${m.report.counterparty.name}`,
    author: m.report.organisation.name,
    keywords: ['Procurement Act 2023 s33', 'public service mutual', `as-at:${m.report.result.asAt}`, `audit-event:${m.head.seq}`],
    footer: footer(m),
  });
}

export function evidencePackDocx(m: EvidencePackModel): Promise<Uint8Array> {
  const title = evidenceTitle(m);
  return docxFromBlocks(evidenceBlocks(m), { title, subject: title, author: m.report.organisation.name, footer: footer(m) });
}
