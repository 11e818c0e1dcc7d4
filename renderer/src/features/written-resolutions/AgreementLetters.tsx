import type { IssuedAgreementCode, WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { formatLegalDate } from '../../lib/dates';
import { QrCode } from '../ballots/kiosk/QrCode';

/**
 * The letters that go with a members' written resolution, one to a printed page: the resolution,
 * the member's agreement code (large, and as a QR code), how to agree with it at the meeting laptop
 * or from a phone, or on paper, and the date by which it must pass if it is not to lapse. That is
 * the statement the law asks to accompany each copy (CA 2006 s291(4), s293(4): how to signify
 * agreement, s296; the date by which it must be passed, s297).
 */
export function AgreementLetters({ resolution, organisation, codes }: { resolution: WrittenResolution; organisation: string; codes: readonly IssuedAgreementCode[] }) {
  const lapses = resolution.lapsesAfter ? formatLegalDate(resolution.lapsesAfter) : null;
  const special = resolution.kind === 'special';
  return (
    <div className="wr-print-only agreement-letters">
      {codes.map((c) => (
        <article key={c.signatoryId} className="agreement-letter">
          <p className="agreement-letter-to">
            {c.name}
            {c.memberNumber !== null ? (
              <>
                <br />
                Member {c.memberNumber}
              </>
            ) : null}
          </p>
          <h1>
            {organisation}: proposed written {special ? 'special' : 'ordinary'} resolution
          </h1>
          <p>Circulated on {formatLegalDate(resolution.circulatedOn)} to the members entitled to vote on it (Companies Act 2006 s288-s300).</p>
          <blockquote className="agreement-letter-text">{resolution.text}</blockquote>
          <p>
            {special
              ? 'It is proposed as a special resolution: it passes when members holding at least 75% of the total voting rights of all eligible members have agreed (s283(2)).'
              : 'It passes when members holding more than half of the total voting rights of all eligible members have agreed (s282(2)).'}
          </p>
          <h2>Your agreement code</h2>
          <div className="agreement-letter-code">
            <p className="agreement-letter-code-text">{c.code}</p>
            <QrCode className="agreement-letter-qr" text={c.code} label={`QR code of the agreement code ${c.code}`} />
          </div>
          <h2>How to agree</h2>
          <p>If you agree to the resolution, do one of these (only one is needed):</p>
          <ul>
            <li>
              <strong>At the meeting laptop:</strong> ask the secretary for the “Agree at this laptop” screen, type the code above (capital or small
              letters, with or without the dashes) and confirm.
            </li>
            <li>
              <strong>From your phone:</strong> while the voting station is running at a meeting, connect to the meeting’s Wi-Fi, scan the QR code
              on the screen or type the address shown, choose this resolution and enter the code above.
            </li>
            <li>
              <strong>On paper:</strong> sign and date a copy of this resolution saying that you agree, and return it to the secretary.
            </li>
          </ul>
          {lapses ? (
            <p className="agreement-letter-lapse">
              The resolution lapses if it has not passed by the end of <strong>{lapses}</strong>; agreement given after that does not count
              (s297).
            </p>
          ) : null}
          <p>
            Once you have agreed you cannot take it back (s296(3)). If you do not agree, you need do nothing. Agreement is not secret: the
            company’s record shows who agreed, when and how.
          </p>
          <h2>Keep this code private</h2>
          <p>
            The code works once, and only for this resolution. Anyone who has it could agree in your name, so do not share it. If you lose it,
            ask the secretary for a new one: the old code then stops working.
          </p>
        </article>
      ))}
    </div>
  );
}
