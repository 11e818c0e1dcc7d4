import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { PrintPage, RegisterView } from '../../../../shared/contract/exports';
import { ukDateOf } from '../../../../shared/rules/legal-date';
import { request } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PrintToolbar, lastAmendedText } from '../../ui/PrintToolbar';
import { AuditFingerprint } from '../../ui/Fingerprint';
import '../../ui/print.css';
import './exports.css';
import { formatInstant, formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

/** A printed register stops here; larger registers are better as CSV or XLSX. */
export const PRINT_CAP = 5000;
const PAGE_ROWS = 1000;
const NUMERIC = new Set(['memberNumber', 'sharesHeld', 'amountPaid', 'loansAndDeposits']);

/**
 * The register of members as a printable page (saved as PDF from the print dialog): the
 * inspection copy or the full register, stating what it contains, under which law, when the
 * register was last amended and whether further alterations are to be made (CA 2006 s120), and
 * its single-member statements (s123). Pages load until the register is complete or the cap.
 */
export function RegisterPrint() {
  const [params] = useSearchParams();
  const view: RegisterView = params.get('view') === 'full' ? 'full' : 'inspection';
  const status = params.get('status') === 'current' ? 'current' : 'all';
  const app = useApiQuery('app.status', {});
  const company = app.data?.legalFamily !== 'society';
  const pages = useInfiniteQuery({
    queryKey: ['exports.registerPage', view, status],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => request('exports.registerPage', { view, status, limit: PAGE_ROWS, ...(pageParam !== undefined ? { afterNumber: pageParam } : {}) }),
    getNextPageParam: (last: PrintPage) => last.next ?? undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
  const all = pages.data?.pages ?? [];
  const first = all[0];
  const rows = all.flatMap((p) => p.rows);
  const capped = rows.length >= PRINT_CAP && pages.hasNextPage;
  const complete = !!first && !pages.hasNextPage;
  const done = complete || capped;

  useEffect(() => {
    if (pages.hasNextPage && !pages.isFetchingNextPage && !pages.error && rows.length < PRINT_CAP) void pages.fetchNextPage();
  }, [pages, rows.length]);

  useEffect(() => {
    if (!first) return;
    // The title is the file name the print dialog suggests for the PDF.
    document.title = `${first.title} – ${first.organisationName} – ${ukDateOf(new Date(first.generatedAt))}`;
  }, [first]);

  const shown = rows.slice(0, PRINT_CAP);
  return (
    <div className="print-page">
      <PrintToolbar
        back="/register/exports"
        backLabel="Exports and inspection"
        ready={done}
        status={
          first
            ? done
              ? `${capped ? `First ${formatCount(shown.length, 'entry', 'entries')} of ${first.total.toLocaleString('en-GB')}` : `All ${formatCount(shown.length, 'entry', 'entries')}`} ready to print`
              : `Preparing… ${shown.length.toLocaleString('en-GB')} of ${first.total.toLocaleString('en-GB')} entries`
            : 'Preparing…'
        }
      />
      <main>
        {pages.error ? <Banner tone="error" title="The register could not be read">{pages.error.message}</Banner> : null}
        {first ? (
          <>
            <header className="print-head">
              <p className="org">{first.organisationName}</p>
              <h1>{first.title}</h1>
              <p className="description">{first.description}</p>
              <p className="amended">{first.stateStatement ?? lastAmendedText(first.lastAmended, company, formatLegalDate)}</p>
              {first.statements && first.statements.length > 0 ? (
                <div className="statements">
                  <h2>Statements in the register</h2>
                  <ul>
                    {first.statements.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="produced">
                Produced {formatInstant(first.generatedAt)} · {formatCount(first.total, 'entry', 'entries')}
              </p>
              <AuditFingerprint value={first.fingerprint} />
            </header>
            {capped ? (
              <p className="print-note">
                This printable copy shows the first {PRINT_CAP.toLocaleString('en-GB')} entries of {first.total.toLocaleString('en-GB')}. For the whole register
                use the CSV or XLSX export on the Exports page, which has no limit.
              </p>
            ) : null}
            <DataTable
              variant="print"
              data={shown}
              caption={first.title}
              rowKey={(r, i) => String(r['memberNumber'] ?? i)}
              empty={complete ? <p>There are no entries in the register.</p> : null}
              columns={first.columns.map((c): ColumnDef<Record<string, string>> => ({ id: c.key, header: c.label, meta: { numeric: NUMERIC.has(c.key) }, cell: ({ row }) => row.original[c.key] }))}
            />
            {done ? (
              <p className="print-foot">
                {capped ? `Printed: entries 1 to ${PRINT_CAP.toLocaleString('en-GB')}.` : `End of the register: ${formatCount(shown.length, 'entry', 'entries')}.`}{' '}
                {first.stateStatement ?? lastAmendedText(first.lastAmended, company, formatLegalDate)}
              </p>
            ) : null}
          </>
        ) : pages.isPending ? (
          <p role="status">Preparing the register…</p>
        ) : null}
      </main>
    </div>
  );
}
