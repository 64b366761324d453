import { z } from 'zod';
import { Id, Year } from '../scenario/schema/common.js';
import { referenceMessages as m } from './messages.js';

/**
 * The format of a reference-class file (`reference-classes/<id>.json`): a small, sourced set of
 * base rates — how often targets of one kind were actually met — for the outside view beside a
 * modelled probability. Every field is checked strictly: an unknown field is refused.
 */

/** What a target measures, in the terms a reference class is matched on. */
export const TargetKind = z.enum([
  /** A growth rate for one year (GDP up "around 5.5%" this year). */
  'annualGrowth',
  /** An average growth rate over a plan period (India's plans: 9% a year over 2007–12). */
  'averageGrowthOverPlan',
  /** A level to reach by a deadline (output of 30 bn yuan by 2025). */
  'levelByDeadline',
  /** A count of enterprises or projects introduced, signed or landed. */
  'countIntroduced',
  /** A share or ratio (R&D spending 2.5% of GDP, a digital-economy share of 10%). */
  'share',
  /** An amount of investment that arrives against what was contracted. */
  'investmentArrived',
  /** A project delivered within its budget, schedule or promised benefits. */
  'projectDelivery',
  /** A park or zone keeps its status (is not demoted or removed) in an official review. */
  'statusRetained',
  /** Plan indicators on track at a mid-term review. */
  'indicatorOnTrack',
]);
export type TargetKind = z.infer<typeof TargetKind>;

/** The administrative level whose targets were counted. */
export const AdminLevel = z.enum(['national', 'provincial', 'city', 'county', 'park', 'project']);
export type AdminLevel = z.infer<typeof AdminLevel>;

export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

/** A calendar date as written in a source: `2019`, `2019-01` or `2019-01-30`. */
const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** A source: a page, a report or a paper. It needs a title, and a URL or a bibliographic citation (or both). */
export const Source = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    url: z.url().optional(),
    publisher: z.string().min(1).optional(),
    /** The date of publication. */
    date: PartialDate.optional(),
    /** When the figure was read from the source. */
    accessed: PartialDate.optional(),
    /** Bibliographic detail: authors, journal, volume and pages, or the newspaper and its page. */
    citation: z.string().min(1).optional(),
    /** A repost of an original the library could not read itself. */
    repost: z.boolean().optional(),
    language: z.enum(['en', 'zh', 'ja', 'other']).optional(),
  })
  .refine((source) => source.url !== undefined || source.citation !== undefined, { message: m.sourceNeedsUrlOrCitation(), path: ['url'] });
export type Source = z.infer<typeof Source>;

/**
 * The years an observation covers, inclusive. `from` may be left out when the sources do not
 * say when the counted cases began (say so in the observation's scope).
 */
export const Period = z
  .strictObject({ from: Year.optional(), to: Year })
  .refine((period) => period.from === undefined || period.from <= period.to, { message: m.periodOrder(), path: ['to'] });
export type Period = z.infer<typeof Period>;

/**
 * A count: `hits` of `total` met the class's outcome. `bound` says when the source gave a
 * bound ("at least 11 of 31 missed" is at most 20 hits of 31).
 */
export const CountResult = z
  .strictObject({
    kind: z.literal('count'),
    hits: z.number().int().min(0),
    total: z.number().int().min(1),
    bound: z.enum(['exact', 'atMost', 'atLeast']).default('exact'),
  })
  .refine((count) => count.hits <= count.total, { message: m.hitsAboveTotal(), path: ['hits'] });
export type CountResult = z.infer<typeof CountResult>;

/**
 * A rate as the source reported it (a share of 0 to 1), with the range the source gave
 * (`low`, `high`) and the number of cases behind it (`n`) when known.
 */
