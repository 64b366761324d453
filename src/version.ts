import packageJson from '../package.json' with { type: 'json' };

/** The version of parkcast that computed a result; recorded in every result's `meta`. */
export const VERSION: string = packageJson.version;
