import { dirname, resolve } from 'node:path';
import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { combineRollup, RollupFileSchema } from './rollup.js';
import type { Scenario } from './schema/scenario.js';
import type { ParseResult } from './validate.js';
import { safeParseScenario } from './validate.js';
import { problemsFromZod } from './zodProblems.js';

/** Whether a document read from a file is a roll-up (`{ "rollup": ... }`) rather than a scenario. */
export function isRollupDocument(document: unknown): boolean {
  return document !== null && typeof document === 'object' && !Array.isArray(document) && Object.hasOwn(document, 'rollup');
}

/**
 * Validates a roll-up document read from `file`, loads its members (paths relative to the file),
 * combines them into one scenario and validates that. A member's problems are reported with the
 * member's file; a member may not itself be a roll-up.
 */
export async function safeParseRollup(document: unknown, file: string, loadMember: (path: string) => Promise<ParseResult>): Promise<ParseResult> {
  const shaped = RollupFileSchema.safeParse(document);
  if (!shaped.success) return { ok: false, problems: problemsFromZod(shaped.error, document, file) };
  const { rollup } = shaped.data;
  const problems: Problem[] = [];
  const members: Scenario[] = [];
  for (const [index, member] of rollup.members.entries()) {
    const path = resolve(dirname(file), member.file);
    const loaded = await loadMember(path);
    if (loaded.ok) {
      members.push(loaded.scenario);
      continue;
    }
    problems.push({ code: 'rollup_member', path: ['rollup', 'members', index, 'file'], message: messages.rollupMemberProblems(member.file), file });
    problems.push(...loaded.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const combined = combineRollup(rollup, members);
  if (combined.problems.length > 0) return { ok: false, problems: combined.problems.map((p) => ({ ...p, file })) };
  return safeParseScenario(combined.input, { file });
}
