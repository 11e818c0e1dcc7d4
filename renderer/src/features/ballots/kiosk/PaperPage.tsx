import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Ballot, PaperBatch, RollEntry } from '../../../../../shared/contract/ballots';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/queries';
import { useDebounced } from '../../../lib/useDebounced';
import { Field } from '../../../ui/Field';
import { Banner } from '../../../ui/Banner';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { PageHeader } from '../../../ui/PageHeader';
import { canCheckIn, statusWords } from './roll-status';
import { countKey, parsePaperBatch, type PaperBatchForm } from './paper-counts';
import './kiosk.css';

type Batches = PaperBatch[];

/**
 * Paper ballots (issue 8 "Paper ballots"): the roll records who was given which numbered paper (so
 * nobody votes twice), and two tellers each enter a batch's counts; the core compares the two
 * entries and names each difference.
 */
export function PaperPage() {
  const { id = '' } = useParams();
  const ballot = useApiQuery('ballots.get', { id });
  const listed = useApiQuery('ballots.paperBatches', { id });
  const [entered, setBatches] = useState<Batches | null>(null);
  const batches = entered ?? listed.data?.batches ?? null;
  if (ballot.error) {
    return (
      <div className="page">
        <Banner tone="error" title="The ballot could not be read">
          <p>{ballot.error.message}</p>
        </Banner>
      </div>
    );
  }
  const b = ballot.data;
  return (
    <div className="page page-narrow paper-page">
      <p>
        <Link to={`/ballots/${id}`}>{b ? b.title : 'The ballot'}</Link>
      </p>
      <PageHeader title="Paper ballots" lede="Record each numbered paper given to a voter, then the tellers’ counts of each batch of papers." />
      {!b ? <p role="status">Loading…</p> : null}
      {b && b.status !== 'open' ? (
        <Banner tone="info" title={b.status === 'closed' ? 'Voting has closed' : 'Voting is not open'}>
          <p>{b.status === 'closed' ? 'No more papers can be given out. The tellers can still enter the counts of their batches until the trustees declare the result.' : 'Papers are given out while the ballot is open for voting, and counted until the result is declared.'}</p>
        </Banner>
      ) : null}
      {b?.status === 'open' ? <IssuePaper ballot={b} /> : null}
      {b?.status === 'open' || (b?.status === 'closed' && !b.result) ? <BatchEntry ballot={b} onBatches={setBatches} /> : null}
      {b && b.status !== 'draft' ? <PapersGiven ballot={b} /> : null}
      {b && batches && batches.length > 0 ? <BatchList ballot={b} batches={batches} /> : null}
    </div>
  );
}

