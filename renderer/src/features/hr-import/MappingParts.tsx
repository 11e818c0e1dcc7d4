import type { ReactNode } from 'react';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { ProgressBar } from '../../ui/ProgressBar';

/**
 * The pieces of the "Match the columns" step that the HR import and the contracts import show
 * alike: the file's facts, where the mapping came from, the choice of a column for a field with
 * its first value, the first rows of the file with the field each column fills, and the check
 * button. What each import asks besides (layouts, a class, an admission date), its words where
 * they differ, its ids and how it keeps the form stay with it.
 */

/** What a read file shows in this step (an HR analysis or a contracts analysis). */
interface ReadFile {
  headers: string[];
  sample: string[][];
  sampleLines: number[];
}

const NOT_IN_FILE = '';

/** The first value in the sample rows of the column with this heading, if any is not blank. */
export function firstValue(analysis: ReadFile, column: string): string | undefined {
  const i = analysis.headers.indexOf(column);
  return i < 0 ? undefined : analysis.sample.map((r) => r[i] ?? '').find((v) => v.trim() !== '');
}

/** The file's name (and worksheet, for a workbook), its size, and the way back to choose another. */
export function ImportFileFacts(props: {
  fileName: string;
  sheetName?: string | null;
  rows: number;
  columns: number;
  checking: boolean;
  onChooseAnother: () => void;
}) {
  const { fileName, sheetName, rows, columns, checking, onChooseAnother } = props;
  return (
    <p className="import-file-facts">
      <span>
        File <strong>{fileName}</strong>
        {sheetName ? (
          <>
            {' '}
            (worksheet <strong>{sheetName}</strong>)
          </>
        ) : null}
      </span>
      <span>
        <strong>{rows.toLocaleString('en-GB')}</strong> row{rows === 1 ? '' : 's'} of data
      </span>
      <span>
        <strong>{columns}</strong> columns
      </span>
      <button type="button" className="btn btn-link" onClick={onChooseAnother} disabled={checking}>
        Choose a different file
      </button>
    </p>
  );
}

/** Where the mapping offered came from; `remembers` names what was remembered ("columns and date format"). */
export function MappingSource(props: { remembered: boolean; remembers: string }) {
  return props.remembered ? (
    <Banner tone="info" title="Remembered from your last import">
      <p>{`The ${props.remembers} are as you chose them last time for a file with these headings. Check them before you go on.`}</p>
    </Banner>
  ) : (
    <Banner tone="info" title="Matched from the column headings">
      <p>Check each match. Your choices are remembered for the next file with these headings.</p>
    </Banner>
  );
}

/** A field's label, with the mark and the screen-reader words of a particular every row needs. */
export function MappingLabel(props: { label: string; required: boolean; needed?: string }) {
  return (
    <>
      {props.label}
      {props.required ? (
        <>
          <span className="required-mark" aria-hidden="true">
            *
          </span>
          <span className="visually-hidden">{` (${props.needed ?? 'needed'})`}</span>
        </>
      ) : null}
    </>
  );
}

/** Beside a field: the first value of its column, or why there is none (`empty`, or nothing, when no column is chosen). */
export function MappingExample(props: { example: string | undefined; chosen: boolean; empty?: string }) {
  return (
    <span className="mapping-example">
      {props.example ? (
        <>
          First value: <span className="value">{props.example}</span>
        </>
      ) : props.chosen ? (
        'Empty in the first rows'
      ) : (
        (props.empty ?? '\u00a0')
      )}
    </span>
  );
}

/** The options of a field's column select: "Not in this file" (the empty value), then each heading. */
export function ColumnOptions(props: { headers: string[] }) {
  return (
    <>
      <option value={NOT_IN_FILE}>Not in this file</option>
      {props.headers.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </>
  );
}

/**
 * The first rows of the file, each column headed with the field it fills (`fills(heading)`, the
 * field's label) or "not used". `lineHeader` names the number column ("Line" in a CSV export,
 * "Row" in a spreadsheet).
 */
export function FirstRowsPreview(props: { headingId: string; lineHeader: string; analysis: ReadFile; fills: (heading: string) => string | undefined }) {
  const { headingId, lineHeader, analysis, fills } = props;
  return (
    <>
      <h3 id={headingId}>The first rows of the file</h3>
      <div className="preview-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
        <DataTable
          data={analysis.sample.map((values, i) => ({ line: analysis.sampleLines[i] ?? i + 2, values }))}
          caption="The first rows of the file, each column with the field it fills"
          rowKey={(r) => String(r.line)}
          className="preview-table"
          wrap={false}
          columns={[
            { id: 'line', header: lineHeader, cell: ({ row: { original: r } }) => r.line },
            ...analysis.headers.map((h, j): ColumnDef<{ line: number; values: string[] }> => {
              const to = fills(h);
              return {
                id: `column-${j}`,
                header: () => (
                  <>
                    {h}
                    <span className="maps-to">{to ? `→ ${to}` : 'not used'}</span>
                  </>
                ),
                ...(to ? { meta: { className: 'mapped' } } : {}),
                cell: ({ row: { original: r } }) => r.values[j],
              };
            }),
          ]}
        />
      </div>
    </>
  );
}

/** The check's progress while it runs, and the button that starts it with a note that nothing is written yet. */
export function CheckFileActions(props: { job: JobStatus | null; checking: boolean; note: ReactNode }) {
  const { job, checking, note } = props;
  return (
    <>
      {job ? <ProgressBar done={job.done} total={job.total} label={job.message || 'Checking the file'} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={checking}>
          Check the file
        </button>
        <span className="muted">{note}</span>
      </div>
    </>
  );
}
