import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { GridPersonRole } from '../../src/contract/geo.js';
import { insertGridPerson } from '../../src/geo/verification.repository.js';
import { insertRegion } from '../../src/org/catalog.repository.js';
import type { Client } from './http.js';
import type { World } from './fixtures.js';

// Two neighbouring square grids of a street (R901) for the grid tests (issue 18): V1 from 116.0 to
// 116.1 E, V2 from 116.1 to 116.2 E, both 43.9–44.0 N (WGS-84).
export const IN_V1 = { lat: 43.95, lng: 116.05 } as const;
export const IN_V2 = { lat: 43.95, lng: 116.15 } as const;
export const OUTSIDE = { lat: 43.5, lng: 115.5 } as const;

const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
const feature = (code: string, coords: number[][][]) => ({
  type: 'Feature',
  properties: { code, name: `${code}网格`, region: 'R901' },
  geometry: { type: 'Polygon', coordinates: coords },
});

/** Imports V1 and V2 through the API (as the admin) and returns their ids. */
export async function importTwoGrids(database: Database, w: World, admin: Client): Promise<{ v1: string; v2: string }> {
  await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R901', name: '某街道', level: 2 });
  const imported = await admin.post('/api/grids/import', {
    geojson: {
      type: 'FeatureCollection',
      features: [feature('V1', ring(116.0, 43.9, 116.1, 44.0)), feature('V2', ring(116.1, 43.9, 116.2, 44.0))],
    },
  });
  expect(imported.statusCode).toBe(200);
  const grids = await database.db.selectFrom('grids').select(['id', 'code']).where('centre_id', '=', w.centreId).execute();
  return { v1: grids.find((g) => g.code === 'V1')!.id, v2: grids.find((g) => g.code === 'V2')!.id };
}

/** Makes a world user a person of a grid. */
export async function joinGrid(database: Database, w: World, gridId: string, who: keyof World['actors'], role: GridPersonRole) {
  const actor = w.actors[who];
  await insertGridPerson(database.db, {
    centreId: w.centreId,
    gridId,
    userId: actor.userId,
    role,
    name: actor.label,
    at: w.clock.now(),
  });
}

export type FormFile = { name: string; fileName: string; type: string; data: Buffer };

/** A multipart/form-data request body of text fields and files. */
export function multipart(fields: Record<string, string>, files: FormFile[] = []) {
  const boundary = '----grid' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// Files by their first bytes (what the server checks), padded to a size.
const pad = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]);
export const png = (size = 80) => pad(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), size);
export const jpeg = (size = 80) => pad(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), size);
/** An ISO base-media file: box size, "ftyp", the major brand. */
const ftyp = (brand: string, size: number) =>
  pad(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(12)]), size);
export const mp4 = (size = 200) => ftyp('isom', size);
export const mov = (size = 200) => ftyp('qt  ', size);
export const heic = (size = 200) => ftyp('heic', size);
/** An EBML header whose DocType is "webm" (as a browser's MediaRecorder writes it). */
export const webm = (size = 200) =>
  pad(
    Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04]),
      Buffer.from([0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]),
      Buffer.from('webm', 'latin1'),
    ]),
    size,
  );
/** A Matroska (not WebM) file: the same magic, another DocType. */
export const mkv = (size = 200) =>
  pad(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x88]), Buffer.from('matroska', 'latin1')]), size);
