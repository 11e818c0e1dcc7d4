import type { ReportDoc } from '../../../shared/contract/reports';

/**
 * The documents reports.build made, kept so that reports.export writes the very document the
 * secretary saw (by the build's job id) rather than building it again: a record dated before the
 * report's date may have been corrected in between, and a second build costs as much as the first.
 *
 * Bounded: the KEEP_BUILT_REPORTS newest builds of each organisation (the screen keeps as many to
 * go Back to, renderer/src/features/reports/report-builds.ts); older ones, and all of them when the
 * app closes, are let go, and an export of one of those is built again (see handlers.ts). Each is
 * kept under the organisation it was built for and is found only under it, so a document of one
 * organisation is never written while another is current.
 */
export const KEEP_BUILT_REPORTS = 4;

export class HeldReports {
  /** Organisation id → build id → document, oldest first. */
  readonly #byOrg = new Map<string, Map<string, ReportDoc>>();

  keep(organisationId: string, buildId: string, doc: ReportDoc): void {
    let docs = this.#byOrg.get(organisationId);
    if (!docs) {
      docs = new Map();
      this.#byOrg.set(organisationId, docs);
    }
    docs.delete(buildId);
    docs.set(buildId, doc);
    while (docs.size > KEEP_BUILT_REPORTS) docs.delete(docs.keys().next().value!);
  }

  /** The document of this build, if it was built for this organisation and is still kept. */
  get(organisationId: string, buildId: string): ReportDoc | undefined {
    return this.#byOrg.get(organisationId)?.get(buildId);
  }

  /** Lets every document go: the file they were read from has been replaced (a restore). */
  clear(): void {
    this.#byOrg.clear();
  }

  /** Whether this build is kept for an organisation other than this one. */
  heldForAnother(organisationId: string, buildId: string): boolean {
    for (const [org, docs] of this.#byOrg) if (org !== organisationId && docs.has(buildId)) return true;
    return false;
  }
}

const byCore = new WeakMap<object, HeldReports>();

/** The documents held by one core (one open database): keyed by an object the core keeps for its life (its upload store, as hr-import does). */
export function heldReports(owner: object): HeldReports {
  let h = byCore.get(owner);
  if (!h) {
    h = new HeldReports();
    byCore.set(owner, h);
  }
  return h;
}
