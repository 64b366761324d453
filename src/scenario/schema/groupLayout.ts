import { z } from 'zod';
import { Id, Identifier } from './common.js';

/**
 * Where each park's copies are, written by parkcast when it expands a group (never by hand): the
 * engine runs plain metrics, and results, charts and reports read the group from this.
 */
export const GroupLayout = z.strictObject({
  id: Id,
  name: z.string().min(1),
  nameZh: z.string().optional(),
  parks: z.array(z.strictObject({ id: Id, name: z.string().min(1), nameZh: z.string().optional() })),
  /** Per group metric: its copy for each park (park id → metric name) and its group total, if any. */
  metrics: z.record(Identifier, z.strictObject({ parks: z.record(Id, Identifier), total: Identifier.optional() })),
  /** Per group assumption: its copy for each park. */
  parameters: z.record(Identifier, z.strictObject({ parks: z.record(Id, Identifier) })),
  /** Metrics made for group targets (the count or share of parks meeting a level). */
  counts: z.array(Identifier),
});
export type GroupLayout = z.infer<typeof GroupLayout>;
