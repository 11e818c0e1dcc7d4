import type { Ballot } from '../../../../../shared/contract/ballots';
import { QrCode } from './QrCode';

export interface IssuedCode {
  rollId: string;
  memberNumber: number;
  name: string;
  code: string;
}

/** The ballot letters, one to a printed page: how to vote at the kiosk with the code, the code large and as a QR code. */
export function BallotLetters({ ballot, codes }: { ballot: Ballot; codes: readonly IssuedCode[] }) {
  return (
    <div className="kiosk-print-only ballot-letters">
      {codes.map((c) => (
        <article key={c.rollId} className="ballot-letter">
          <p className="ballot-letter-to">
            {c.name}
            <br />
            Member {c.memberNumber}
          </p>
          <h1>{ballot.title}</h1>
          <p>This is your personal voting code. With it you can vote at the polling station (the voting kiosk) without checking in.</p>
          <div className="ballot-letter-code">
            <p className="ballot-letter-code-text">{c.code}</p>
            <QrCode className="ballot-letter-qr" text={c.code} label={`QR code of the voting code ${c.code}`} />
          </div>
          <h2>How to vote</h2>
          <ol>
            <li>At the kiosk, choose “Vote with a voting code”.</li>
            <li>Type the code above (capital or small letters, with or without the dashes).</li>
            <li>Answer each question, check your answers and cast your vote.</li>
            <li>Keep the tracker the screen shows you: after the ballot closes you can check it is in the published list.</li>
          </ol>
          <h2>Keep this code private</h2>
          <p>
            The code works once. Anyone who has it can vote in your place, so do not share it. If you lose it, ask the secretary for a new one:
            the old code then stops working.
          </p>
          <p>
            Your vote is secret. Your ballot is sealed on the voting screen before it is stored, and it is kept with nothing that says who cast
            it. The roll records only that you have voted.
          </p>
        </article>
      ))}
    </div>
  );
}
