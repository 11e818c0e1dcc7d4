import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useToast } from '../../ui/Toasts';
import { subjectAccessFileName, type SubjectAccessSummary } from '../exports/file-names';
import './subject-access.css';

/**
 * A person's right of access (UK GDPR Art 15): everything held about them, as a JSON file
 * they can keep or as a readable record to print or save as PDF. Each export is recorded in
 * the audit log as a disclosure.
 */
export function SubjectAccessButton({ memberId }: { memberId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const details = useRef<HTMLDetailsElement>(null);

  // Escape or a click elsewhere closes the menu, as menus do.
  useEffect(() => {
    const el = details.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && el.open) {
        el.open = false;
        el.querySelector('summary')?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (el.open && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);

  const downloadJson = async () => {
    setBusy(true);
    setError(null);
    try {
      const record = await request('members.subjectAccess', { id: memberId });
      const name = subjectAccessFileName(record as SubjectAccessSummary, memberId, new Date());
      saveBlob(new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' }), name);
      toast(`Saved ${name}. The export is recorded in the audit log.`);
      if (details.current) details.current.open = false;
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="sar-menu" ref={details}>
      <summary className="btn btn-secondary">Subject access</summary>
      <div className="sar-panel">
        <p>
          Everything held about this person, including earlier entries and the history of changes (UK GDPR Art 15). Each export is recorded in the
          audit log.
        </p>
        <div className="sar-actions">
          <button type="button" className="btn btn-secondary" onClick={downloadJson} disabled={busy}>
            {busy ? 'Preparing…' : 'Download their record (JSON)'}
          </button>
          <Link className="btn btn-secondary" to={`/print/subject-access/${memberId}`}>
            Printable record (PDF)
          </Link>
        </div>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
