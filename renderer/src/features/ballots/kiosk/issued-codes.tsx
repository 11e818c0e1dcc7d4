import { useEffect, useState } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { formatCount } from '../../../lib/format';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/**
 * What the ballot's voting codes (CodesPage) and a written resolution's agreement codes
 * (written-resolutions/AgreementCodesPage) share. The core keeps only the codes' hashes, so the
 * codes exist only on that page, once: the page holds them, asks before they are lost, and shows
 * them for a download and the letters. The words are each page's own (a vote and an agreement are
 * different acts in law), passed in.
 */

/** A code just issued, as both pages show it. */
export interface ShownCode {
  memberNumber: number | null;
  name: string;
  code: string;
}

/**
 * The codes issued on this page, and its hold on them: leaving the page loses the codes, so the
 * app asks first, inside the app (the blocker, for LeaveWithoutCodesDialog) and as the window
 * closes; print() mounts the letters (while printing) and prints them.
 * - sameHolder: whether two codes are for the same person (a reissue replaces the one shown).
 */
export function useShownCodes<C extends ShownCode>(sameHolder: (a: C, b: C) => boolean) {
  const [issued, setIssued] = useState<C[] | null>(null);
  const [printing, setPrinting] = useState(false);

  // Leaving the page loses the codes: the app asks first, inside the app and as the window closes.
  const keeping = issued !== null && issued.length > 0;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => keeping && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!keeping) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [keeping]);
  useEffect(() => {
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  /** Codes issued a moment ago on this page stay listed with the new ones, for the same download. */
  const add = (codes: readonly C[]) => setIssued((prev) => [...(prev ?? []).filter((c) => !codes.some((n) => sameHolder(n, c))), ...codes]);
  const print = () => {
    setPrinting(true);
    window.setTimeout(() => window.print(), 50);
  };
  return { issued, add, printing, print, blocker };
}

/** Asked as the secretary leaves a page holding codes (mounted only while asked: ConfirmDialog names itself by a fixed id). */
export function LeaveWithoutCodesDialog({ blocker, count }: { blocker: Blocker; count: number }) {
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog open title="Leave without the codes?" confirmLabel="Leave and lose the codes" tone="danger" onCancel={() => blocker.reset?.()} onConfirm={() => blocker.proceed?.()}>
      <p>
        {formatCount(count, 'code')} shown on this page will not be shown again. If you have not downloaded or printed them, you will have to
        reissue them (the old codes then stop working).
      </p>
    </ConfirmDialog>
  );
}

/** The page's own words for the codes it issued. */
export interface IssuedCodesWords {
  /** When nobody needed a code. */
  noneNeeded: string;
  /** The status line once codes are issued. */
  sendNow: string;
  printLabel: string;
  /** Shown once the mail-merge file is downloaded. */
  downloaded: string;
  caption: string;
  codeHeader: string;
}

/** The codes just issued: the mail-merge download, the letters, and the first SHOWN codes in a table. */
export function IssuedCodesPanel<C extends ShownCode>(props: {
  codes: readonly C[];
  headingId: string;
  className: string;
  rowKey: (c: C) => string;
  onDownload: () => void;
  onPrint: () => void;
  words: IssuedCodesWords;
}) {
  const { codes, headingId, className, rowKey, onDownload, onPrint, words } = props;
  const [downloaded, setDownloaded] = useState(false);
  const SHOWN = 50;
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {codes.length === 0 ? 'No codes were issued' : `${formatCount(codes.length, 'code')} issued`}
      </h2>
      {codes.length === 0 ? (
        <p>{words.noneNeeded}</p>
      ) : (
        <>
          <p role="status">{words.sendNow}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                onDownload();
                setDownloaded(true);
              }}
            >
              Download the mail-merge file (CSV)
            </button>
            <button type="button" className="btn btn-secondary" onClick={onPrint}>
              {words.printLabel}
            </button>
          </div>
          {downloaded ? <p className="muted">{words.downloaded}</p> : null}
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{words.caption}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Member number
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">{words.codeHeader}</th>
                </tr>
              </thead>
              <tbody>
                {codes.slice(0, SHOWN).map((c) => (
                  <tr key={rowKey(c)}>
                    <td className="num">{c.memberNumber ?? ''}</td>
                    <th scope="row">{c.name}</th>
                    <td className="mono nowrap">{c.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {codes.length > SHOWN ? <p className="muted">The first {SHOWN} are shown; the file and the letters have all {codes.length.toLocaleString('en-GB')}.</p> : null}
        </>
      )}
    </section>
  );
}

/** Asked before a lost code is reissued: the old one stops working at once. */
export function ReissueCodeDialog({ name, onCancel, onConfirm }: { name: string; onCancel: () => void; onConfirm: () => void }) {
  return (
    <ConfirmDialog open title={`Reissue ${name}’s code?`} confirmLabel="Reissue the code" tone="danger" onCancel={onCancel} onConfirm={onConfirm}>
      <p>The old code stops working at once. Give {name} the new one.</p>
    </ConfirmDialog>
  );
}
