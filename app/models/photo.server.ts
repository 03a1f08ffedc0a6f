// Speaker photos: an upload is accepted only if its bytes are a JPEG, PNG or WebP that decodes, and what we
// keep is a fresh JPEG that we encoded ourselves. Re-encoding is what makes this safe to serve: no EXIF (phone
// photos carry the GPS position of where they were taken, often someone's home), no XMP or ICC, no trailing
// polyglot payload, and a size a browser can display. The file name and declared type come from the
// browser and are ignored: they describe what the user says, not what the bytes are.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import sharp, { type Metadata, type OutputInfo } from 'sharp'
import { orphanPhotoFiles } from '~/domain/retention'
import { db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
// A 5 MB PNG of one colour can claim 30000 × 30000 pixels (a decompression bomb): refuse to decode more than
// this. 50 megapixels still admits every camera a speaker or photographer is likely to use.
export const MAX_PHOTO_PIXELS = 50_000_000
export const MIN_PHOTO_SIDE = 64
export const MAX_PHOTO_SIDE = 1200

const KEY = /^speakers\/[0-9a-f]{32}\.jpg$/

export type PhotoUpload = { bytes: Uint8Array; declaredType?: string; fileName?: string }
export type PhotoInvalidReason = 'too-large' | 'not-an-image' | 'unsupported-type' | 'too-small'
export type StoreSpeakerPhotoResult =
  | { kind: 'ok'; path: string; width: number; height: number; contentType: 'image/jpeg' }
  | { kind: 'invalid'; reason: PhotoInvalidReason }

type Accepted = 'jpeg' | 'png' | 'webp'

export async function storeSpeakerPhoto(upload: PhotoUpload): Promise<StoreSpeakerPhotoResult> {
  const { bytes } = upload
  // Before anything reads the image: the cheapest refusal first.
  if (bytes.byteLength > MAX_PHOTO_BYTES) return invalid('too-large')

  const sniffed = sniffImageType(bytes)
  if (sniffed === 'unknown') return invalid('not-an-image')
  if (sniffed !== 'jpeg' && sniffed !== 'png' && sniffed !== 'webp') return invalid('unsupported-type')

  // libvips picks its decoder from the bytes too; reading the header first lets us refuse by dimensions
  // without decoding a single pixel.
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let meta: Metadata
  try {
    // Header only, so no pixel limit here: a bomb must be refused as too large, not as "not an image".
    meta = await sharp(input, { failOn: 'error', limitInputPixels: false }).metadata()
  } catch {
    return invalid('not-an-image')
  }
  // Belt and braces: libvips sniffs on its own; should it ever pick another decoder than our check named, refuse.
  if (meta.format !== sniffed || !meta.width || !meta.height) return invalid('not-an-image')
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) return invalid('too-large')
  if (Math.min(meta.width, meta.height) < MIN_PHOTO_SIDE) return invalid('too-small')

  let output: { data: Buffer; info: OutputInfo }
  try {
    output = await sharp(input, {
      failOn: 'error',
      limitInputPixels: MAX_PHOTO_PIXELS,
      // Turn the pixels upright, since the orientation tag that says how goes with the rest of the EXIF.
      autoOrient: true,
    })
      .resize(MAX_PHOTO_SIDE, MAX_PHOTO_SIDE, { fit: 'inside', withoutEnlargement: true })
      // JPEG has no alpha: transparent PNG/WebP areas would otherwise turn black.
      .flatten({ background: '#ffffff' })
      // sharp converts from an embedded profile (Display P3, CMYK) to sRGB, and without withMetadata() or
      // keep*() it writes no EXIF, XMP, IPTC or ICC at all. Untagged sRGB is what browsers assume.
      .toColourspace('srgb')
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
  } catch {
    // A header that parses over a body that does not (truncated, corrupt).
    return invalid('not-an-image')
  }

  const name = `${randomBytes(16).toString('hex')}.jpg`
  const dir = path.resolve(getEnv().UPLOAD_DIR, 'speakers')
  await writeAtomically(dir, name, output.data)
  return {
    kind: 'ok',
    path: `speakers/${name}`,
    width: output.info.width,
    height: output.info.height,
    contentType: 'image/jpeg',
  }
}

