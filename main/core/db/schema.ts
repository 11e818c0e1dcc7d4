import type { AuditTables } from '../audit/tables';
import type { BallotTables } from '../ballots/tables';
import type { ClassTables } from '../classes/tables';
import type { ContractTables } from '../contracts/tables';
import type { CounterpartyTables } from '../counterparties/tables';
import type { DocumentTables } from '../documents/tables';
import type { FilingTables } from '../filings/tables';
import type { GroupTables } from '../group/tables';
import type { InspectionTables } from '../inspections/tables';
import type { InterestTables } from '../interests/tables';
import type { MeetingTables } from '../meetings/tables';
import type { MemberTables } from '../members/tables';
import type { OfficerTables } from '../officers/tables';
import type { OrganisationTables } from '../organisation/tables';
import type { PscTables } from '../psc/tables';
import type { ShareTables } from '../shares/tables';

/**
 * Every table the core reads or writes, as stored: the infrastructure's own here, each area's
 * in its folder's tables.ts. Booleans are 0/1 integers, legal dates 'YYYY-MM-DD', instants
 * ISO-8601 UTC, money integer pence; columns with fixed values are typed as their unions.
 * Grows with each migration (and the schema snapshot test guards the SQL side).
 */
/**
 * Every table the core reads or writes, as stored. Booleans are 0/1 integers, legal dates
 * 'YYYY-MM-DD', instants ISO-8601 UTC, money integer pence. Grows with each migration.
 */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export interface AppSettingTable {
  organisation_id: string;
  key: string;
  value: string;
  updated_at: string;
}

interface InfrastructureTables {
  app_meta: AppMetaTable;
  schema_migration: SchemaMigrationTable;
  app_setting: AppSettingTable;
}

export interface DB
  extends InfrastructureTables,
    AuditTables,
    OrganisationTables,
    ClassTables,
    MemberTables,
    ShareTables,
    OfficerTables,
    InterestTables,
    PscTables,
    FilingTables,
    InspectionTables,
    DocumentTables,
    MeetingTables,
    BallotTables,
    CounterpartyTables,
    ContractTables,
    GroupTables {}

export type { AuditEventRow } from '../audit/tables';
export type { GoverningRulesRow, OrganisationRow } from '../organisation/tables';
export type { MembershipClassRow } from '../classes/tables';
export type { MemberRowDb, MemberTable } from '../members/tables';
export type { ShareTransactionTable } from '../shares/tables';
export type { InterestTable } from '../interests/tables';
export type { PscStatementTable, PscTable } from '../psc/tables';
export type { InspectionRequestTable } from '../inspections/tables';
export type { AppointmentTable, OfficerResidentialAddressTable, OfficerTable } from '../officers/tables';
