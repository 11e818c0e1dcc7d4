import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { pdfSaver, saveAsPdf } from '../lib/print';

/**
 * The bar above a printable view (hidden when printed): the way back, progress, and the print
 * button. In the desktop app it saves a PDF through the host (a save dialog, no print dialog);
 * in a browser it opens the browser's print dialog, where "Save as PDF" is one of the printers.
 * The PDF's title (and suggested file name) is the page's title, which each view sets.
 */
export function PrintToolbar({ back, backLabel, ready, status }: { back: string; backLabel: string; ready: boolean; status?: ReactNode }) {
  const canSave = pdfSaver() !== null;
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    setOutcome(null);
    const r = await saveAsPdf(document.title);
    setSaving(false);
    setOutcome(r.kind === 'saved' ? `Saved${r.path ? ` to ${r.path}` : ''}.` : r.kind === 'cancelled' ? 'Not saved.' : `The PDF could not be saved: ${r.message}`);
  };
  return (
    <nav className="print-toolbar no-print" aria-label="Printable view">
      <Link to={back}>← {backLabel}</Link>
      <span className="spacer" />
      <span className="status" role="status">
        {outcome ?? status ?? null}
      </span>
      {canSave ? (
        <>
          <button type="button" className="btn btn-secondary" disabled={!ready} onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="btn btn-primary" disabled={!ready || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save as PDF'}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => window.print()}>
          Print or save as PDF
        </button>
      )}
    </nav>
  );
}

/** The statement every copy of the register carries (CA 2006 s120 for companies). */
export function lastAmendedText(lastAmended: string | null, company: boolean, format: (d: string) => string): string {
  const cite = company ? ' (CA 2006 s120)' : '';
  return lastAmended === null ? `No alterations have been made to this register${cite}.` : `This register was last amended on ${format(lastAmended)}${cite}.`;
}
