/** The kinds of file Paperwork reads. */
export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** How a clerk would name each kind in a message. */
export const MEDIA_TYPE_NAMES: Record<MediaType, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/tiff': 'a TIFF image',
};

const EXTENSIONS: Record<string, MediaType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export function isMediaType(value: string): value is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(value);
}

/** The kind a filename claims by its extension, if the extension is one of ours. */
export function mediaTypeFromFilename(filename: string): MediaType | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return match ? EXTENSIONS[match[1]!.toLowerCase()] : undefined;
}
