/**
 * The shipped reference classes (reference-classes/*.json), imported as data so that a scenario's
 * `referenceClass` can be checked at load without a file system (the browser build bundles them).
 * Validated against their schema in src/reference; a test checks that this list holds every file
 * of the folder.
 */
import cnFypMidtermIndicators from '../../reference-classes/cn-fyp-midterm-indicators.json';
import cnNationalEtdzStatusRetained from '../../reference-classes/cn-national-etdz-status-retained.json';
import cnNationalGdpGrowthTarget from '../../reference-classes/cn-national-gdp-growth-target.json';
import cnProvincialGdpGrowthTarget from '../../reference-classes/cn-provincial-gdp-growth-target.json';
import cnSignedCapitalArrived from '../../reference-classes/cn-signed-capital-arrived.json';
import cnSignedProjectsLanded from '../../reference-classes/cn-signed-projects-landed.json';
import cnSignedProjectsStarted from '../../reference-classes/cn-signed-projects-started.json';
import indiaFiveYearPlanGrowth from '../../reference-classes/india-five-year-plan-growth.json';
import megaprojectDelivery from '../../reference-classes/megaproject-delivery.json';

/** The shipped reference-class documents, as parsed JSON, not yet validated (src/reference/shipped.ts validates them). */
export const SHIPPED_REFERENCE_CLASS_DOCUMENTS: readonly unknown[] = [
  cnFypMidtermIndicators,
  cnNationalEtdzStatusRetained,
  cnNationalGdpGrowthTarget,
  cnProvincialGdpGrowthTarget,
  cnSignedCapitalArrived,
  cnSignedProjectsLanded,
  cnSignedProjectsStarted,
  indiaFiveYearPlanGrowth,
  megaprojectDelivery,
];

/** The id of each shipped class, with the ids of its observations (for checking `referenceObservation`). */
export const SHIPPED_REFERENCE_CLASS_IDS: ReadonlyMap<string, readonly string[]> = new Map(
  SHIPPED_REFERENCE_CLASS_DOCUMENTS.map((document) => {
    const { id, observations } = document as { id: string; observations: ReadonlyArray<{ id: string }> };
    return [id, observations.map((o) => o.id)];
  }),
);
