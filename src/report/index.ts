/** The park report: built as data, written as self-contained HTML, Markdown, JSON and chart files. */

export { type Likelihood, reportMessages } from './messages.js';
export { buildReport, likelihoodOf, type ParkReport, type ReportFigure, type ReportFinding, type ReportInput, type ReportTargetRow } from './model.js';
export { ASSUMPTIONS_CSV_COLUMNS, assumptionsCsv, METRICS_CSV_COLUMNS, metricsCsv, RESULTS_CSV_COLUMNS, resultsCsv } from './pages/csv.js';
export { escapeHtml, REPORT_CSP, reportHtml } from './pages/html.js';
export { type IndexedPark, reportsIndexHtml, reportsIndexPage } from './pages/indexPage.js';
export { reportMarkdown } from './pages/markdown.js';
export type { ReportResultsFile } from './resultsFile.js';
export { WHAT_IF_CSP, type WhatIfAssumption, type WhatIfData, type WhatIfFragment, type WhatIfRow, whatIfData, whatIfSection } from './whatIf/whatIf.js';
export { REPORT_DEFAULT_TRIALS, REPORT_ENTRIES, type WriteReportOptions, type WrittenReport, writeReport } from './writeReport.js';
