import type { RefObject } from 'react';
import { analysisSchema, IMPORT_FIELD_LABEL, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportAnalysis } from '../../../../shared/contract/hr-import';
import { ReadFileControls } from './ReadFileParts';
import { useReadFile } from './use-read-file';

/** Step 1: the secretary chooses the HR system's CSV export; it is sent in chunks and read by the core. */
export function ChooseFile({ onRead, headingRef }: { onRead: (analysis: ImportAnalysis) => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const reader = useReadFile({
    purpose: 'import',
    method: 'hrImport.analyse',
    inputId: 'import-file',
    missing: 'Choose the CSV file exported from your HR system.',
    parse: (result) => analysisSchema.parse(result),
    onRead,
  });

  return (
    <section className="card import-step" aria-labelledby="step-file-h">
      <h2 id="step-file-h" tabIndex={-1} ref={headingRef}>
        Choose the file from your HR system
      </h2>
      <p>
        Export the staff list from your HR or payroll system as a CSV file (comma-separated values) with a heading row. Common headings such as
        Employee No, Forename, Surname, Post Code, Start Date and Leaving Date are recognised; you can match any others in the next step.
      </p>
      <details className="import-expect">
        <summary>What the file should contain</summary>
        <ul>
          {IMPORT_FIELDS.map((f) => (
            <li key={f}>
              {IMPORT_FIELD_LABEL[f]}
              {f === 'fullName' ? (
                <span className="optional-mark">(instead of given names and family name)</span>
              ) : f === 'wholeAddress' ? (
                <span className="optional-mark">(instead of address lines and town, postcode last)</span>
              ) : REQUIRED_IMPORT_FIELDS.includes(f) ? (
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
        inputId="import-file"
        label="CSV file"
        hint="Dates may be day/month/year (31/01/2024) or year-month-day (2024-01-31)."
        accept=".csv,text/csv,.txt"
      />
    </section>
  );
}
