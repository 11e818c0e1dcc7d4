import type { Area } from '../registry';
import { shareHandlers } from './handlers';

/** The share ledger: allotments, transfers, withdrawals; holdings derive from it. (Its state is the member's.) */
export const sharesArea: Area = { name: 'shares', handlers: [shareHandlers] };
