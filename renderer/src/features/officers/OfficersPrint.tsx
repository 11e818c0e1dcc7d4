import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ukDateOf } from '../../../../shared/rules/legal-date';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { AuditFingerprint } from '../../ui/Fingerprint';
import '../../ui/print.css';
import { formatInstant, formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

/**
 * The board and officers record (a society's register of officers) as a printable page. The
 * confidential internal copy (?statutory=1, the contract's flag) is the only view in the app with
 * residential addresses (CA 2006 s240-241). Personal codes never appear.
 */
export function OfficersPrint() {
  const [params] = useSearchParams();
  const statutory = params.get('statutory') === '1';
  const page = useApiQuery('exports.officersPage', { statutory }, { staleTime: Infinity, gcTime: 0 });
  const d = page.data;

  useEffect(() => {
    if (d) document.title = `${d.title} – ${d.organisationName} – ${ukDateOf(new Date(d.generatedAt))}`;
  }, [d]);

  return (
    <div className="print-page">
      <PrintToolbar back="/register/exports" backLabel="Exports and inspection" ready={!!d} status={d ? `${formatCount(d.total, 'appointment')} ready to print` : 'Preparing…'} />
      <main>
        {page.error ? <Banner tone="error" title="The record could not be read">{page.error.message}</Banner> : null}
        {d ? (
          <>
            <header className="print-head">
              <p className="org">{d.organisationName}</p>
              <h1>{d.title}</h1>
              <p className="description">{d.description}</p>
              <p className="amended">
                {d.lastAmended ? `Last amended on ${formatLegalDate(d.lastAmended)}.` : 'No appointments have been recorded yet.'}
              </p>
              <p className="produced">Produced {formatInstant(d.generatedAt)}</p>
              <AuditFingerprint value={d.fingerprint} />
            </header>
            {statutory ? (
              <p className="print-note">
                Confidential internal copy, for the secretary only: residential addresses are protected information, held only to file them at
                Companies House (CA 2006 s240-241). Do not show it to anyone inspecting the company’s records or include it in a board pack.
              </p>
            ) : null}
            <DataTable
              variant="print"
              data={d.rows}
              caption={d.title}
              rowKey={(_, i) => String(i)}
              empty={<p>No current appointments are recorded.</p>}
              columns={d.columns.map((c): ColumnDef<Record<string, string>> => ({ id: c.key, header: c.label, cell: ({ row }) => row.original[c.key] }))}
            />
          </>
        ) : page.isPending ? (
          <p role="status">Preparing the record…</p>
        ) : null}
      </main>
    </div>
  );
}
