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
  created_at: string;
}

export interface ShareTables {
  share_transaction: ShareTransactionTable;
}
