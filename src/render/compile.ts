import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite spec compiled to Vega, with whatever vega-lite warned about on the way. */
export interface CompiledChart {
  readonly spec: Spec;
  /** Warnings (and errors) vega-lite logged while compiling; a well-made spec has none. */
  readonly warnings: string[];
}

/**
 * Compiles a Vega-Lite spec to a Vega spec, collecting vega-lite's warnings instead of printing
 * them. vega-lite is loaded on first use (it pulls in vega, which a CommonJS `require` cannot load).
 *
 * @example
 * ```ts
 * const { spec, warnings } = await compileChart(targetProbabilitiesChart(result));
 * ```
 */
export async function compileChart(chart: TopLevelSpec): Promise<CompiledChart> {
  const vl = await import('vega-lite');
  const warnings: string[] = [];
  const record = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      record(...args);
      return logger;
    },
    warn(...args: unknown[]) {
      record(...args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(chart, { logger: logger as never });
  return { spec: compiled.spec as Spec, warnings };
}
