import { Fragment, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { QrCode } from '../kiosk/QrCode';
import { servesTarget, STATION_POLL_MS, stoppedReasonFor, type StationTarget } from './target';
import { TurnoutBar } from './TurnoutBar';
import { agreementWords, projectorTurnout, shortFingerprint, stoppedSentence, turnoutWords } from './words';
import './station.css';

/** `#/ballots/:id/station`: the projector view of the voting station for one ballot. */
export function BallotProjectorPage() {
  const { id = '' } = useParams();
  return <StationProjector ballotId={id} backTo={`/ballots/${id}`} backLabel="Back to the ballot" />;
}

/**
 * The same view for a circulating members' written resolution, for a route such as
 * `/written-resolutions/:id/station` (pass that path to StationPanel as `projectorPath`).
 */
export function WrittenResolutionProjectorPage() {
  const { id = '' } = useParams();
  return <StationProjector writtenResolutionId={id} backTo={`/written-resolutions/${id}`} backLabel="Back to the written resolution" />;
}

/**
 * What the room's screen shows while the voting station runs (issue 9): the QR code of the
 * station's address, the address to type, the election's fingerprint for voters to compare with
 * their phone, and the turnout (never choices). Black on white, sized to be read from the back of a
 * hall, without the app's menu. Also for a written resolution (mounted by its own route).
 */
export function StationProjector({ ballotId, writtenResolutionId, backTo, backLabel }: StationTarget & { backTo: string; backLabel: string }) {
  const status = useApiQuery('station.status', {}, { refetchInterval: STATION_POLL_MS });
  const ballot = useApiQuery('ballots.get', { id: ballotId ?? '' }, { enabled: Boolean(ballotId) });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);
  const s = status.data;
  const serving = s ? servesTarget(s, { ballotId, writtenResolutionId }) : false;
  const title = (ballotId ? (s?.ballot?.id === ballotId ? s.ballot.title : ballot.data?.title) : null) ?? (writtenResolutionId ? 'Members’ written resolution' : 'Ballot');

  useEffect(() => {
    document.title = `Vote on your phone: ${title} – Mutual Governance`;
  }, [title]);
  // Focus moves to the heading when the page opens and when the station starts or stops under it.
  const loaded = s !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [serving, loaded]);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const bar = (
    <header className="station-projector-bar">
      <Link
        to={backTo}
        onClick={() => {
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        }}
      >
        {backLabel}
      </Link>
      {serving && !fullScreen && document.documentElement.requestFullscreen ? (
        <button type="button" className="btn btn-secondary" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
          Full screen
        </button>
      ) : null}
    </header>
  );

  if (status.error) {
    return (
      <div className="station-projector">
        {bar}
        <main className="station-projector-main">
          <h1 className="station-projector-heading" tabIndex={-1} ref={headingRef}>
            The voting station could not be checked
          </h1>
          <p className="station-projector-message">{status.error.message}</p>
        </main>
      </div>
    );
  }
  if (!s) return <p role="status">Loading…</p>;
  if (!serving) {
    return (
      <div className="station-projector">
        {bar}
        <main className="station-projector-main">
          <h1 className="station-projector-heading" tabIndex={-1} ref={headingRef}>
            Voting from phones is not open
          </h1>
          <p className="station-projector-title">{title}</p>
          <p className="station-projector-message">
            {s.running
              ? 'The voting station is running for something else.'
              : stoppedReasonFor(s, { ballotId, writtenResolutionId })
                ? `The voting station has stopped. ${stoppedSentence(stoppedReasonFor(s, { ballotId, writtenResolutionId })!)}`
                : 'The voting station is not running. Start it from the ballot’s page, under “Voting from phones”.'}
          </p>
          <p className="station-projector-message">
            <Link to={backTo}>{backLabel}</Link>
          </p>
        </main>
      </div>
    );
  }

  const url = s.url ?? '';
  const typed = url.replace(/\/$/, '');
  // Broken only after the scheme, never inside the address or the port: a line break there reads as two things to type.
  const [, scheme = '', host = typed] = /^([a-z]+:\/\/)?(.*)$/i.exec(typed) ?? [];
  const fingerprint = ballotId && s.ballot?.fingerprint ? shortFingerprint(s.ballot.fingerprint) : null;
  return (
    <div className="station-projector">
      {bar}
      <main className="station-projector-main">
        <h1 className="station-projector-heading" tabIndex={-1} ref={headingRef}>
          {ballotId ? 'Vote on your phone' : 'Agree on your phone'}
        </h1>
        <p className="station-projector-title">{title}</p>
        <div className="station-projector-grid">
          <QrCode text={url} label={`QR code of the voting address ${typed}`} className="station-qr" />
          <div className="station-projector-facts">
            <p className="station-projector-step">Join this room’s Wi-Fi, then scan the code or type:</p>
            <p className="station-projector-url">
              {scheme ? (
                <>
                  <span className="station-projector-unbroken">{scheme}</span>
                  <wbr />
                </>
              ) : null}
              <span className="station-projector-unbroken">{host}</span>
            </p>
            {fingerprint ? (
              <>
                <p className="station-projector-step">Your phone should show the ballot’s fingerprint:</p>
                <p className="station-projector-fingerprint">
                  {fingerprint.split(' ').map((group, i) => (
                    <Fragment key={i}>
                      {i > 0 ? ' ' : null}
                      <span className="station-projector-unbroken">{group}</span>
                    </Fragment>
                  ))}
                </p>
              </>
            ) : null}
            {ballotId && s.turnout ? (
              <div className="station-projector-turnout">
                <p>{projectorTurnout(s.turnout)}</p>
                <TurnoutBar done={s.turnout.voted} total={s.turnout.count} label="Voters who have voted" valueText={turnoutWords(s.turnout)} className="station-projector-progress" />
              </div>
            ) : null}
            {writtenResolutionId && s.writtenResolution && !ballotId ? <p className="station-projector-resolution">{s.writtenResolution.text}</p> : null}
            {writtenResolutionId && s.agreement ? (
              <div className="station-projector-turnout">
                <p>{agreementWords(s.agreement)}</p>
              </div>
            ) : null}
          </div>
        </div>
      </main>
    </div>
  );
}
