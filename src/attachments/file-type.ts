/**
 * ISO base-media files (MP4, MOV, 3GP) open with a box `size, "ftyp", major brand`. The brands of
 * video a phone or a camera writes; others with an ftyp box (HEIC photos, M4A audio) are not videos
 * and stay refused.
 */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'mmp4',
  'dash',
  'MSNV',
  '3gp4',
  '3gp5',
  '3gp6',
  '3gp7',
  '3g2a',
]);
const ftypBrand = (b: Buffer) => (b.subarray(4, 8).toString('latin1') === 'ftyp' ? b.subarray(8, 12).toString('latin1') : null);

/** EBML (Matroska) magic; a WebM file names its DocType "webm" within the header's first bytes. */
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const isWebm = (b: Buffer) => b.subarray(0, 4).equals(EBML) && b.subarray(4, 64).includes('webm', 0, 'latin1');

/** Types we accept, recognised from the file's first bytes rather than trusting the client's label. */
const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'audio/mpeg', test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0) },
  {
    type: 'audio/wav',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  // Short videos from a phone (grid reports, issue 18): iPhone's MOV, Android's MP4, a browser's WebM.
  { type: 'video/quicktime', test: (b) => ftypBrand(b) === 'qt  ' },
  { type: 'video/mp4', test: (b) => MP4_BRANDS.has(ftypBrand(b) ?? '') },
  { type: 'video/webm', test: isWebm },
];

export const ALLOWED_TYPES = SIGNATURES.map((s) => s.type);
/** The video types: held to their own size limit (LIANXIN_VIDEO_MAX_BYTES), not the attachment one. */
export const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
export const isVideoType = (type: string) => VIDEO_TYPES.includes(type);
/** What a phone page sends from the field: photos and short videos (no documents, no audio). */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', ...VIDEO_TYPES];
/** How many first bytes sniffContentType reads (WebM's DocType may sit a few dozen bytes in). */
export const SNIFF_BYTES = 64;

export function sniffContentType(head: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(head.subarray(0, SNIFF_BYTES)))?.type ?? null;
}

/** The file-name extensions each accepted type may carry; the first is the one a misnamed file gets. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'audio/mpeg': ['.mp3'],
  'audio/wav': ['.wav'],
  'video/mp4': ['.mp4', '.m4v', '.3gp'],
  'video/quicktime': ['.mov'],
  'video/webm': ['.webm'],
};

/**
 * The name a file is stored and downloaded under: its extension is that of the type its bytes show.
 * A GIF/HTML polyglot uploaded as poly.html is poly.gif — saved and opened as the image it is
 * checked to be, never as a page of this site.
 */
export function nameForType(fileName: string, contentType: string): string {
  const allowed = EXTENSIONS[contentType];
  if (!allowed) return fileName;
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  if (allowed.includes(ext)) return fileName;
  return `${dot > 0 ? fileName.slice(0, dot) : fileName || 'file'}${allowed[0]}`;
}
