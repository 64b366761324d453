/**
 * Text widths in Parkcast Sans (assets/fonts), the face PNGs are drawn with. Vega lays out axes,
 * legends and titles by measuring text; without a canvas in Node it guesses 0.8 em a character,
 * too wide for Latin text and too narrow for Chinese, so labels would collide or be clipped.
 */

// Advance widths (1/1000 em) of the printable ASCII characters U+0020..U+007E, read from the fonts' hmtx tables.
const ASCII_REGULAR = [
  224, 323, 475, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555,
  474, 946, 607, 657, 638, 687, 588, 552, 689, 728, 293, 536, 646, 543, 812, 722, 742, 632, 742, 636, 597, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338,
  555, 559, 606, 564, 618, 509, 620, 554, 325, 563, 607, 275, 276, 552, 285, 926, 611, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 474, 338, 269,
  338, 555,
];
const ASCII_BOLD = [
  227, 370, 575, 589, 589, 963, 739, 325, 378, 378, 506, 589, 325, 370, 325, 388, 589, 589, 589, 589, 589, 589, 589, 589, 589, 589, 325, 325, 589, 589, 589,
  514, 1007, 641, 681, 657, 714, 615, 585, 717, 757, 330, 568, 686, 578, 854, 749, 770, 667, 770, 682, 624, 625, 748, 618, 915, 627, 581, 613, 378, 388, 378,
  589, 567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 605, 315, 964, 641, 626, 644, 644, 436, 495, 420, 637, 576, 863, 562, 574, 511, 378, 296,
  378, 589,
];

// Characters outside ASCII that the font draws a full em wide (Chinese punctuation style): quotes, dashes, ×, ≥, arrows, boxes.
const FULL_WIDTH = /[\u00a7\u00b1\u00b6\u00b7\u00d7\u00f7\u2010-\u203f\u2100-\u27ff\u2e80-\uffff]/u;

/** The width of a line of text in pixels at a font size, in Parkcast Sans (bold when `bold`). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? ASCII_BOLD : ASCII_REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) units += table[code - 0x20];
    else if (FULL_WIDTH.test(ch)) units += 1000;
    else units += 600;
  }
  return (units * fontSize) / 1000;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** Vega's `textMetrics.width` replacement: the item's line in Parkcast Sans, capped by its `limit`. */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const line = text === null || text === undefined ? '' : String(text).trim();
  const size = item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold =
    weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
  const width = textWidth(line, size, bold);
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
