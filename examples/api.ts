// The public API in ten lines: load a park, project it, simulate it, read the odds.
// Run with `npx tsx examples/api.ts [scenario.json]` after `npm run build` (it imports the package by name).
import { fileURLToPath } from 'node:url';
import { loadScenario, project, type SimulationResult, simulate } from 'parkcast';

export async function main(file = fileURLToPath(new URL('./reference-model.json', import.meta.url)), log = console.log): Promise<SimulationResult> {
  const scenario = await loadScenario(file);
  const projection = await project(scenario);
  const result = await simulate(scenario, { trials: 20_000, seed: 1 });
  result.targets.forEach((target, i) => {
    const [low, high] = target.interval;
    const verdict = projection.targets[i].met ? 'met' : 'missed';
    log(`${target.id}: deterministic ${verdict}; P(hit) ${target.probability.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`);
  });
  log(`all official targets: ${result.joint.probability.toFixed(4)}`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv[2]);
