import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MemberIndexPage } from '../../../../shared/contract/exports';
import { ukDateOf } from '../../../../shared/rules/legal-date';
import { request } from '../../api/client';
import { formatCount } from '../../lib/format';
import { formatInstant } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DataTable } from '../../ui/DataTable';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { AuditFingerprint } from '../../ui/Fingerprint';
import '../../ui/print.css';

const PAGE_ROWS = 2000;

/**
 * The index of members' names (CA 2006 s115) as a printable page: current members in
 * alphabetical order, each with the member number that finds their entry in the register. It is
 * produced from the register itself, so it is never behind it, which a person inspecting the
 * index must be told (s120(2)).
 */
export function MemberIndexPrint() {
  const pages = useInfiniteQuery({
    queryKey: ['exports.memberIndexPage'],
    initialPageParam: undefined as MemberIndexPage['next'] | undefined,
    queryFn: ({ pageParam }) => request('exports.memberIndexPage', { limit: PAGE_ROWS, ...(pageParam ? { after: pageParam } : {}) }),
    getNextPageParam: (last: MemberIndexPage) => last.next ?? undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
  const all = pages.data?.pages ?? [];
  const first = all[0];
  const rows = all.flatMap((p) => p.rows);
  const done = !!first && !pages.hasNextPage;

  useEffect(() => {
    if (pages.hasNextPage && !pages.isFetchingNextPage && !pages.error) void pages.fetchNextPage();
  }, [pages]);
  useEffect(() => {
    if (first) document.title = `${first.title} – ${first.organisationName} – ${ukDateOf(new Date(first.generatedAt))}`;
  }, [first]);

  return (
    <div className="print-page">
      <PrintToolbar
        back="/register/exports"
        backLabel="Exports and inspection"
        ready={done}
        status={first ? (done ? `All ${formatCount(rows.length, 'name', 'names')} ready to print` : `Preparing… ${rows.length.toLocaleString('en-GB')} of ${first.total.toLocaleString('en-GB')}`) : 'Preparing…'}
      />
      <main>
        {pages.error ? <Banner tone="error" title="The index could not be read">{pages.error.message}</Banner> : null}
        {first ? (
          <>
            <header className="print-head">
              <p className="org">{first.organisationName}</p>
              <h1>{first.title}</h1>
              <p className="description">{first.description}</p>
              <p className="amended">{first.stateStatement}</p>
              <p className="description">{first.rule}</p>
              <p className="produced">
                Produced {formatInstant(first.generatedAt)} · {formatCount(first.total, 'current member', 'current members')}
              </p>
              <AuditFingerprint value={first.fingerprint} />
            </header>
            <DataTable
              variant="print"
              data={rows}
              caption={first.title}
              rowKey={(r) => String(r.memberNumber)}
              empty={done ? <p>There are no current members.</p> : null}
              columns={[
                { id: 'name', header: 'Name', meta: { rowHeader: true }, cell: ({ row: { original: r } }) => (r.name === r.indexName ? r.name : `${r.indexName}${r.name.includes(' and ') ? ` (${r.name})` : ''}`) },
                { id: 'memberNumber', header: 'Member number', meta: { numeric: true }, cell: ({ row: { original: r } }) => String(r.memberNumber) },
              ]}
            />
            {done ? <p className="print-foot">End of the index: {formatCount(rows.length, 'name', 'names')}. {first.stateStatement}</p> : null}
          </>
        ) : pages.isPending ? (
          <p role="status">Preparing the index…</p>
        ) : null}
      </main>
    </div>
  );
}
