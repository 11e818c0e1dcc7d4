import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Decision } from '../../../../shared/contract/decisions';
import { isMembersMeeting, type AgendaItem, type MeetingView } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { CheckboxField, Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';
import { departedDirectors, fillUnchosen, tally, voteRowsFor, type VoteChoice, type VoteRow } from './vote-rows';

const CHOICES: { value: VoteChoice; label: string }[] = [
  { value: 'for', label: 'For' },
  { value: 'against', label: 'Against' },
  { value: 'abstain', label: 'Abstain' },
  { value: 'recused', label: 'Recused' },
];

type Errors = Record<string, string>;

/** A whole number typed in a count box, or undefined while it is empty. */
function count(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/**
 * Records one decision on an item. Board and committee meetings: proposer, seconder, votes by
 * name (a row per director present, conflicted directors pre-marked recused) or as counts, the
 * quorum for this item, and the explicit "record as not quorate" where it is not. Members'
 * meetings: the resolution as set out in the notice, ordinary or special, show of hands or poll,
 * and the counts the meeting declared.
 */
export function DecisionForm({ meeting, item, onCancel, onRecorded }: { meeting: MeetingView; item: AgendaItem; onCancel: () => void; onRecorded: (d: Decision) => void }) {
  const uid = `d${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const members = isMembersMeeting(meeting.meeting.kind);
  const present = voteRowsFor(meeting, item);
  const departed = departedDirectors(meeting);
  const noticeResolutions = meeting.resolutions.filter((r) => r.agendaItemId === item.id || r.agendaItemId === null);
  const firstResolution = members ? (meeting.resolutions.find((r) => r.agendaItemId === item.id) ?? null) : null;
  const [text, setText] = useState(firstResolution?.text ?? '');
  const [resolutionId, setResolutionId] = useState(firstResolution?.id ?? '');
  const [kind, setKind] = useState<'ordinary' | 'special'>(firstResolution?.kind ?? 'ordinary');
  const [method, setMethod] = useState<'show_of_hands' | 'poll'>('show_of_hands');
  const [proposer, setProposer] = useState('');
  const [seconder, setSeconder] = useState('');
  const [byName, setByName] = useState(!members && present.length > 0);
  const [rows, setRows] = useState<VoteRow[]>(present);
  const [votesFor, setVotesFor] = useState('');
  const [votesAgainst, setVotesAgainst] = useState('');
  const [votesAbstain, setVotesAbstain] = useState('');
  const [recused, setRecused] = useState<string[]>(item.conflicted.map((c) => c.officerId));
  const [notQuorate, setNotQuorate] = useState(false);
  const [casting, setCasting] = useState<'' | 'for' | 'against'>('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = (name: string) => `${uid}-${name}`;
  const quorum = item.quorum ?? (members ? meeting.quorum : null);
  const t = tally(rows);
  const named = byName && !members;
  const forCount = named ? t.for : (count(votesFor) ?? 0);
  const againstCount = named ? t.against : (count(votesAgainst) ?? 0);
  const tied = !members && forCount > 0 && forCount === againstCount;

  const chooseResolution = (rid: string) => {
    setResolutionId(rid);
    const r = meeting.resolutions.find((x) => x.id === rid);
    if (r) {
      setText(r.text);
      setKind(r.kind);
    }
  };

  const check = (): Errors => {
    const e: Errors = {};
    if (!text.trim()) e.text = members ? 'Enter the text of the resolution.' : 'Enter the decision.';
    if (byName && !members) {
      if (t.unchosen > 0) e.votes = `Choose a vote for each director present (${t.unchosen} not yet chosen).`;
    } else {
      for (const [key, value, what] of [
        ['votesFor', votesFor, 'votes for'],
        ['votesAgainst', votesAgainst, 'votes against'],
        ['votesAbstain', votesAbstain, members ? 'votes withheld' : 'abstentions'],
      ] as const) {
        const n = count(value);
        if (key === 'votesFor' && n === undefined) e[key] = 'Enter the number of votes for.';
        else if (n !== undefined && (!Number.isInteger(n) || n < 0)) e[key] = `Enter the ${what} as a whole number, 0 or more.`;
      }
    }
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setGeneral(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call('decisions.record', {
      agendaItemId: item.id,
      kind: members ? kind : 'board',
      method: members ? method : 'board_vote',
      ...(members && resolutionId ? { resolutionId } : {}),
      text: text.trim(),
      proposer,
      seconder,
      ...(named
        ? { votes: rows.map((r) => ({ officerId: r.officerId, vote: r.vote as VoteChoice })) }
        : {
            votesFor: count(votesFor) ?? 0,
            votesAgainst: count(votesAgainst) ?? 0,
            votesAbstain: count(votesAbstain) ?? 0,
            ...(!members ? { recusedOfficerIds: recused } : {}),
          }),
      ...(tied && casting ? { castingVote: casting } : {}),
      recordNotQuorate: notQuorate,
    });
    setBusy(false);
    if (!result.ok) {
      const fe = result.error.fieldErrors ?? {};
      const mapped: Errors = {};
      for (const [k, m] of Object.entries(fe)) mapped[k.startsWith('votes.') ? 'votes' : k] = m;
      setErrors(mapped);
      const shown = ['text', 'proposer', 'seconder', 'votes', 'votesFor', 'votesAgainst', 'votesAbstain', 'recordNotQuorate', 'kind', 'resolutionId', 'castingVote'];
      if (!Object.keys(mapped).some((k) => shown.includes(k))) setGeneral(result.error.message);
      else if (Object.keys(mapped).length === 0) setGeneral(result.error.message);
      return;
    }
    await queryClient.invalidateQueries();
    toast(`${result.value.outcomeMessage}`);
    onRecorded(result.value);
  };

  const err = Object.entries(errors);
  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`${members ? 'Record a resolution' : 'Record a decision'} on item ${item.number}`}>
      {err.length > 0 ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <ul>
            {err.map(([k, m]) => (
              <li key={k}>
                <a href={`#${id(k)}`}>{m}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {general ? (
        <Banner tone="error" title="Not recorded">
          <p>{general}</p>
        </Banner>
      ) : null}
      {quorum ? (
        <p className={`decision-quorum ${quorum.quorate ? 'is-quorate' : 'is-not-quorate'}`}>
          <span className={`badge ${quorum.quorate ? 'badge-success' : 'badge-danger'}`}>{quorum.quorate ? 'Quorate' : 'Not quorate'}</span> {quorum.message}
        </p>
      ) : null}
      {members && noticeResolutions.length > 0 ? (
        <Field id={id('resolutionId')} label="Resolution as set out in the notice" hint="Choosing one fills in its text and kind; a resolution passed as special must have been stated as special in the notice (CA 2006 s283(6))." error={errors.resolutionId}>
          <select value={resolutionId} onChange={(e) => chooseResolution(e.target.value)}>
            <option value="">Not in the notice</option>
            {noticeResolutions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.kind === 'special' ? 'Special' : 'Ordinary'}: {r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id={id('text')} label={members ? 'Text of the resolution' : 'The decision'} hint={members ? undefined : 'As the minutes will state it: “RESOLVED that …”.'} error={errors.text}>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {members ? (
        <div className="field-row">
          <fieldset className="field">
            <legend>Kind of resolution</legend>
            <div className="decision-radios">
              {(['ordinary', 'special'] as const).map((k) => (
                <label key={k}>
                  <input type="radio" name={id('kind')} value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                  {k === 'ordinary' ? 'Ordinary (simple majority, CA 2006 s282)' : 'Special (at least 75%, CA 2006 s283)'}
                </label>
              ))}
            </div>
            {errors.kind ? <span className="error-message">{errors.kind}</span> : null}
          </fieldset>
          <fieldset className="field">
            <legend>How the vote was taken</legend>
            <div className="decision-radios">
              <label>
                <input type="radio" name={id('method')} checked={method === 'show_of_hands'} onChange={() => setMethod('show_of_hands')} /> Show of hands
              </label>
              <label>
                <input type="radio" name={id('method')} checked={method === 'poll'} onChange={() => setMethod('poll')} /> Poll (votes by holding)
              </label>
            </div>
          </fieldset>
        </div>
      ) : null}
      <datalist id={id('names')}>
        {present.map((r) => (
          <option key={r.officerId} value={r.name} />
        ))}
      </datalist>
      <div className="field-row">
        <Field id={id('proposer')} label="Proposed by (optional)" error={errors.proposer}>
          <input type="text" list={id('names')} autoComplete="off" value={proposer} onChange={(e) => setProposer(e.target.value)} />
        </Field>
        <Field id={id('seconder')} label="Seconded by (optional)" error={errors.seconder}>
          <input type="text" list={id('names')} autoComplete="off" value={seconder} onChange={(e) => setSeconder(e.target.value)} />
        </Field>
      </div>
      {!members ? (
        <div className="checkbox decision-switch">
          <input id={id('byName')} type="checkbox" role="switch" checked={byName} aria-checked={byName} onChange={(e) => setByName(e.target.checked)} disabled={present.length === 0} />
          <label htmlFor={id('byName')}>Record each director’s vote by name{present.length === 0 ? ' (no director is marked present yet)' : ''}</label>
        </div>
      ) : null}
      {!members && byName ? (
        <fieldset className="decision-votes" id={id('votes')} tabIndex={-1} aria-describedby={errors.votes ? id('votes-error') : undefined}>
          <legend>Votes by name</legend>
          {errors.votes ? (
            <span className="error-message" id={id('votes-error')}>
              {errors.votes}
            </span>
          ) : null}
          <table className="data decision-vote-table">
            <caption className="visually-hidden">Each director present and their vote</caption>
            <thead>
              <tr>
                <th scope="col">Director</th>
                {CHOICES.map((c) => (
                  <th key={c.value} scope="col" className="decision-vote-col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.officerId} className={r.vote === 'recused' ? 'decision-row-recused' : undefined}>
                  <th scope="row">
                    {r.name}
                    {r.reason ? <span className="board-sub">{r.reason}: pre-marked recused; change it if the chair decides otherwise.</span> : null}
                  </th>
                  {CHOICES.map((c) => (
                    <td key={c.value} className="decision-vote-col">
                      <input
                        type="radio"
                        name={`${id('vote')}-${r.officerId}`}
                        aria-label={`${r.name}: ${c.label.toLowerCase()}`}
                        checked={r.vote === c.value}
                        onChange={() => setRows(rows.map((x, j) => (j === i ? { ...x, vote: c.value } : x)))}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="decision-tally" aria-live="polite">
            {t.for} for, {t.against} against, {t.abstain} abstaining, {t.recused} recused{t.unchosen > 0 ? `; ${t.unchosen} not yet chosen` : ''}.{' '}
            {t.unchosen > 0 ? (
              <button type="button" className="btn btn-link btn-small" onClick={() => setRows(fillUnchosen(rows, 'for'))}>
                Everyone not yet chosen voted for
              </button>
            ) : null}
          </p>
          {departed.length > 0 ? <p className="muted">Not voting, having left: {departed.map((d) => `${d.name} (left at ${d.leftAt})`).join(', ')}.</p> : null}
        </fieldset>
      ) : (
        <fieldset className="decision-counts">
          <legend>{members ? 'Votes the chair declared' : 'Votes as counts'}</legend>
          <div className="field-row">
            <Field id={id('votesFor')} label="For" error={errors.votesFor}>
              <input type="text" inputMode="numeric" className="narrow" value={votesFor} onChange={(e) => setVotesFor(e.target.value)} autoComplete="off" />
            </Field>
            <Field id={id('votesAgainst')} label="Against" error={errors.votesAgainst}>
              <input type="text" inputMode="numeric" className="narrow" value={votesAgainst} onChange={(e) => setVotesAgainst(e.target.value)} autoComplete="off" />
            </Field>
            <Field id={id('votesAbstain')} label={members ? 'Withheld' : 'Abstaining'} error={errors.votesAbstain}>
              <input type="text" inputMode="numeric" className="narrow" value={votesAbstain} onChange={(e) => setVotesAbstain(e.target.value)} autoComplete="off" />
            </Field>
          </div>
          {!members && item.conflicted.length > 0 ? (
            <fieldset className="decision-recused">
              <legend>Took no part because of an interest</legend>
              {item.conflicted.map((c) => (
                <div className="checkbox" key={c.officerId}>
                  <input
                    id={id(`recused-${c.officerId}`)}
                    type="checkbox"
                    checked={recused.includes(c.officerId)}
                    onChange={(e) => setRecused(e.target.checked ? [...recused, c.officerId] : recused.filter((x) => x !== c.officerId))}
                  />
                  <label htmlFor={id(`recused-${c.officerId}`)}>
                    {c.name} <span className="muted">(declared interest: {c.interest})</span>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </fieldset>
      )}
      {tied || errors.castingVote ? (
        <fieldset className={`field decision-casting${errors.castingVote ? ' has-error' : ''}`} id={id('castingVote')} tabIndex={-1}>
          <legend>The chair’s casting vote</legend>
          <span className="hint">
            The votes are tied ({forCount} for, {againstCount} against). Where the articles give the chair a casting vote (Model Articles art 13), record which way the chair cast it; the chair has none on a matter in which they
            have an interest (art 13(2)).
          </span>
          {errors.castingVote ? <span className="error-message">{errors.castingVote}</span> : null}
          <div className="decision-radios">
            {(
              [
                ['for', 'Cast for the motion'],
                ['against', 'Cast against the motion'],
                ['', 'No casting vote was cast'],
              ] as const
            ).map(([v, label]) => (
              <label key={v || 'none'}>
                <input type="radio" name={id('casting')} checked={casting === v} onChange={() => setCasting(v)} /> {label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {quorum && !quorum.quorate ? (
        <CheckboxField
          id={id('recordNotQuorate')}
          label="Record as not quorate"
          error={errors.recordNotQuorate}
          source="A decision taken without a quorum may be invalid. It will be recorded and the minutes will say that the meeting was not quorate for it, so that it can be ratified at a quorate meeting."
        >
          <input type="checkbox" checked={notQuorate} onChange={(e) => setNotQuorate(e.target.checked)} />
        </CheckboxField>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {members ? 'Record the resolution' : 'Record the decision'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
