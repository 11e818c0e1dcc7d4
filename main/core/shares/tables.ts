import type { LedgerKind } from '../../../shared/contract/shares';

export interface ShareTransactionTable {
  id: string;
  organisation_id: string;
  member_id: string;
  kind: LedgerKind;
  date: string;
  shares: number;
  amount_pence: number;
  counterparty_member_id: string | null;
  transfer_id: string | null;
  notice_date: string | null;
  payment_date: string | null;
  board_reference: string | null;
  /** The resolution a redemption or purchase of own shares rests on (CA 2006 s685, s694; migration 0006). */
  resolution_reference?: string | null;
  /** The distinguishing numbers that moved, "1-10,15", where the class's shares are numbered (s113(3)). */
  share_numbers?: string | null;
  /** The kind an entry was first recorded as, where migration 0006 relabelled it ('withdrawal'). */
  recorded_as?: LedgerKind | null;
  created_at: string;
}

export interface ShareTables {
  share_transaction: ShareTransactionTable;
}
