// Makes N distinct 4000×3000 photo-like JPEGs in DIR. Run as its own process by the library
// bench, so making them does not count in the peak memory of the process that imports them.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const PHOTO = { width: 4000, height: 3000 };

export async function makePhotos(dir: string, count: number): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  // Smooth detail like a photo: noise at a quarter size, scaled up, with a distinct patch each.
  const base = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 45 } } })
    .resize(PHOTO.width, PHOTO.height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const files: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (next < count) {
        const i = next++;
        const file = path.join(dir, `photo-${String(i).padStart(3, '0')}.jpg`);
        const patch = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 } } })
          .png()
          .toBuffer();
        await sharp(base, { raw: { ...PHOTO, channels: 3 } })
          .composite([{ input: patch, left: (i * 97) % (PHOTO.width - 400), top: (i * 61) % (PHOTO.height - 300) }])
          .jpeg({ quality: 90 })
          .toFile(file);
        files[i] = file;
      }
    }),
  );
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir, count] = process.argv.slice(2);
  await makePhotos(dir!, Number(count));
}
