// A small PNG reader and pixel comparisons for the screenshot checks. It reads what
// Chromium's screenshots contain: 8-bit greyscale, RGB or RGBA, not interlaced.
import { inflateSync } from 'node:zlib';

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const channelsByColourType = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Undoes the per-row filters of the inflated image data in place.
function unfilter(data, width, height, channels) {
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = data[y * (stride + 1)];
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; ++x) {
      const left = x >= channels ? out[y * stride + x - channels] : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? out[(y - 1) * stride + x - channels] : 0;
      let value = row[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) value += paeth(left, up, upLeft);
      else if (filter !== 0) throw new Error(`PNG row ${y}: unknown filter type ${filter}`);
      out[y * stride + x] = value & 0xff;
    }
  }
  return out;
}

// Decodes a PNG into {width, height, rgba}, with rgba 4 bytes a pixel.
export function decodePng(buffer) {
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  let offset = 8;
  let header = null;
  const chunks = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8],
        colourType: body[9], interlace: body[12],
      };
    } else if (type === 'IDAT') {
      chunks.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG has no IHDR chunk');
  const channels = channelsByColourType[header.colourType];
  if (header.depth !== 8 || !channels || header.interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${header.depth}, colour type ${header.colourType}, ` +
                    `interlace ${header.interlace}`);
  }
  const raw = unfilter(inflateSync(Buffer.concat(chunks)), header.width, header.height, channels);
  const rgba = Buffer.alloc(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; ++i) {
    const source = raw.subarray(i * channels, (i + 1) * channels);
    const grey = channels <= 2;
    rgba[i * 4] = source[0];
    rgba[i * 4 + 1] = grey ? source[0] : source[1];
    rgba[i * 4 + 2] = grey ? source[0] : source[2];
    rgba[i * 4 + 3] = channels === 4 ? source[3] : (channels === 2 ? source[1] : 255);
  }
  return { width: header.width, height: header.height, rgba };
}

// Returns the colour {r, g, b} that most pixels of the image have: its background.
export function dominantColour(image) {
  const counts = new Map();
  for (let i = 0; i < image.rgba.length; i += 4) {
    const key = (image.rgba[i] << 16) | (image.rgba[i + 1] << 8) | image.rgba[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return { r: best >> 16, g: (best >> 8) & 0xff, b: best & 0xff };
}

// Counts the pixels that differ from the background by more than `threshold` in any
// channel: the "ink" of text and lines.
export function inkPixels(image, threshold = 60) {
  const background = dominantColour(image);
  let count = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const d = Math.max(Math.abs(image.rgba[i] - background.r),
                       Math.abs(image.rgba[i + 1] - background.g),
                       Math.abs(image.rgba[i + 2] - background.b));
    if (d > threshold) ++count;
  }
  return count;
}

// Counts the pixels whose colours differ by more than `threshold` in any channel between
// two images of the same size.
export function differingPixels(a, b, threshold = 40) {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`image sizes differ: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  }
  let count = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    const d = Math.max(Math.abs(a.rgba[i] - b.rgba[i]), Math.abs(a.rgba[i + 1] - b.rgba[i + 1]),
                       Math.abs(a.rgba[i + 2] - b.rgba[i + 2]));
    if (d > threshold) ++count;
  }
  return count;
}