export const RateResult = z
  .strictObject({
    kind: z.literal('rate'),
    value: z.number().min(0).max(1),
    low: z.number().min(0).max(1).optional(),
    high: z.number().min(0).max(1).optional(),
    /** How many cases the rate is over, when the source says. `approximate` when it says "more than" or "about". */
    n: z.number().int().min(1).optional(),
    nApproximate: z.boolean().optional(),
    /** What the range is: a spread of reported figures (`reported`) or a statistical interval the source gave (`interval`). */
    rangeKind: z.enum(['reported', 'interval']).optional(),
  })
  .superRefine((rate, ctx) => {
    if ((rate.low === undefined) !== (rate.high === undefined))
      ctx.addIssue({ code: 'custom', message: m.rangeBothEnds(), path: [rate.low === undefined ? 'low' : 'high'] });
    if (rate.low !== undefined && rate.low > rate.value) ctx.addIssue({ code: 'custom', message: m.rangeAroundValue(), path: ['low'] });
    if (rate.high !== undefined && rate.high < rate.value) ctx.addIssue({ code: 'custom', message: m.rangeAroundValue(), path: ['high'] });
    if (rate.low !== undefined && rate.rangeKind === undefined) ctx.addIssue({ code: 'custom', message: m.rangeKindNeeded(), path: ['rangeKind'] });
  });
export type RateResult = z.infer<typeof RateResult>;

export const ObservationResult = z.discriminatedUnion('kind', [CountResult, RateResult]);
export type ObservationResult = z.infer<typeof ObservationResult>;

/** Arithmetic on cited figures: the formula, so a reader can redo it. */
export const Derivation = z.strictObject({ formula: z.string().min(1) });

/** One observed figure: what was counted, over which period, with what result, from which sources. */
export const Observation = z.strictObject({
  id: Id,
  /** What was counted, as a noun phrase: "provincial-level GDP growth targets for 2018". */
  label: z.string().min(1),
  labelZh: z.string().min(1),
  period: Period,
  /** What it covers: the places, the population, what is left out. */
  scope: z.string().min(1),
  /** How the source (or the library) counted a hit. */
  counted: z.string().min(1),
  result: ObservationResult,
  /** Ids of entries in the class's `sources`. */
  sources: z.array(Id).min(1),
  /** Present when the figure is arithmetic on cited ones rather than a figure printed in a source. */
  derived: Derivation.optional(),
  confidence: Confidence,
  /** What a hit is for this observation when it differs from the class's `outcome`. */
  outcome: z.string().min(1).optional(),
  outcomeZh: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});
export type Observation = z.infer<typeof Observation>;

/** The kinds of targets a class speaks for. */
export const AppliesTo = z.strictObject({
  targetKinds: z.array(TargetKind).min(1),
  levels: z.array(AdminLevel).min(1),
  /** Where the observations come from: `CN`, `IN`, or `world`. */
  regions: z.array(z.string().min(1)).min(1),
});

export const ReferenceClass = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    titleZh: z.string().min(1),
    description: z.string().min(1),
    appliesTo: AppliesTo,
    /** What a hit is, as a past participle for sentences: "met", "started", "delivered on budget". */
    outcome: z.string().min(1),
    outcomeZh: z.string().min(1),
    /** The observation whose rate is the class's base rate. */
    headline: Id,
    observations: z.array(Observation).min(1),
    sources: z.array(Source).min(1),
    caveats: z.array(z.string().min(1)),
    confidence: Confidence,
  })
  .superRefine((cls, ctx) => {
    const observationIds = new Set<string>();
    cls.observations.forEach((observation, index) => {
      if (observationIds.has(observation.id)) ctx.addIssue({ code: 'custom', message: m.duplicateId(observation.id), path: ['observations', index, 'id'] });
      observationIds.add(observation.id);
    });
    const sourceIds = new Set<string>();
    cls.sources.forEach((source, index) => {
      if (sourceIds.has(source.id)) ctx.addIssue({ code: 'custom', message: m.duplicateId(source.id), path: ['sources', index, 'id'] });
      sourceIds.add(source.id);
    });
    cls.observations.forEach((observation, index) => {
      observation.sources.forEach((ref, refIndex) => {
        if (!sourceIds.has(ref))
          ctx.addIssue({ code: 'custom', message: m.unknownSource(ref, [...sourceIds]), path: ['observations', index, 'sources', refIndex] });
      });
    });
    const headline = cls.observations.find((observation) => observation.id === cls.headline);
    if (headline === undefined) {
      ctx.addIssue({ code: 'custom', message: m.unknownObservation(cls.headline, [...observationIds]), path: ['headline'] });
    } else if (headline.result.kind === 'rate' && headline.result.n === undefined && headline.result.low === undefined) {
      const index = cls.observations.indexOf(headline);
      ctx.addIssue({ code: 'custom', message: m.headlineNeedsSpread(), path: ['observations', index, 'result'] });
    }
  });
export type ReferenceClass = z.infer<typeof ReferenceClass>;
