import { useRef, type ReactNode } from 'react';
import type { ReportBlock, ReportRequest, ReportSection, ReportShown, ReportTable } from '../../../../shared/contract/reports';
import { ExportButton } from './ExportButton';
import { ReportChart } from './ReportChart';
import { STATUS_WORDS, sectionAnchor } from './report-format';
import { Value } from './TraceDialog';

/** What every block needs from the page: the document's tables (for charts), its request and the build shown (for CSV links and parts). */
export interface BlockContext {
  tables: Map<string, ReportTable>;
  request: ReportRequest;
  shown: ReportShown;
}

type Level = 2 | 3 | 4 | 5;

/** Reports whose parts are edited one by one before they go out: each top-level part offers a Word file of its own. */
const EDITABLE_PARTS: ReadonlySet<ReportRequest['kind']> = new Set(['agm']);

function Heading({ level, id, children }: { level: Level; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} tabIndex={id ? -1 : undefined}>
      {children}
    </Tag>
  );
}

/**
 * One section as real headings (h2 for the report's parts, h3 below), so the printed PDF's
 * bookmarks come from the document outline. Top-level sections start a new printed page.
 */
export function Section({ section, level, ctx }: { section: ReportSection; level: Level; ctx: BlockContext }) {
  const sub = Math.min(level + 1, 5) as Level;
  const ref = useRef<HTMLElement>(null);
  return (
    <section ref={ref} className={`rpt-section rpt-level-${level}`} aria-labelledby={sectionAnchor(section.id)}>
      <Heading level={level} id={sectionAnchor(section.id)}>
        {section.title}
      </Heading>
      {level === 2 && EDITABLE_PARTS.has(ctx.request.kind) ? (
        <div className="rpt-part-word no-print">
          <ExportButton
            ask={{ request: ctx.request, shown: ctx.shown, format: 'docx', sectionId: section.id }}
            label="Word (this part)"
            accessibleName={`Download “${section.title}” as Word (DOCX)`}
            className="btn btn-link"
            chartsFrom={() => ref.current}
          />
        </div>
      ) : null}
      {section.blocks.map((block, i) => (
        <Block key={i} block={block} level={sub} ctx={ctx} />
      ))}
      {(section.sections ?? []).map((s) => (
        <Section key={s.id} section={s} level={sub} ctx={ctx} />
      ))}
    </section>
  );
}

export function Block({ block, level, ctx }: { block: ReportBlock; level: Level; ctx: BlockContext }) {
  switch (block.type) {
    case 'text':
      return <p className={`rpt-text rpt-tone-${block.tone ?? 'normal'}`}>{block.text}</p>;
    case 'figures':
      return (
        <dl className="rpt-figures">
          {block.items.map((item) => (
            <div key={item.id} className="rpt-figure">
              <dt>{item.label}</dt>
              <dd className="rpt-figure-value">
                <Value value={item.value} what={item.label} />
              </dd>
              {item.note ? <dd className="rpt-figure-note">{item.note}</dd> : null}
            </div>
          ))}
        </dl>
      );
    case 'table':
      return <ReportTableView table={block} request={ctx.request} shown={ctx.shown} />;
    case 'chart':
      return <ReportChart block={block} table={ctx.tables.get(block.tableId)} />;
    case 'statement':
      return (
        <div className={`rpt-statement rpt-status-${block.status}`}>
          <Heading level={level}>{block.title}</Heading>
          <p className="rpt-status">
            <span className="rpt-status-word">{STATUS_WORDS[block.status]}</span>
            {block.citation ? <span className="rpt-citation"> ({block.citation})</span> : null}
          </p>
          <p>{block.text}</p>
          {block.evidence.length > 0 ? (
            <>
              <p className="rpt-evidence-h">Evidence</p>
              <ul className="rpt-evidence">
                {block.evidence.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      );
    case 'toWrite':
      return (
        <div className="rpt-towrite">
          <p className="rpt-towrite-h">
            <span className="rpt-towrite-tag">To write</span> {block.title}
          </p>
          <p>{block.why}</p>
          <p className="rpt-towrite-space" aria-hidden="true" />
        </div>
      );
    case 'quote':
      return (
        <figure className="rpt-quote">
          {block.title ? <figcaption>{block.title}</figcaption> : null}
          <blockquote>
            {block.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </blockquote>
        </figure>
      );
    case 'form':
      return (
        <div className="rpt-form">
          <Heading level={level}>{block.title}</Heading>
          {block.intro ? <p>{block.intro}</p> : null}
          <dl className="rpt-form-fields">
            {block.fields.map((f, i) => (
              <div key={i} className="rpt-form-field">
                <dt>{f}</dt>
                <dd className="rpt-form-line">
                  <span className="visually-hidden">(blank, to be filled in)</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      );
  }
}

/** A table of the report: caption, column headers, the first column as row headers, totals apart; a CSV of it beside. */
export function ReportTableView({ table, request, shown }: { table: ReportTable; request: ReportRequest; shown: ReportShown }) {
  const [first, ...rest] = table.columns;
  const rowName = (row: Record<string, { display: string }>) => row[first!.key]?.display ?? '';
  return (
    <div className="rpt-table-block" data-table-id={table.id}>
      <div className="rpt-table-scroll" tabIndex={0} role="region" aria-label={table.title}>
        <table className="rpt-table">
          {/* The title wraps within the scrolling box's visible width and stays at its left edge as the table scrolls (WCAG 2.2 1.4.10). */}
          <caption>
            <span className="rpt-caption-text">{table.title}</span>
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>{table.empty ?? 'None.'}</td>
              </tr>
            ) : (
              table.rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{row[first!.key] ? <Value value={row[first!.key]!} what={first!.label} /> : null}</th>
                  {rest.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {row[c.key] ? <Value value={row[c.key]!} what={`${c.label}, ${rowName(row)}`} /> : null}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {table.total ? (
            <tfoot>
              <tr>
                <th scope="row">{table.total[first!.key]?.display ?? 'Total'}</th>
                {rest.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {table.total![c.key] ? <Value value={table.total![c.key]!} what={`${c.label}, total`} /> : null}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {table.note ? <p className="rpt-note">{table.note}</p> : null}
      <div className="rpt-table-csv no-print">
        <ExportButton ask={{ request, shown, format: 'csv', tableId: table.id }} label="CSV" accessibleName={`Download “${table.title}” as CSV`} className="btn btn-link" />
      </div>
    </div>
  );
}
