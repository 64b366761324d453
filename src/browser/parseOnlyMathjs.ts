import type { create, parseDependencies } from 'mathjs';
// The files themselves, not 'mathjs/number': that entry also builds mathjs's default instance
// (every function), which a bundler cannot drop. They are files of mathjs's ES build, past its
// package's exports and without types of their own: typed below as mathjs's own.
// @ts-expect-error: past mathjs's exports (tsup.config.ts resolves it)
import { create as createInstance } from 'mathjs/lib/esm/core/create.js';
// @ts-expect-error: past mathjs's exports (tsup.config.ts resolves it)
import { parseDependencies as parserOnly } from 'mathjs/lib/esm/entry/dependenciesNumber/dependenciesParse.generated.js';

const createMath = createInstance as typeof create;
const parseOnly = parserOnly as typeof parseDependencies;

/**
 * The page bundles' stand-in for mathjs's single-file build (tsup.config.ts), which the
 * expression parser loads (src/expressions/parse.ts): a mathjs instance made by `create` with the
 * parser alone, for plain numbers. The page only parses expressions (the checked tree is compiled
 * to plain loops, src/expressions/compile.ts), so none of mathjs's functions is needed: this is the
 * same parser (the same trees, the same syntax errors) without the ~600 KB of functions, units,
 * matrices and big numbers the full build carries; a function the language does not allow is
 * refused by parse.ts's whitelist either way.
 */
export default {
  create(config: { number: 'number' }) {
    return createMath({ parseDependencies: parseOnly }, config);
  },
};
