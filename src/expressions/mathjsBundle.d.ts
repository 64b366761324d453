/**
 * mathjs's single-file build, which its package exports as `mathjs/lib/browser/math.js`: the
 * default instance of the same version, whose `create(config)` makes a new instance with every
 * function (it is `create` bound to all of mathjs's factories).
 */
declare module 'mathjs/lib/browser/math.js' {
  import type { ConfigOptions, MathJsInstance } from 'mathjs';

  const math: MathJsInstance & { create(config?: ConfigOptions): MathJsInstance };
  export default math;
}
