import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MEMBER_STATUSES, type ListInput } from '../../../../shared/contract/members';
import { isLegalDate } from '../../../../shared/rules/legal-date';
import { request } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { nextSort, parseGoTo } from './go-to';
import { RegisterStatements } from './RegisterStatements';
import { RegisterTable, type Direction, type SortKey } from './RegisterTable';
import { useDebounced } from '../../lib/useDebounced';
import { useLegalForm } from '../../lib/useLegalForm';
import './register.css';
import { DateFilter } from '../../ui/DateInput';

type Status = (typeof MEMBER_STATUSES)[number];
const PAGE_SIZE = 100;
const SEARCH_LIMIT = 50;
const STATUS_LABEL: Record<Status, string> = { current: 'Current members', former: 'Former members', all: 'Current and former' };

/**
 * The register of members at any size: keyset pages fetched as the secretary scrolls, a
 * virtualised table, search as you type, and "Go to" a name or number deep in the register.
 * Filters live in the address, so coming back from a member finds the list as it was left.
 */
export function RegisterPage() {
  const form = useLegalForm();
  const classes = useApiQuery('classes.list', {});
  const [params, setParams] = useSearchParams();
  const status = (MEMBER_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'current';
  const classId = params.get('class') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const sort: SortKey = params.get('sort') === 'number' ? 'number' : 'name';
  const direction: Direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const startAt = params.get('start') ?? '';
  const [text, setText] = useState(params.get('q') ?? '');
  const [goTo, setGoTo] = useState(startAt);
  const query = useDebounced(text.trim(), 150);

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== query) update({ q: query || null });
  }, [query, params, update]);

  const rangeError = isLegalDate(from) && isLegalDate(to) && from > to ? 'The end of the range must be on or after its start.' : null;
  const filters = {
    status,
    ...(classId ? { classId } : {}),
    ...(isLegalDate(from) ? { admittedFrom: from } : {}),
    ...(isLegalDate(to) ? { admittedTo: to } : {}),
  };
  const listInput: ListInput = { ...filters, sort, direction, limit: PAGE_SIZE, ...(startAt ? { startAt } : {}) };
  const searching = query.length > 0;

  const list = useInfiniteQuery({
    queryKey: ['members.list', listInput],
    initialPageParam: null as ListInput['after'] | null,
    queryFn: ({ pageParam }) => request('members.list', pageParam ? { ...listInput, after: pageParam } : listInput),
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: !searching && !rangeError,
  });
  // Counting a large register takes the core longer than a page of it, so the count waits for the
  // first page; whether the register is empty at all is asked only when nothing matches.
  const count = useApiQuery('members.count', filters, { enabled: !rangeError && (searching || list.isSuccess) });
  const everyone = useApiQuery('members.count', { status: 'all' }, { enabled: count.data?.count === 0 });
  const search = useApiQuery(
    'members.search',
    { query: query || '-', status, ...(classId ? { classId } : {}), limit: SEARCH_LIMIT },
    { enabled: searching, placeholderData: (prev) => prev },
  );

  const classNames = useMemo(() => new Map((classes.data ?? []).map((c) => [c.id, c.name])), [classes.data]);
  const className = useCallback((id: string) => classNames.get(id) ?? '', [classNames]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onNearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const listRows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const searchRows = useMemo(() => {
    const rows = (search.data?.rows ?? []).filter(
      (r) => (!isLegalDate(from) || r.admittedOn >= from) && (!isLegalDate(to) || r.admittedOn <= to),
    );
    return sort === 'number' ? [...rows].sort((a, b) => (direction === 'asc' ? a.memberNumber - b.memberNumber : b.memberNumber - a.memberNumber)) : direction === 'desc' ? [...rows].reverse() : rows;
  }, [search.data, from, to, sort, direction]);

  const onGoTo = (e: FormEvent) => {
    e.preventDefault();
    const target = parseGoTo(goTo);
    setText('');
    update({ q: null, start: target?.startAt ?? null, sort: target ? (target.sort === 'name' ? null : 'number') : sort === 'name' ? null : 'number' });
  };

  if (classes.data && classes.data.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Register of members" />
        <div className="card empty">
          <h2>No membership classes yet</h2>
          <p>Every member belongs to a class that says who may join and how they vote. Set up your classes from your governing document first.</p>
          <Link className="btn btn-primary" to="/register/classes">
            Set up membership classes
          </Link>
        </div>
      </div>
    );
  }

  const registerEmpty = count.data?.count === 0 && everyone.data?.count === 0;
  const decidingEmpty = count.data?.count === 0 && !everyone.data;
  const total = count.data?.count;
  const countText =
    total === undefined
      ? ''
      : `${count.data?.atLeast ? 'More than ' : ''}${
          status === 'current' ? formatCount(total, 'current member') : status === 'former' ? formatCount(total, 'former member') : formatCount(total, 'entry', 'entries')
        }`;
  const filtered = Boolean(classId || isLegalDate(from) || isLegalDate(to));
  const rows = searching ? searchRows : listRows;

  return (
    <div className="page page-wide">
      <PageHeader
        title="Register of members"
        lede={
          registerEmpty
            ? 'Kept under CA 2006 s113 or CCBS Act 2014 s30: everyone who is or has been a member.'
            : total === undefined
              ? 'Counting the register…'
              : `${countText}${filtered ? ' match these filters' : ''}.`
        }
        actions={
          <>
            <Link className="btn btn-primary" to="/register/admit">
              Admit a member
            </Link>
            <Link className="btn btn-secondary" to="/register/import">
              Import from HR
            </Link>
          </>
        }
      />

      {registerEmpty ? (
        <div className="card empty">
          <h2>No members yet</h2>
          <p>Enter your members one by one, or bring in your employees from an HR spreadsheet.</p>
          <div className="empty-actions">
            <Link className="btn btn-primary" to="/register/admit">
              Admit a member
            </Link>
            <Link className="btn btn-secondary" to="/register/import">
              Import from HR
            </Link>
          </div>
        </div>
      ) : (
        <>
          <RegisterStatements />
          <div className="card register-tools">
            <form role="search" aria-label="Find members" onSubmit={(e) => e.preventDefault()} className="register-search">
              <label htmlFor="register-search">Search</label>
              <span className="hint" id="register-search-hint">
                Name, member number, e-mail or employee number. Accents do not matter.
              </span>
              <input id="register-search" type="search" autoComplete="off" spellCheck={false} value={text} aria-describedby="register-search-hint" onChange={(e) => setText(e.target.value)} />
            </form>
            <form className="register-goto" aria-label="Go to a place in the register" onSubmit={onGoTo}>
              <label htmlFor="register-goto">Go to</label>
              <span className="hint" id="register-goto-hint">
                The start of a family name, or a member number.
              </span>
              <div className="inline-controls">
                <input id="register-goto" type="text" autoComplete="off" spellCheck={false} value={goTo} aria-describedby="register-goto-hint" onChange={(e) => setGoTo(e.target.value)} />
                <button type="submit" className="btn btn-secondary">
                  Go
                </button>
              </div>
            </form>
            <fieldset className="register-filters">
              <legend className="visually-hidden">Filters</legend>
              <div className="field">
                <label htmlFor="register-status">Status</label>
                <select id="register-status" value={status} onChange={(e) => update({ status: e.target.value === 'current' ? null : e.target.value })}>
                  {MEMBER_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="register-class">Class</label>
                <select id="register-class" value={classId} onChange={(e) => update({ class: e.target.value })}>
                  <option value="">All classes</option>
                  {(classes.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <DateFilter id="register-from" label="Admitted from" value={from} onChange={(v) => update({ from: v })} />
              <DateFilter id="register-to" label="Admitted to" value={to} error={rangeError} onChange={(v) => update({ to: v })} />
            </fieldset>
          </div>

          <div className="register-status" role="status">
            {searching && search.data
              ? search.data.more
                ? `Showing the first ${SEARCH_LIMIT} matches for “${query}”. Type more to narrow the search.`
                : `${formatCount(searchRows.length, 'match', 'matches')} for “${query}”.`
              : !searching && startAt
                ? `Showing the register from “${startAt}” ${sort === 'number' ? 'by member number' : 'by name'}.`
                : ''}
            {!searching && startAt ? (
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  setGoTo('');
                  update({ start: null });
                }}
              >
                Back to the start
              </button>
            ) : null}
          </div>

          {list.error || search.error ? (
            <Banner tone="error" title="The register could not be read">
              <p>{(list.error ?? search.error)?.message}</p>
            </Banner>
          ) : null}

          {decidingEmpty ? (
            <p role="status">Loading…</p>
          ) : (searching ? search.data : list.data) && rows.length === 0 ? (
            <div className="card empty">
              <h2>{searching ? 'No one matches that search' : 'No members match these filters'}</h2>
              <p>{searching ? 'Check the spelling, or search by member number or e-mail address.' : 'Change the status, class or dates above.'}</p>
            </div>
          ) : rows.length > 0 ? (
            <RegisterTable
              caption={searching ? `Search results for ${query}` : `Register of members, ${STATUS_LABEL[status].toLowerCase()}, sorted by ${sort === 'name' ? 'name' : 'member number'}`}
              rows={rows}
              total={searching ? rows.length : startAt || count.data?.atLeast ? -1 : (total ?? -1)}
              hasShares={form?.hasShares === true}
              className={className}
              sort={sort}
              direction={direction}
              onSort={(column) => {
                const next = nextSort({ sort, direction }, column);
                update({ sort: next.sort === 'name' ? null : 'number', dir: next.direction === 'asc' ? null : 'desc', start: null });
                setGoTo('');
              }}
              hasMore={!searching && hasNextPage}
              loadingMore={isFetchingNextPage}
              onNearEnd={onNearEnd}
            />
          ) : (
            <p role="status">Loading…</p>
          )}
        </>
      )}
    </div>
  );
}
