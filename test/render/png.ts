import { inflateSync } from 'node:zlib';

/** A PNG's size from its IHDR chunk, after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expectSignature(bytes);
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG: the first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expectSignature(bytes: Buffer): void {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG file');
}

/**
 * The share of pixels that are not white, from the decoded image data (8-bit RGB or RGBA,
 * non-interlaced, as resvg writes), to tell a drawn image from a blank one.
 */
export function inkShare(png: Uint8Array): number {
  const bytes = Buffer.from(png);
  expectSignature(bytes);
  const { width, height } = pngSize(png);
  const colourType = bytes[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (bytes[24] !== 8 || channels === 0 || bytes[28] !== 0) throw new Error('PNG: expected 8-bit RGB(A), not interlaced');
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      const p = a + b - c;
      const predictor = [
        0,
        a,
        b,
        (a + b) >> 1,
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c,
      ][filter];
      line[i] = (source[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) if (line[x * channels] < 250 || line[x * channels + 1] < 250 || line[x * channels + 2] < 250) ink++;
    previous.set(line);
  }
  return ink / (width * height);
}
