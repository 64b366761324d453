/** The messages between the workbench page and its Web Worker (plain data, structured-cloned). */

/** Page → worker: check and run this text. A newer request makes older ones moot. */
export interface RunRequest {
  readonly id: number;
  readonly text: string;
  readonly format: 'json' | 'yaml';
  readonly trials: number;
  readonly seed: string | number;
}

/** One problem of the text, with its field path as a reader writes it (`targets[2].threshold`). */
export interface ShownProblem {
  readonly path: string;
  readonly message: string;
}

export interface TargetRow {
  readonly id: string;
  readonly label: string;
  readonly kind: 'official' | 'stretch';
  readonly deadline: number;
  readonly threshold: string;
  readonly projected: string;
  readonly projectedMet: boolean;
  readonly probability: string;
  readonly interval: string;
}

/** Worker → page: the problems, or the results of the text of request `id`. */
export type RunReply =
  | { readonly id: number; readonly ok: false; readonly problems: readonly ShownProblem[] }
  | {
      readonly id: number;
      readonly ok: true;
      readonly park: string;
      readonly trials: number;
      readonly seed: string | number;
      readonly elapsedMs: number;
      readonly joint: { readonly probability: string; readonly interval: string } | null;
      readonly targets: readonly TargetRow[];
      /** The data check's findings: still valid, but worth a look. */
      readonly findings: readonly ShownProblem[];
      /** Vega-Lite specs, drawn by the page with vega-embed. */
      readonly charts: ReadonlyArray<{ readonly id: string; readonly spec: unknown }>;
    }
  | { readonly id: number; readonly ok: false; readonly failure: string };
