import { describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../../shared/contract/reports';
import { buildKey, builtReport, forgetReportBuilds, keepBuiltReport, runningBuild, setRunningBuild, dropRunningBuild } from './report-builds';

const doc = (title: string) => ({ doc: { title } as unknown as ReportDoc, buildId: 'b'.repeat(32) });
const ask = { kind: 'annual', asAt: '2026-03-31' } as never;

describe('reports built on this visit', () => {
  it('keys a document by organisation as well as history entry and request', () => {
    const a = buildKey('org-a', 'entry1', ask);
    const b = buildKey('org-b', 'entry1', ask);
    expect(a).not.toBe(b);
    keepBuiltReport(a, doc('A report'));
    expect(builtReport(a)?.doc.title).toBe('A report');
    expect(builtReport(b)).toBeUndefined();
  });

  it('forgets every built document and running job when the organisation is switched', () => {
    const k = buildKey('org-a', 'entry2', ask);
    keepBuiltReport(k, doc('kept'));
    setRunningBuild(k, 'job1');
    forgetReportBuilds();
    expect(builtReport(k)).toBeUndefined();
    expect(runningBuild(k)).toBeUndefined();
  });

  it('drops a running job only if it is still the one recorded', () => {
    const k = buildKey('org-a', 'entry3', ask);
    setRunningBuild(k, 'job2');
    dropRunningBuild(k, 'other');
    expect(runningBuild(k)).toBe('job2');
    dropRunningBuild(k, 'job2');
    expect(runningBuild(k)).toBeUndefined();
  });

  it('keeps only the four newest documents', () => {
    forgetReportBuilds();
    for (let i = 0; i < 6; i++) keepBuiltReport(buildKey('org-a', `e${i}`, ask), doc(`d${i}`));
    expect(builtReport(buildKey('org-a', 'e0', ask))).toBeUndefined();
    expect(builtReport(buildKey('org-a', 'e1', ask))).toBeUndefined();
    expect(builtReport(buildKey('org-a', 'e5', ask))?.doc.title).toBe('d5');
  });
});
