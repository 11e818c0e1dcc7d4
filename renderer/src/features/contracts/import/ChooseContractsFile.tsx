import type { RefObject } from 'react';
import {
  CONTRACT_IMPORT_FIELD_LABEL,
  CONTRACT_IMPORT_FIELDS,
  contractImportAnalysisSchema,
  type ContractImportAnalysis,
} from '../../../../../shared/contract/contract-import';
import { ReadFileControls } from '../../hr-import/ReadFileParts';
import { useReadFile } from '../../hr-import/use-read-file';
import { isRequiredField } from './import-format';

const FIELD_NOTE: Partial<Record<(typeof CONTRACT_IMPORT_FIELDS)[number], string>> = {
  commissioner: '(needed, or its ODS code)',
  commissionerOdsCode: '(for NHS bodies, instead of or as well as the name)',
  services: '(CPV codes such as 85310000-5, separated by commas or semicolons)',
  route: '(such as “Open procedure”, “Reserved (s33)”, “PSR direct award C” or “Grant”)',
  extensions: '(their lengths, such as “12+12” in months, “1+1 years” or “2 x 12 months”)',
};

/** Step 1: the secretary chooses the spreadsheet (CSV or XLSX); it is sent in chunks and read by the core. */
export function ChooseContractsFile({ onRead, headingRef }: { onRead: (analysis: ContractImportAnalysis) => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const reader = useReadFile({
    purpose: 'contracts_import',
    method: 'contractImport.analyse',
    inputId: 'contracts-import-file',
    missing: 'Choose the contracts spreadsheet, saved as CSV or XLSX.',
    parse: (result) => contractImportAnalysisSchema.parse(result),
    onRead,
  });

  return (
    <section className="card import-step" aria-labelledby="ci-file-h">
      <h2 id="ci-file-h" tabIndex={-1} ref={headingRef}>
        Choose your contracts spreadsheet
      </h2>
      <p>
        Save the spreadsheet you keep your contracts in as a CSV file or an Excel workbook (XLSX), with a heading row and one contract a row. Headings such as
        Commissioner, Reference, Title, Start Date, End Date and Annual Value are recognised; you can match any others in the next step.
      </p>
      <details className="import-expect">
        <summary>What the spreadsheet should contain</summary>
        <ul>
          {CONTRACT_IMPORT_FIELDS.map((f) => (
            <li key={f}>
              {CONTRACT_IMPORT_FIELD_LABEL[f]}
              {FIELD_NOTE[f] ? (
                <span className={isRequiredField(f) || f === 'commissioner' ? 'required-mark' : 'optional-mark'}> {FIELD_NOTE[f]}</span>
              ) : isRequiredField(f) ? (
                <span className="required-mark"> (needed)</span>
              ) : (
                <span className="optional-mark">(if held)</span>
              )}
            </li>
          ))}
        </ul>
      </details>
      <ReadFileControls
        reader={reader}
        inputId="contracts-import-file"
        label="Contracts spreadsheet (CSV or XLSX)"
        hint="From a workbook, the first worksheet with data is read. Dates may be day/month/year (31/03/2027) or year-month-day (2027-03-31)."
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        besideButton={<span className="muted">Nothing is recorded until you have checked the plan and applied it.</span>}
      />
    </section>
  );
}
