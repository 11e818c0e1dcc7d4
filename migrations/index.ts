import type { Migration } from '../main/core/db/migrator';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_registers';
import * as m0003 from './0003_member_tally';
import * as m0004 from './0004_audit_record_states';
import * as m0005 from './0005_board_filings';
import * as m0006 from './0006_members_law';
import * as m0007 from './0007_meetings';
import * as m0008 from './0008_minutes_corrections';
import * as m0009 from './0009_decisions_search';
import * as m0010 from './0010_proxy_holders_and_wr_organisation';
import * as m0011 from './0011_electronic_notice_agreement';
import * as m0012 from './0012_meeting_kind_index';
import * as m0013 from './0013_ballots';
import * as m0014 from './0014_ballot_slots';
import * as m0015 from './0015_written_resolution_codes';
import * as m0016 from './0016_contracts';
import * as m0017 from './0017_s33_clauses';
import * as m0018 from './0018_contract_duty_open';
import * as m0019 from './0019_contract_income';
import * as m0020 from './0020_contract_income_months';
import * as m0021 from './0021_organisation_relations';
import * as m0022 from './0022_audit_organisation';
import * as m0023 from './0023_contract_duty_names';

/** Every migration, in order. Landed migrations are frozen: add a new file, never edit one. */
export const migrations: readonly Migration[] = [
  { name: '0001_foundation', up: m0001.up },
  { name: '0002_registers', up: m0002.up },
  { name: '0003_member_tally', up: m0003.up },
  { name: '0004_audit_record_states', up: m0004.up },
  { name: '0005_board_filings', up: m0005.up },
  { name: '0006_members_law', up: m0006.up },
  { name: '0007_meetings', up: m0007.up },
  { name: '0008_minutes_corrections', up: m0008.up },
  { name: '0009_decisions_search', up: m0009.up },
  { name: '0010_proxy_holders_and_wr_organisation', up: m0010.up },
  { name: '0011_electronic_notice_agreement', up: m0011.up },
  { name: '0012_meeting_kind_index', up: m0012.up },
  { name: '0013_ballots', up: m0013.up },
  { name: '0014_ballot_slots', up: m0014.up },
  { name: '0015_written_resolution_codes', up: m0015.up },
  { name: '0016_contracts', up: m0016.up },
  { name: '0017_s33_clauses', up: m0017.up },
  { name: '0018_contract_duty_open', up: m0018.up },
  { name: '0019_contract_income', up: m0019.up },
  { name: '0020_contract_income_months', up: m0020.up },
  { name: '0021_organisation_relations', up: m0021.up },
  { name: '0022_audit_organisation', up: m0022.up },
  { name: '0023_contract_duty_names', up: m0023.up },
];
