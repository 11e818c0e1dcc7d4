import { CONTRACT_STATUS_LABEL, type ContractStatus } from '../../../../shared/contract/contracts';

const TONE: Record<ContractStatus, string> = {
  pipeline: 'badge badge-info',
  awarded: 'badge badge-info',
  live: 'badge badge-success',
  in_extension: 'badge badge-success',
  expired: 'badge badge-muted',
  terminated: 'badge badge-danger',
};

/** Short words for the list; the full label is on the contract's page. */
export const STATUS_SHORT: Record<ContractStatus, string> = {
  pipeline: 'Pipeline',
  awarded: 'Awarded',
  live: 'Live',
  in_extension: 'In extension',
  expired: 'Expired',
  terminated: 'Terminated',
};

/** A contract's derived status as a badge whose words carry the meaning (never the colour alone). */
export function ContractStatusBadge({ status, long = false }: { status: ContractStatus; long?: boolean }) {
  return <span className={TONE[status]}>{long ? CONTRACT_STATUS_LABEL[status] : STATUS_SHORT[status]}</span>;
}

/** "Overdue" with how many, in words. */
export function OverdueBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return <span className="badge badge-danger">{count === 1 ? 'Overdue' : `${count} overdue`}</span>;
}