function IssuePaper({ ballot }: { ballot: Ballot }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const found = useApiQuery('ballots.roll', { id: ballot.id, search, limit: 10 }, { enabled: search !== '' });
  const [chosen, setChosen] = useState<RollEntry | null>(null);
  const [serial, setSerial] = useState('');
  const [error, setError] = useState<{ field: 'serial' | 'rollId' | null; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const entries = search === '' ? [] : (found.data?.entries ?? []);

  const record = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setDone(null);
    if (serial.trim() === '') {
      setError({ field: 'serial', message: 'Enter the serial number printed on the paper.' });
      return;
    }
    const r = await call('ballots.issuePaper', { id: ballot.id, rollId: chosen.id, serial: serial.trim() });
    if (!r.ok) {
      const field = r.error.fieldErrors?.['serial'] ? 'serial' : r.error.fieldErrors?.['rollId'] ? 'rollId' : null;
      setError({ field, message: (field ? r.error.fieldErrors?.[field] : undefined) ?? r.error.message });
      return;
    }
    setError(null);
    setDone(`Paper ${r.value.paperSerial ?? serial.trim()} given to ${r.value.name} (member ${r.value.memberNumber}). They can no longer vote at the kiosk or with a code.`);
    setChosen(null);
    setSerial('');
    setText('');
    void queryClient.invalidateQueries({ queryKey: ['ballots.roll'] });
    void queryClient.invalidateQueries({ queryKey: ['ballots.get'] });
  };

  return (
    <section className="card" aria-labelledby="paper-issue-h">
      <h2 id="paper-issue-h">Give a voter a paper</h2>
      {done ? (
        <p className="paper-done" role="status">
          {done}
        </p>
      ) : null}
      {!chosen ? (
        <>
          <div className="field">
            <label htmlFor="paper-search">Voter’s name or member number</label>
            <input id="paper-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </div>
          <p className="visually-hidden" role="status">
            {search && found.data ? `${found.data.total} found.` : ''}
          </p>
          {entries.length > 0 ? (
            <ul className="plain-list">
              {entries.map((e) => (
                <li key={e.id} className="codes-found-row">
                  <span>
                    <strong>{e.name}</strong> <span className="muted">member {e.memberNumber}</span>
                    <span className="muted"> · {statusWords(e)}</span>
                  </span>
                  {canCheckIn(e) ? (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setChosen(e)}>
                      Give a paper<span className="visually-hidden">: {e.name}</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : search && found.data ? (
            <p>Nobody on the roll matches “{search}”.</p>
          ) : null}
        </>
      ) : (
        <form onSubmit={(e) => void record(e)} noValidate>
          <p>
            Giving a paper to <strong>{chosen.name}</strong> (member {chosen.memberNumber}, {chosen.votes === 1 ? '1 vote' : `${chosen.votes} votes`}).
            {chosen.votedBy === 'proxy' ? ' Their proxy has voted: a paper replaces the proxy’s vote.' : ''}
          </p>
          {error && error.field !== 'serial' ? (
            <Banner tone="error" title="Not recorded">
              <p>{error.message}</p>
            </Banner>
          ) : null}
          <div className={`field${error?.field === 'serial' ? ' has-error' : ''}`}>
            <label htmlFor="paper-serial">Serial number of the paper</label>
            {error?.field === 'serial' ? (
              <span className="error-message" id="paper-serial-error" role="alert">
                <span className="visually-hidden">Error: </span>
                {error.message}
              </span>
            ) : null}
            <input
              id="paper-serial"
              type="text"
              className="narrow"
              value={serial}
              onChange={(e) => setSerial(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              aria-invalid={error?.field === 'serial' ? true : undefined}
              aria-describedby={error?.field === 'serial' ? 'paper-serial-error' : undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Record the paper as given
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setChosen(null);
                setError(null);
              }}
            >
              Choose someone else
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

const EMPTY: PaperBatchForm = { label: '', teller: '', counts: {}, spoilt: '' };

function BatchEntry({ ballot, onBatches }: { ballot: Ballot; onBatches: (b: Batches) => void }) {
  const [form, setForm] = useState<PaperBatchForm>(EMPTY);
  const [errors, setErrors] = useState<{ key: string; message: string }[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [done, setDone] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const questions = [...ballot.questionList].sort((a, b) => a.position - b.position);
  const fieldId = (key: string) => `paper-${key}`;
  const errorFor = (key: string) => errors.find((e) => e.key === key)?.message;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const parsed = parsePaperBatch(questions, form);
    setAttempts((n) => n + 1);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setBusy(true);
    const r = await call('ballots.enterPaperBatch', { id: ballot.id, ...parsed.value });
    setBusy(false);
    if (!r.ok) {
      const fe = r.error.fieldErrors ?? {};
      const keyed = Object.entries(fe).map(([k, message]) => ({ key: k === 'label' || k === 'teller' || k === 'spoilt' ? k : 'label', message }));
      setErrors(keyed.length ? keyed : [{ key: 'label', message: r.error.message }]);
      return;
    }
    setErrors([]);
    onBatches(r.value.batches);
    const batch = r.value.batches.find((x) => x.label === parsed.value.label);
    setDone(
      !batch || !batch.secondTeller
        ? { tone: 'success', text: `${parsed.value.teller}’s count of ${parsed.value.label} is recorded. A second teller now counts the same batch and enters it here.` }
        : batch.agreed
          ? { tone: 'success', text: `Both tellers agree on ${parsed.value.label}: its counts are added to the paper total.` }
          : { tone: 'warning', text: `The tellers’ counts of ${parsed.value.label} differ, so it is not counted yet. Count the batch again; the differences are listed under Batches.` },
    );
    // Cleared, so that the second teller enters their own count and not the first's.
    setForm(EMPTY);
  };

  const setCount = (key: string, value: string) => setForm((f) => ({ ...f, counts: { ...f.counts, [key]: value } }));
  return (
    <section className="card" aria-labelledby="paper-batch-h">
      <h2 id="paper-batch-h">Enter a batch’s counts</h2>
      <p>
        Two tellers each count the same batch of papers and enter it here, one after the other. Count each paper with the votes the roll gives
        that voter: a paper of a member with 3 votes counts 3 for each choice marked on it. Record spoilt papers (unclear, or too many choices)
        by number only.
      </p>
      {done ? (
        <div role="status">
          <Banner tone={done.tone}>
            <p>{done.text}</p>
          </Banner>
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={errors.map((e) => ({ fieldId: fieldId(e.key), message: e.message }))} focusKey={attempts} />
        <div className="field-row">
          <NumberishField id={fieldId('teller')} label="Your name (teller)" value={form.teller} error={errorFor('teller')} onChange={(v) => setForm((f) => ({ ...f, teller: v }))} />
          <NumberishField id={fieldId('label')} label="Batch label" hint="As written on the bundle, for example “Box 1”" value={form.label} error={errorFor('label')} onChange={(v) => setForm((f) => ({ ...f, label: v }))} />
        </div>
        {questions.map((q, qi) => (
          <fieldset key={q.id} className="paper-question">
            <legend>
              Question {qi + 1}: {q.text}
            </legend>
            <div className="paper-counts">
              {q.choices.map((c, ci) => (
                <NumberishField key={c.id} id={fieldId(countKey(qi, ci))} label={c.label} numeric value={form.counts[countKey(qi, ci)] ?? ''} error={errorFor(countKey(qi, ci))} onChange={(v) => setCount(countKey(qi, ci), v)} />
              ))}
            </div>
          </fieldset>
        ))}
        <NumberishField id={fieldId('spoilt')} label="Spoilt papers in this batch" numeric value={form.spoilt} error={errorFor('spoilt')} onChange={(v) => setForm((f) => ({ ...f, spoilt: v }))} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record this count'}
        </button>
      </form>
    </section>
  );
}

function NumberishField(props: { id: string; label: string; hint?: string; value: string; error: string | undefined; numeric?: boolean; onChange: (v: string) => void }) {
  const { id, label, hint, value, error, numeric, onChange } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input type="text" className={numeric ? 'narrow' : undefined} inputMode={numeric ? 'numeric' : undefined} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
    </Field>
  );
}

/**
 * The papers given out, by serial number with the votes each carries (a member's votes per share),
 * without names, so the tellers can count each paper at its weight and check the number of papers
 * in their batches. Names stay on the roll, where the clerk needs them.
 */
function PapersGiven({ ballot }: { ballot: Ballot }) {
  const papers = useApiQuery('ballots.roll', { id: ballot.id, votedBy: 'paper', limit: 5000 });
  const rows = [...(papers.data?.entries ?? [])].sort((a, b) => (a.paperSerial ?? '').localeCompare(b.paperSerial ?? '', 'en-GB', { numeric: true }));
  const votes = rows.reduce((s, r) => s + r.votes, 0);
  const weighted = rows.some((r) => r.votes !== 1);
  return (
    <section className="card" aria-labelledby="paper-given-h">
      <h2 id="paper-given-h">Papers given out</h2>
      {papers.error ? <p role="alert">The papers given out could not be read: {papers.error.message}</p> : null}
      {!papers.data && !papers.error ? <p role="status">Loading…</p> : null}
      {papers.data && rows.length === 0 ? <p>No paper has been given out yet.</p> : null}
      {rows.length > 0 ? (
        <>
          <p>
            {rows.length === 1 ? '1 paper' : `${rows.length.toLocaleString('en-GB')} papers`} carrying {votes === 1 ? '1 vote' : `${votes.toLocaleString('en-GB')} votes`}.
            {weighted ? ' Count each paper with the votes shown against its number.' : ' Each paper carries one vote.'}
          </p>
          <div className="table-wrap">
          <table className="data paper-given">
            <caption className="visually-hidden">Papers given out, by serial number</caption>
            <thead>
              <tr>
                <th scope="col">Paper</th>
                <th scope="col" className="num">
                  Votes
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.paperSerial}</td>
                  <td className="num">{r.votes.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function BatchList({ ballot, batches }: { ballot: Ballot; batches: Batches }) {
  const questions = [...ballot.questionList].sort((a, b) => a.position - b.position);
  return (
    <section className="card" aria-labelledby="paper-batches-h">
      <h2 id="paper-batches-h">Batches</h2>
      {ballot.status === 'open' && batches.some((b) => b.agreed) ? <p className="muted">The agreed counts are shown here once voting has closed, so that no screen shows a running result.</p> : null}
      <ul className="plain-list">
        {batches.map((b) => (
          <li key={b.label} className="paper-batch">
            <p>
              <strong>{b.label}</strong>:{' '}
              {!b.secondTeller
                ? `counted by ${b.firstTeller ?? 'one teller'}; waiting for the second teller.`
                : b.agreed
                  ? `${b.firstTeller} and ${b.secondTeller} agree.`
                  : `${b.firstTeller} and ${b.secondTeller} disagree.`}
            </p>
            {b.discrepancies.length > 0 ? (
              <ul className="paper-discrepancies">
                {b.discrepancies.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
            {b.counts ? (
              <div className="table-wrap">
              <table className="data paper-agreed">
                <caption>Agreed count of {b.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Question and choice</th>
                    <th scope="col" className="num">
                      Votes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {questions.flatMap((q, qi) =>
                    q.choices.map((c, ci) => (
                      <tr key={`${q.id}-${c.id}`}>
                        <th scope="row">
                          {ci === 0 ? <span className="paper-agreed-q">Question {qi + 1}: </span> : null}
                          {c.label}
                        </th>
                        <td className="num">{(b.counts![qi]?.[ci] ?? 0).toLocaleString('en-GB')}</td>
                      </tr>
                    )),
                  )}
                  <tr>
                    <th scope="row">Spoilt papers</th>
                    <td className="num">{(b.spoilt ?? 0).toLocaleString('en-GB')}</td>
                  </tr>
                </tbody>
              </table>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
