import { baseRateSentence, checkScenario, formatFinding, formatSummary, shippedReferenceClass } from '../../index.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

/**
 * `parkcast check FILE...`: validates each file, then reports the data check's findings (a
 * currency conversion at an impossible rate, an implausible ratio, a target met at baseline...).
 * Findings are reports, not failures: exit 0 with or without them; 1 if a file is invalid. With
 * `--lang zh` the findings are written in Chinese (codes, paths and figures stay as they are).
 */
export async function checkCommand(files: string[], options: { json?: boolean; lang?: 'en' | 'zh' }, io: Io): Promise<number> {
  const lang = options.lang ?? 'en';
  let code: number = EXIT.ok;
  const reports: Array<{ file: string; findings: ReturnType<typeof checkScenario>; baseRates?: unknown[] }> = [];
  for (const file of files) {
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) {
      code = EXIT.invalidInput;
      continue;
    }
    const findings = checkScenario(scenario, { lang });
    // The outside view: each target that names a reference class, with its class's base rate.
    const baseRates = scenario.targets
      .filter((t) => t.referenceClass !== undefined)
      .map((t) => ({
        target: t.id,
        referenceClass: t.referenceClass as string,
        sentence: baseRateSentence(shippedReferenceClass(t.referenceClass as string), t.referenceObservation),
      }));
    reports.push({ file, findings, ...(baseRates.length > 0 ? { baseRates } : {}) });
    if (!options.json) {
      io.out(formatSummary(file, findings, lang));
      for (const finding of findings) for (const line of formatFinding(finding, lang)) io.out(line);
      for (const rate of baseRates)
        io.out(
          lang === 'zh'
            ? `  外部视角，${rate.target}（${rate.referenceClass}）：${rate.sentence.zh}`
            : `  outside view, ${rate.target} (${rate.referenceClass}): ${rate.sentence.en}`,
        );
    }
  }
  if (options.json) printJson(io, reports);
  return code;
}
