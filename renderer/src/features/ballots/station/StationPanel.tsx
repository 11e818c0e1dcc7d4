import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { StationStatus } from '../../../../../shared/contract/station';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/queries';
import { formatInstant } from '../../../lib/dates';
import { Banner } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useToast } from '../../../ui/Toasts';
import { useThrottledAnnouncement } from './announce';
import { ALL_INTERFACES, listensEverywhere, networkChoices, otherAddresses, startInput } from './interfaces';
import { servesTarget, STATION_POLL_MS, stoppedReasonFor, type StationTarget } from './target';
import { TurnoutBar } from './TurnoutBar';
import { agreementWords, phoneWords, refusalRows, stoppedSentence, turnoutWords } from './words';
import './station.css';

/** The panel's heading: the ballot page's "Voting from phones" link moves focus to it. */
export const STATION_PANEL_HEADING_ID = 'station-panel-h';

const n = (v: number) => v.toLocaleString('en-GB');

/**
 * "Voting from phones" in the polling station's list: moves to the panel below. A button, not an
 * in-page link: with the hash router, a "#fragment" href would be taken as a route.
 */
export function StationJump() {
  const go = () => {
    const heading = document.getElementById(STATION_PANEL_HEADING_ID);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <button type="button" className="btn btn-link station-jump" onClick={go}>
      Voting from phones
    </button>
  );
}

/**
 * "Voting from phones" (issue 9): start the voting station on one network the secretary chooses,
 * then follow it (the address, turnout and refusals, never choices) and stop it. For an open
 * ballot, a circulating members' written resolution, or both.
 */
export function StationPanel(props: StationTarget & { projectorPath?: string }) {
  const { ballotId, writtenResolutionId } = props;
  const target = useMemo<StationTarget>(() => ({ ballotId, writtenResolutionId }), [ballotId, writtenResolutionId]);
  const status = useApiQuery('station.status', {}, { refetchInterval: (q) => (q.state.data?.running ? STATION_POLL_MS : false) });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useCallback(() => window.requestAnimationFrame(() => headingRef.current?.focus()), []);
  const s = status.data;
  const ours = s ? servesTarget(s, target) : false;
  const projectorPath = props.projectorPath ?? (ballotId ? `/ballots/${ballotId}/station` : undefined);
  return (
    <section className="card station-panel" aria-labelledby={STATION_PANEL_HEADING_ID}>
      <h2 id={STATION_PANEL_HEADING_ID} tabIndex={-1} ref={headingRef}>
        Voting from phones
      </h2>
      {status.error ? (
        <Banner tone="error" title="The voting station could not be checked">
          <p>{status.error.message}</p>
        </Banner>
      ) : !s ? (
        <p role="status">Checking the voting station…</p>
      ) : s.running && ours ? (
        <RunningStation status={s} target={target} projectorPath={projectorPath} onStopped={focusHeading} />
      ) : s.running ? (
        <OtherStation status={s} onStopped={focusHeading} />
      ) : (
        <StartStation status={s} target={target} onStarted={focusHeading} />
      )}
    </section>
  );
}

function Explanation({ target }: { target: StationTarget }) {
  const what = target.ballotId ? 'vote' : 'agree to the resolution';
  return (
    <>
      <p>
        Members can {what} on their own phones. This laptop becomes a voting station on the meeting room’s network: members scan a QR code on the projector (or type the address), enter the
        voting code from their letter, and {target.ballotId ? 'vote' : 'agree'}. Nothing is installed on the phones and nothing goes over the internet.
        {target.ballotId
          ? ' Each vote is encrypted on the phone before it is sent, and goes into the same ballot box as the kiosk, code and paper votes.'
          : ' Agreeing is not secret: who agreed, and when, is recorded (CA 2006 s296).'}
      </p>
      <h3>Which network to use</h3>
      <ul className="station-network-advice">
        <li>The mutual’s own travel router, or the venue’s Wi-Fi with a password. Not an open network that anyone passing can join.</li>
        <li>The phones and this laptop must be on the same network. Some venues keep devices on their guest Wi-Fi apart from each other: try it with one phone before the meeting.</li>
        <li>Members who cannot or would rather not use a phone can still vote at the kiosk or on paper.</li>
      </ul>
    </>
  );
}

