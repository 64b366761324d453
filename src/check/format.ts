import { formatPath } from '../problems/problem.js';
import type { Finding, Severity } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

/**
 * A finding as a few readable lines: severity, confidence, code and place; the message; the figures.
 *
 * @example
 * ```ts
 * formatFinding(finding);
 * // ['error (high confidence) currency_rate_implausible at currencyConversions[0]', '  The conversion …', '  figures: …']
 * ```
 */
export function formatFinding(finding: Finding, lang: CheckLang = 'en'): string[] {
  const m = checkMessagesIn(lang);
  const where = finding.path !== undefined && finding.path.length > 0 ? formatPath(finding.path) : undefined;
  return [
    m.findingHead(finding.severity, finding.confidence, finding.code, where),
    `  ${finding.message}`,
    ...(finding.figures.length > 0 ? [`  ${m.findingFigures(finding.figures)}`] : []),
  ];
}

/**
 * One line counting a file's findings by severity: `seeds/x.json: 2 findings (1 error, 1 warning)`.
 *
 * @example
 * ```ts
 * formatSummary('seeds/taiyuan-intelligent-park.json', checkScenario(scenario)); // '...: 1 finding (1 error)'
 * ```
 */
export function formatSummary(file: string, findings: readonly Finding[], lang: CheckLang = 'en'): string {
  const m = checkMessagesIn(lang);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return m.summary(file, findings.length, counts);
}
