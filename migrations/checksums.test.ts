import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

/**
 * A landed migration is frozen: files out in the world were migrated by exactly this code, so
 * changing it would leave them with a schema no new file has. Each landed migration's SHA-256
 * (of its text with Unix line endings) is recorded here; editing one fails this test, adding a
 * new one does not. Record a migration's checksum once it has landed.
 */
const LANDED: Record<string, string> = {
  '0001_foundation.ts': '31045455be52101b4f34652a5eecde3078c211ad5d9a748e18ea59aa0bf2c439',
  '0002_registers.ts': 'dd4e69a4eed4cd2dcbbf446d52cbfa037136757ce619761936c9b19eb558aaee',
  '0003_member_tally.ts': 'a1389fe76fd46386808b82d650b0d68bbc28452113a0f7e25b9b649386859a03',
  '0004_audit_record_states.ts': 'b68e5eb682062c13de5c9c5b84569466e11e6378cbe1c653564132e4ea6620f8',
  '0005_board_filings.ts': 'eecf5e4a864a4a4a85d50a56692d541c0d3f8824d29a8ba9b49cd73b854deb55',
  '0006_members_law.ts': '335aafbc86d159cf039e12fd345e15852d3403208bd5e4d4b86ca7bd08134608',
  '0007_meetings.ts': '7ae0d27aa5e89351ddfdde5a4219be760ee10f4020af4c7b24418dbe34cf9942',
  '0008_minutes_corrections.ts': '06450d9682072233e9bb5f9433da2a00f2ba87cdb4bc47315e69b93aa35520df',
  '0009_decisions_search.ts': 'e0f876056be5eb7013aad922f9a7acfa212344277078a4b7225da945c03ec3f3',
  '0010_proxy_holders_and_wr_organisation.ts': 'bb3151ffb5b68568797adb7e63faf9da43b26b4ac571b50d5fdbae0410bbdacb',
  '0011_electronic_notice_agreement.ts': '0d147f411f226998e05c4eeef1399bfdd8b389467b7badad90525eb8c2596553',
  '0012_meeting_kind_index.ts': '8db4ad6901d44138d10034c25e3826fafdcbb3536ec378d99a5dff8ee6c3c166',
  '0013_ballots.ts': '7a66fea7689c47cf352dc91c8625a09d591a1c7c05e4494bdf7416c6843ac1ad',
  '0014_ballot_slots.ts': 'd602a754190fbacbead9f31e5a3a19c9ab16b790e8efafdc1d6abc476f79bc16',
  '0015_written_resolution_codes.ts': '117f8159d89e38d598b3c5b5c265e15c1ce3df1a7438f7173b8527c9e8193b7c',
  '0016_contracts.ts': 'faa942f5970e037dc45ddae3241aaf55d4e2b9d4a8f6cecae4a3c3db31b6b0aa',
  '0017_s33_clauses.ts': 'f82c4226354826213ff45089142f1829c2a31177ff4dc6e6f0e58bc9678155a0',
  '0018_contract_duty_open.ts': '4d60dd5e12f3095fc7a7080a3b40c75a4304af2361383ff17afcb848ff9ff5c9',
  '0019_contract_income.ts': 'ba99856cad354c9a60bf9e06ab6ee5b43ac65db05ebe37f288a5beb7ec71f518',
  '0020_contract_income_months.ts': '774c46afa3e7b1ca5ba4c978c1ca1f02fa9983ce07eec672c90f47e436f978e2',
  '0021_organisation_relations.ts': 'b358d439e68a4ec8ca2e90bc49cda17203d6b0f96c7e6148d9e1d57a9ea0061e',
  '0022_audit_organisation.ts': '5004c127ed71f26465d9475abe55a2f8b1060dcd407ab51cb9491b455318f777',
  '0023_contract_duty_names.ts': 'c16f19c549771387f6900b086787afa2386b278f1ee98ebca7462b24d0795909',
};

const dir = __dirname;
const checksum = (file: string) => createHash('sha256').update(readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');

describe('landed migrations', () => {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f));

  it('are unchanged since they landed', () => {
    for (const [file, sum] of Object.entries(LANDED)) {
      expect(checksum(file), `${file} was edited after it landed; add a new migration instead`).toBe(sum);
    }
  });

  it('are all listed, in order, and a new file needs only its line in index.ts', () => {
    expect(migrations.map((m) => `${m.name}.ts`)).toEqual(files.sort());
    expect(Object.keys(LANDED).every((f) => files.includes(f))).toBe(true);
  });
});
