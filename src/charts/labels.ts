/** Text layout of chart labels: wrapping long target labels for axes and titles. */

/**
 * Breaks a text into lines of at most about `width` characters, at spaces (or anywhere in
 * Chinese text, which has none). Long labels stay readable in axes and titles.
 *
 * @example
 * ```ts
 * wrapText('More than 100 enterprises introduced within three years', 25);
 * // ['More than 100 enterprises', 'introduced within three', 'years']
 * ```
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  // Words, and each wide (CJK) character on its own, so Chinese text breaks between characters.
  const size = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/u.test(ch) ? 2 : 1), 0);
  for (const word of text.split(/(\s+|[\u2e80-\uffff])/u).filter((w) => w !== '')) {
    if (/^\s+$/.test(word)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (size(line) + size(word) > width && line.trim() !== '') push();
    line += word;
  }
  push();
  return lines.length > 0 ? lines : [text];
}

/** Characters per line of a target label on a chart's category axis. */
export const LABEL_WIDTH = 44;

/** Category labels made unique (a repeated label gets its id), with lines joined by `\n` for the axis. */
export function categoryLabels(targets: ReadonlyArray<{ id: string; label: string }>): string[] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  return targets.map((t) => wrapText((counts.get(t.label) ?? 0) > 1 ? `${t.label} (${t.id})` : t.label, LABEL_WIDTH).join('\n'));
}

/** An axis that draws `\n` in a category as a line break. */
export const MULTILINE_LABELS = { labelExpr: "split(datum.label, '\\n')", labelLimit: 0, labelLineHeight: 13, labelPadding: 6 } as const;
