import type { RefObject } from 'react';
import { groupTracker } from './selections';

/**
 * The voter's receipt: the tracker of the sealed ballot (docs/ballot-protocol.md §10) and how to
 * check it. It carries no name and no choice: a lost receipt tells its finder nothing about the vote.
 * Printing shows this block alone (voting.css, @media print).
 */
export function Receipt(props: {
  ballotTitle: string;
  tracker: string;
  /** The tracker the voting station reported, when it differs from the one this device computed. */
  stationTracker: string | null;
  onFinished?: () => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { ballotTitle, tracker, stationTracker, onFinished, headingRef } = props;
  return (
    <div className="vote-step vote-receipt">
      <div className="vote-panel">
        <h1 className="vote-panel-title" tabIndex={-1} ref={headingRef}>
          Your vote has been cast
        </h1>
        <p className="vote-panel-body">{ballotTitle}</p>
      </div>
      <h2 className="vote-subheading">Your tracker</h2>
      <p>This is your receipt. It is a fingerprint of your sealed ballot.</p>
      <p className="vote-tracker">
        {groupTracker(tracker)}
      </p>
      {stationTracker ? (
        <div className="vote-warning" role="alert">
          <p>
            <strong>Tell the poll clerk or the scrutineer.</strong> The voting station reported a different tracker for your
            ballot: {groupTracker(stationTracker)}. Keep this receipt.
          </p>
        </div>
      ) : null}
      <h2 className="vote-subheading">Checking that your vote was counted</h2>
      <p>
        Your tracker does not show how you voted, so it is safe to keep it or show it to anyone. After the ballot closes, the
        secretary publishes the result with a list of the trackers of every ballot in the ballot box.
      </p>
      <p>
        Look for your tracker in that list. If it is there, your ballot was in the box that was counted. If it is missing, tell
        the scrutineer, and show them this receipt.
      </p>
      <div className="vote-actions vote-no-print">
        <button type="button" className="vote-button vote-button-secondary" onClick={() => window.print()}>
          Print receipt
        </button>
        {onFinished ? (
          <button type="button" className="vote-button" onClick={onFinished}>
            Finish
          </button>
        ) : null}
      </div>
    </div>
  );
}