function StartStation({ status, target, onStarted }: { status: StationStatus; target: StationTarget; onStarted: () => void }) {
  const interfaces = useApiQuery('station.interfaces', {});
  const choices = useMemo(() => networkChoices(interfaces.data?.interfaces ?? []), [interfaces.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const firstRadio = useRef<HTMLInputElement>(null);
  const choice = choices.find((c) => c.value === chosen) ?? null;

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!choice) {
      setMissing(true);
      firstRadio.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await call('station.start', startInput(choice, target));
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      queryClient.setQueryData(['station.status', {}], result.value);
      toast(`The voting station is running at ${result.value.url ?? choice.address}.`);
      onStarted();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The voting station could not be started.');
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${idp}-error`;
  return (
    <>
      {stoppedReasonFor(status, target) ? (
        <div role="status">
          <Banner tone="info" title="The voting station has stopped">
            <p>{stoppedSentence(stoppedReasonFor(status, target)!)}</p>
          </Banner>
        </div>
      ) : null}
      <Explanation target={target} />
      {interfaces.error ? (
        <Banner tone="error" title="This laptop’s network connections could not be read">
          <p>{interfaces.error.message}</p>
        </Banner>
      ) : !interfaces.data ? (
        <p role="status">Reading this laptop’s network connections…</p>
      ) : (
        <form onSubmit={(e) => void start(e)} noValidate aria-label="Start the voting station">
          <fieldset className={`field station-networks${missing && !choice ? ' has-error' : ''}`} aria-describedby={`${idp}-hint${missing && !choice ? ` ${errorId}` : ''}`}>
            <legend>Which network will the phones use?</legend>
            <p className="fieldset-hint" id={`${idp}-hint`}>
              This laptop’s network connections. The station listens only on the one you choose.
              {choices.every((c) => c.internal || c.allInterfaces) ? ' This laptop is not connected to any network yet: join the travel router or the venue’s Wi-Fi, then look again.' : ''}
            </p>
            {missing && !choice ? (
              <p className="error-message" id={errorId}>
                <span className="visually-hidden">Error: </span>Choose the network the phones will use.
              </p>
            ) : null}
            {choices.map((c, i) => (
              <div className={`checkbox station-network${c.allInterfaces ? ' station-network-all' : ''}`} key={c.value}>
                <input
                  ref={i === 0 ? firstRadio : undefined}
                  id={`${idp}-net-${i}`}
                  type="radio"
                  name={`${idp}-network`}
                  value={c.value}
                  checked={chosen === c.value}
                  onChange={() => {
                    setChosen(c.value);
                    setMissing(false);
                  }}
                  aria-describedby={`${idp}-net-${i}-hint`}
                />
                <div>
                  <label htmlFor={`${idp}-net-${i}`}>{c.label}</label>
                  <span className="station-network-hint" id={`${idp}-net-${i}-hint`}>
                    {c.hint}
                  </span>
                </div>
              </div>
            ))}
            <p>
              <button type="button" className="btn btn-link station-look-again" onClick={() => void interfaces.refetch()} disabled={interfaces.isFetching}>
                {interfaces.isFetching ? 'Looking…' : 'Look for network connections again'}
              </button>{' '}
              <span className="muted">(after joining a network)</span>
            </p>
          </fieldset>
          {chosen === ALL_INTERFACES ? (
            <Banner tone="warning" title="Every network connection">
              <p>
                The voting page will be open to anyone on any network this laptop is connected to, not only the room’s. Voting codes still protect the ballot, but choose one network above if
                you can.
              </p>
            </Banner>
          ) : null}
          {problem ? (
            <Banner tone="error" title="The voting station did not start">
              <p>{problem}</p>
            </Banner>
          ) : null}
          <div className="ballot-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Starting…' : 'Start the voting station'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function RunningStation({ status, target, projectorPath, onStopped }: { status: StationStatus; target: StationTarget; projectorPath: string | undefined; onStopped: () => void }) {
  const turnout = target.ballotId ? status.turnout : null;
  const agreement = target.writtenResolutionId ? status.agreement : null;
  const words = [turnout ? turnoutWords(turnout) : null, turnout ? phoneWords(turnout) : null, agreement ? agreementWords(agreement) : null].filter(Boolean).join(' ');
  // Alerts that arrive while the panel is shown are announced with the turnout (at the same polite rate).
  const [shownSince] = useState(() => new Date().toISOString());
  const fresh = status.alerts.find((a) => a.at >= shownSince);
  const announced = useThrottledAnnouncement(`${words}${fresh ? ` Alert: ${fresh.message}` : ''}`);
  const address = status.url ?? (status.address && status.port ? `${status.address}:${status.port}` : '');
  // The ballot page's own turnout card reads the ballot once: it is read again when the station sees a vote.
  const queryClient = useQueryClient();
  const voted = turnout?.voted ?? null;
  useEffect(() => {
    if (voted !== null && target.ballotId) void queryClient.invalidateQueries({ queryKey: ['ballots.get', { id: target.ballotId }] });
  }, [voted, target.ballotId, queryClient]);
  const refusals = refusalRows(status.refusals);
  return (
    <>
      <p className="station-state">
        <span className="badge badge-success">Running</span> since {status.startedAt ? formatInstant(status.startedAt) : 'just now'}
        {status.interfaceName ? `, on ${status.interfaceName}` : ''}.
      </p>
      <p className="station-address-intro">Phones open this address:</p>
      <p className="station-address">{address}</p>
      {listensEverywhere(status.address) ? <OtherAddresses status={status} /> : null}
      {projectorPath ? (
        <p>
          <Link to={projectorPath} className="station-projector-link">
            Show the address and QR code on the projector
          </Link>{' '}
          (a full-screen page for the room’s screen, with the live turnout)
        </p>
      ) : null}
      <h3>{target.ballotId ? 'Turnout' : 'Agreement'}</h3>
      <p className="muted">Updated every 2 seconds. {target.ballotId ? 'Never how anyone voted: only who has.' : ''}</p>
      {turnout ? (
        <>
          <p className="station-turnout">{turnoutWords(turnout)}</p>
          {phoneWords(turnout) ? <p>{phoneWords(turnout)}</p> : null}
          <TurnoutBar done={turnout.voted} total={turnout.count} label="Voters who have voted" valueText={turnoutWords(turnout)} />
        </>
      ) : null}
      {agreement ? (
        <>
          <p className="station-turnout">{agreementWords(agreement)}</p>
          <TurnoutBar done={agreement.votesAgreed} total={agreement.totalVotes} label="Votes of members who have agreed" valueText={agreementWords(agreement)} />
        </>
      ) : null}
      <div className="visually-hidden station-announcer" role="status" aria-live="polite">
        {announced}
      </div>
      <h3>Refused</h3>
      <table className="data station-refusals">
        <caption className="visually-hidden">What phones were refused for</caption>
        <tbody>
          {refusals.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{n(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">A phone or a code stopped for trying too often is recorded in the audit log, with the phone’s address and never the code that was typed.</p>
      <h3>Alerts</h3>
      {status.alerts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="station-alerts">
          {status.alerts.slice(0, 10).map((a, i) => (
            <li key={`${i}-${a.at}`}>
              <span className="station-alert-time">{formatInstant(a.at)}</span> {a.message}
            </li>
          ))}
        </ul>
      )}
      <StopStation onStopped={onStopped} />
    </>
  );
}

/** Listening everywhere: the laptop's addresses on its other networks, for phones on those. */
function OtherAddresses({ status }: { status: StationStatus }) {
  const interfaces = useApiQuery('station.interfaces', {});
  const others = status.port ? otherAddresses(interfaces.data?.interfaces ?? [], status.port, status.url) : [];
  if (others.length === 0) return null;
  return (
    <>
      <p>The station listens on every network connection of this laptop. Phones on its other networks open:</p>
      <ul className="station-other-addresses">
        {others.map((u) => (
          <li key={u} className="station-inline-address">
            {u}
          </li>
        ))}
      </ul>
    </>
  );
}

function OtherStation({ status, onStopped }: { status: StationStatus; onStopped: () => void }) {
  const serving = [status.ballot ? `the ballot “${status.ballot.title}”` : null, status.writtenResolution ? 'a written resolution' : null].filter(Boolean).join(' and ');
  return (
    <>
      <p>
        The voting station is already running{serving ? ` for ${serving}` : ''}, at <span className="station-inline-address">{status.url}</span>. Stop it before starting it for this one.
      </p>
      <StopStation onStopped={onStopped} />
    </>
  );
}

function StopStation({ onStopped }: { onStopped: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const stop = async () => {
    setConfirming(false);
    setProblem(null);
    try {
      const result = await call('station.stop', {});
      if (!result.ok) return setProblem(result.error.message);
      queryClient.setQueryData(['station.status', {}], result.value);
      toast('The voting station has stopped: phones can no longer reach it.');
      onStopped();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The voting station could not be stopped.');
    }
  };
  return (
    <>
      {problem ? (
        <Banner tone="error" title="The voting station is still running">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <div className="ballot-actions">
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          Stop the voting station
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog open title="Stop the voting station?" confirmLabel="Stop the voting station" tone="danger" onConfirm={() => void stop()} onCancel={() => setConfirming(false)}>
          <p>Phones can no longer reach it. What members have already sent from their phones stays recorded, and they can still vote at the kiosk, with a code or on paper. You can start the station again.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
