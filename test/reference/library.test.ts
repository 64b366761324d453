import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRate } from '../../src/reference/baseRate.js';
import { loadReferenceClasses, loadReferenceClassFile, loadReferenceLibrary, referenceClassFolder } from '../../src/reference/load.js';

const folder = referenceClassFolder();
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
const classes = loadReferenceClasses();

describe('the shipped reference-class library', () => {
  it('has at least six classes, one a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(classes.length).toBe(files.length);
  });

  it.each(files)('%s validates, and its id is its file name', (name) => {
    const result = loadReferenceClassFile(`${folder}/${name}`);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
    expect(result.referenceClass.id).toBe(basename(name, '.json'));
  });

  it('loads with no problems', () => {
    expect(loadReferenceLibrary().problems).toEqual([]);
  });

  it('class ids are unique', () => {
    const ids = classes.map((cls) => cls.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const cls of classes) {
    describe(cls.id, () => {
      const sources = new Map(cls.sources.map((source) => [source.id, source]));

      it('every observation cites at least one source with a title and a url or a bibliographic citation', () => {
        for (const observation of cls.observations) {
          expect(observation.sources.length).toBeGreaterThan(0);
          for (const ref of observation.sources) {
            const source = sources.get(ref);
            expect(source, `${observation.id} cites ${ref}`).toBeDefined();
            expect(source!.title.trim()).not.toBe('');
            expect(source!.url !== undefined || (source!.citation ?? '').trim() !== '', `${ref} needs a url or a citation`).toBe(true);
          }
        }
      });

      it('every source is cited by some observation, and says when it was read', () => {
        const cited = new Set(cls.observations.flatMap((observation) => observation.sources));
        for (const source of cls.sources) {
          expect(source.accessed, `${source.id}.accessed`).toBeDefined();
          // A source kept only for its caveats is fine if a caveat names it; otherwise it should be cited.
          if (!cited.has(source.id)) expect(cls.caveats.join(' ')).toMatch(new RegExp(source.publisher?.split(' ')[0] ?? source.title.slice(0, 10)));
        }
      });

      it('counts have hits <= total, rates lie in their ranges', () => {
        for (const observation of cls.observations) {
          const result = observation.result;
          if (result.kind === 'count') {
            expect(result.hits).toBeLessThanOrEqual(result.total);
            expect(result.total).toBeGreaterThan(0);
          } else {
            expect(result.value).toBeGreaterThanOrEqual(result.low ?? 0);
            expect(result.value).toBeLessThanOrEqual(result.high ?? 1);
          }
        }
      });

      it('derived figures give their formula; figures resting only on reposts are not of high confidence', () => {
        for (const observation of cls.observations) {
          if (observation.derived !== undefined) expect(observation.derived.formula.trim()).not.toBe('');
          const allReposts = observation.sources.every((ref) => sources.get(ref)?.repost === true);
          if (allReposts) expect(observation.confidence, `${observation.id} rests on reposts`).not.toBe('high');
        }
      });

      it('the headline gives a base rate with an interval that contains it', () => {
        const rate = baseRate(cls);
        expect(rate.method).not.toBe('none');
        expect(rate.low).toBeLessThanOrEqual(rate.rate);
        expect(rate.high).toBeGreaterThanOrEqual(rate.rate);
        expect(rate.low).toBeGreaterThanOrEqual(0);
        expect(rate.high).toBeLessThanOrEqual(1);
      });

      it('every observation gives a base rate', () => {
        for (const observation of cls.observations) expect(() => baseRate(cls, observation.id)).not.toThrow();
      });
    });
  }

  it('the headline figures the docs quote', () => {
    const byId = new Map(classes.map((cls) => [cls.id, baseRate(cls)]));
    expect(byId.get('cn-national-gdp-growth-target')).toMatchObject({ hits: 15, total: 17 });
    expect(byId.get('cn-provincial-gdp-growth-target')).toMatchObject({ hits: 14, total: 31 });
    expect(byId.get('cn-fyp-midterm-indicators')).toMatchObject({ hits: 16, total: 20 });
    expect(byId.get('cn-signed-projects-landed')).toMatchObject({ hits: 1480, total: 2204 });
    expect(byId.get('cn-signed-projects-started')).toMatchObject({ hits: 403, total: 600 });
    expect(byId.get('cn-signed-capital-arrived')).toMatchObject({ rate: 0.31, low: 0.138, high: 0.5513, method: 'reported-range' });
    expect(byId.get('india-five-year-plan-growth')).toMatchObject({ hits: 5, total: 11 });
    expect(byId.get('megaproject-delivery')).toMatchObject({ rate: 0.1, n: 258 });
    expect(byId.get('cn-national-etdz-status-retained')).toMatchObject({ hits: 435, total: 437 });
  });
});
