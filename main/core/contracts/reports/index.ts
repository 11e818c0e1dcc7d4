import type { Area } from '../../registry';
import { contractReportHandlers } from './handlers';

/** What the contract records tell a commissioner and the board: the s33 check and evidence pack, the portfolio and its report (issue 10). */
export const contractReportsArea: Area = { name: 'contractReports', handlers: [contractReportHandlers] };
