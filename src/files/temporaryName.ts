import { randomBytes } from 'node:crypto';

/**
 * A hidden name for a temporary file or folder beside `name`: unique to this process and call,
 * so two runs writing the same output never share one, and `ls` does not show it.
 */
export function temporaryName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}