/** The stored JPEG for a key from storeSpeakerPhoto, or null. Any other key (`../`, absolute, …) is null. */
export async function readSpeakerPhoto(key: string): Promise<Buffer | null> {
  // The key comes from a URL: only our own generated names can reach the file system.
  if (!KEY.test(key)) return null
  try {
    return await readFile(path.resolve(getEnv().UPLOAD_DIR, key))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Removes one stored photo (an erased speaker's). Unknown keys and missing files are ignored. */
export async function deleteSpeakerPhoto(key: string) {
  if (KEY.test(key)) await rm(path.resolve(getEnv().UPLOAD_DIR, key), { force: true })
}

/**
 * Removes the photo files no speaker uses any more (replaced, or of a deleted speaker), once they were last
 * written before `writtenBefore`, so an upload whose speaker is being saved right now stays. Returns how many.
 */
export async function removeUnusedSpeakerPhotos(writtenBefore: Date): Promise<number> {
  const dir = path.resolve(getEnv().UPLOAD_DIR, 'speakers')
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, writtenAt: (await stat(path.join(dir, name)).catch(() => null))?.mtime })),
  )
  const inUse = new Set(
    (await db.speaker.findMany({ where: { photoPath: { not: null } }, select: { photoPath: true } })).map(
      (s) => s.photoPath!,
    ),
  )
  const known = files.filter((f): f is { name: string; writtenAt: Date } => !!f.writtenAt)
  const orphans = orphanPhotoFiles(known, inUse, writtenBefore)
  for (const name of orphans) await rm(path.join(dir, name), { force: true })
  return orphans.length
}

/**
 * Who may see a stored photo: anyone when its speaker consented to publishing it, otherwise only the
 * secretariat; null when no speaker has this photo now (an unknown name, or a photo since replaced).
 */
export async function speakerPhotoAudience(key: string): Promise<'public' | 'secretariat' | null> {
  if (!KEY.test(key)) return null
  const speaker = await db.speaker.findFirst({ where: { photoPath: key }, select: { consentPublishPhoto: true } })
  if (!speaker) return null
  return speaker.consentPublishPhoto ? 'public' : 'secretariat'
}

/**
 * Headers for serving a stored photo. A published one may be cached, but for an hour only: consent can be
 * withdrawn, and a copy kept for a year would outlive it. One shown to the secretariat only is never stored.
 */
export function photoResponseHeaders(audience: 'public' | 'secretariat') {
  return {
    'Content-Type': 'image/jpeg',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': audience === 'public' ? 'public, max-age=3600' : 'private, no-store',
    'Content-Disposition': 'inline',
  } as const
}

export type SniffedType = Accepted | 'gif' | 'tiff' | 'bmp' | 'heif' | 'jxl' | 'svg' | 'unknown'

/** What the first bytes say a file is. Image formats we do not take are named, so we can say so. */
export function sniffImageType(bytes: Uint8Array): SniffedType {
  const at = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b)
  const ascii = (offset: number, text: string) => at(offset, ...Array.from(text, (c) => c.charCodeAt(0)))

  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp'
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif'
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff'
  if (ascii(0, 'BM') && bytes.length >= 26 && at(6, 0, 0, 0, 0)) return 'bmp'
  if (ascii(4, 'ftyp') && /^(avif|avis|heic|heix|hevc|heim|heis|mif1|msf1)$/.test(asciiAt(bytes, 8, 4))) return 'heif'
  if (at(0, 0xff, 0x0a) || at(0, 0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20)) return 'jxl'
  // SVG is text and may execute script when opened directly; it is named only to give a clearer refusal.
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(asciiAt(bytes, 0, 1024)))
    return 'svg'
  return 'unknown'
}

function asciiAt(bytes: Uint8Array, offset: number, length: number) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(offset, offset + length)
    .toString('latin1')
}

function invalid(reason: PhotoInvalidReason): StoreSpeakerPhotoResult {
  return { kind: 'invalid', reason }
}

// Readers see either no file or the whole file: write a temporary file beside it, flush it, then rename,
// which is atomic within one directory.
async function writeAtomically(dir: string, name: string, data: Buffer) {
  await mkdir(dir, { recursive: true })
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temp, 'wx', 0o644)
    try {
      await file.writeFile(data)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, path.join(dir, name))
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
