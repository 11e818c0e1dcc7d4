import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The bar above a printable view (hidden when printed): the way back, progress, and the print button. */
export function PrintToolbar({ back, backLabel, ready, status }: { back: string; backLabel: string; ready: boolean; status?: ReactNode }) {
  return (
    <nav className="print-toolbar no-print" aria-label="Printable view">
      <Link to={back}>← {backLabel}</Link>
      <span className="spacer" />
      {status ? (
        <span className="status" role="status">
          {status}
        </span>
      ) : null}
      <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => window.print()}>
        Print or save as PDF
      </button>
    </nav>
  );
}

/** The statement every copy of the register carries (CA 2006 s120 for companies). */
export function lastAmendedText(lastAmended: string | null, company: boolean, format: (d: string) => string): string {
  const cite = company ? ' (CA 2006 s120)' : '';
  return lastAmended === null ? `No alterations have been made to this register${cite}.` : `This register was last amended on ${format(lastAmended)}${cite}.`;
}
