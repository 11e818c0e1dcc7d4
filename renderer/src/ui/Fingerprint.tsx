/**
 * The audit log's fingerprint when a copy was made, printed on every copy: kept with the paper,
 * it lets anyone check later (Settings › Audit log › Verify) that the log has not been rewritten.
 */
export function AuditFingerprint({ value }: { value: string }) {
  return (
    <p className="fingerprint-line">
      Audit log fingerprint <span className="fingerprint">{value}</span>: compare it in Settings › Audit log › Verify to check that the log has not
      been rewritten since this copy was made.
    </p>
  );
}
