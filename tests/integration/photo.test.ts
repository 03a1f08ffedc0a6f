// Speaker photo uploads: only real JPEG/PNG/WebP bytes get in, whatever the name or declared type says; what
// is stored is our own upright, bounded JPEG without any metadata (no EXIF, so no GPS position).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSpeakerPhoto, sniffImageType, storeSpeakerPhoto } from '~/models/photo.server'
import { action as loginAction } from '~/routes/inloggen'
import { loader as photoLoader } from '~/routes/media.speakers.$file'
import { db } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createSpeaker, createUser } from '../factories.ts'
import { callRoute, cookieFrom, formRequest, getRequest } from '../support/remix.ts'

let uploadDir: string
const previous = process.env.UPLOAD_DIR

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bijeen-photos-'))
  process.env.UPLOAD_DIR = uploadDir
  resetEnvCache()
})
afterAll(async () => {
  if (previous === undefined) delete process.env.UPLOAD_DIR
  else process.env.UPLOAD_DIR = previous
  resetEnvCache()
  await rm(uploadDir, { recursive: true, force: true })
})

const MB = 1024 * 1024

/** A picture that is red on its left half and blue on its right, so orientation can be checked by pixels. */
function halves(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    {
      input: { create: { width: Math.floor(width / 2), height, channels: 3, background: '#ff0000' } },
      left: 0,
      top: 0,
    },
  ])
}

/** A phone photo: EXIF with camera and GPS position (the Ministry at Turfmarkt 147), XMP, rotated 90°. */
async function phonePhoto() {
  // Flattened first, because sharp applies one composite per pipeline.
  const pixels = await halves(400, 300).png().toBuffer()
  return sharp(pixels)
    .withExif({
      IFD0: { Make: 'Fairphone', Model: 'FP5', Artist: 'Sanne de Vries' },
      // libvips numbers the GPS directory IFD3 (IFD2 is the Exif sub-IFD).
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 4/1 4318/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 18/1 5893/100',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,4.7197N"/>' +
        '</rdf:RDF></x:xmpmeta>',
    )
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The tags of the GPS IFD in a sharp `metadata().exif` buffer ("Exif\0\0" + TIFF), or null when there is none. */
function gpsTags(exif: Buffer | undefined): Map<number, string> | null {
  if (!exif) return null
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0)
  const le = tiff.subarray(0, 2).toString('latin1') === 'II'
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o))
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o))
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12).map((e) => ({ tag: u16(e), at: e }))
  const pointer = entries(u32(4)).find((e) => e.tag === 0x8825) // GPSInfo IFD pointer
  if (!pointer) return null
  const tags = new Map<number, string>()
  for (const { tag, at } of entries(u32(pointer.at + 8))) {
    // Short ASCII values (the Ref tags) are stored inline in the value field.
    tags.set(
      tag,
      tiff
        .subarray(at + 8, at + 12)
        .toString('latin1')
        .replace(/\0.*$/s, ''),
    )
  }
  return tags
}

/** The marker segments of a JPEG before its image data: APP1 is EXIF/XMP, APP2 ICC, APP13 IPTC. */
function jpegMarkers(jpeg: Buffer) {
  const markers: number[] = []
  let offset = 2
  while (offset < jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1]!
    markers.push(marker)
    if (marker === 0xda) break // start of scan
    offset += 2 + jpeg.readUInt16BE(offset + 2)
  }
  return markers
}

async function stored(result: Awaited<ReturnType<typeof storeSpeakerPhoto>>) {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${result.reason}`)
  return readFile(path.join(uploadDir, result.path))
}

describe('storeSpeakerPhoto', () => {
  test('a phone photo is stored upright, as a JPEG, without EXIF, GPS, XMP or ICC', async () => {
    const input = await phonePhoto()
    // The test only proves something if the input really carries the position.
    const inputMeta = await sharp(input).metadata()
    expect(gpsTags(inputMeta.exif)?.get(0x0001)).toBe('N') // GPSLatitudeRef
    expect(gpsTags(inputMeta.exif)?.get(0x0003)).toBe('E') // GPSLongitudeRef
    expect(inputMeta.xmp?.toString()).toContain('GPSLatitude')
    expect(inputMeta.orientation).toBe(6)
    expect(input.includes('Fairphone')).toBe(true)

    const result = await storeSpeakerPhoto({
      bytes: new Uint8Array(input),
      declaredType: 'image/jpeg',
      fileName: 'IMG_2041.jpg',
    })
    expect(result).toMatchObject({ kind: 'ok', width: 300, height: 400, contentType: 'image/jpeg' })
    if (result.kind !== 'ok') return
    expect(result.path).toMatch(/^speakers\/[0-9a-f]{32}\.jpg$/)

    const file = await stored(result)
    const meta = await sharp(file).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(meta.iptc).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(meta.space).toBe('srgb')
    expect(gpsTags(meta.exif)).toBeNull()
    // At the byte level too: no APP1 (EXIF, XMP), APP2 (ICC) or APP13 (IPTC) segment, no trace of the tags.
    expect(jpegMarkers(file)).not.toContain(0xe1)
    expect(jpegMarkers(file)).not.toContain(0xe2)
    expect(jpegMarkers(file)).not.toContain(0xed)
    for (const text of ['Exif\0', 'GPS', 'Fairphone', 'Sanne', 'xmpmeta']) expect(file.includes(text), text).toBe(false)

    // Orientation 6 means "rotate 90° clockwise to display": the red left half is now on top.
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
    expect(pixel(150, 50)[0]).toBeGreaterThan(200)
    expect(pixel(150, 50)[2]).toBeLessThan(60)
    expect(pixel(150, 350)[2]).toBeGreaterThan(200)
    expect(pixel(150, 350)[0]).toBeLessThan(60)
  })

  test('the file lands under UPLOAD_DIR/speakers with a fresh name each time, and no temporary files remain', async () => {
    const bytes = new Uint8Array(await halves(200, 200).jpeg().toBuffer())
    const a = await storeSpeakerPhoto({ bytes })
    const b = await storeSpeakerPhoto({ bytes })
    expect(a.kind === 'ok' && b.kind === 'ok' && a.path !== b.path).toBe(true)
    const names = await readdir(path.join(uploadDir, 'speakers'))
    expect(names).toEqual(expect.arrayContaining([path.basename((a as { path: string }).path)]))
    expect(names.every((n) => /^[0-9a-f]{32}\.jpg$/.test(n))).toBe(true)
  })

  test('creates the folders it needs', async () => {
    const fresh = path.join(uploadDir, 'nested', 'deeper')
    process.env.UPLOAD_DIR = fresh
    resetEnvCache()
    try {
      const result = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(100, 100).png().toBuffer()) })
      expect(result.kind).toBe('ok')
      expect(await readdir(path.join(fresh, 'speakers'))).toHaveLength(1)
    } finally {
      process.env.UPLOAD_DIR = uploadDir
      resetEnvCache()
    }
  })

  test('PNG and WebP are accepted and become JPEG; transparency becomes white', async () => {
    const transparent = await sharp({
      create: { width: 120, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const png = await storeSpeakerPhoto({ bytes: new Uint8Array(transparent), declaredType: 'image/png' })
    expect(png).toMatchObject({ kind: 'ok', width: 120, height: 90, contentType: 'image/jpeg' })
    const pngFile = await stored(png)
    expect((await sharp(pngFile).metadata()).format).toBe('jpeg')
    const [r, g, b] = await sharp(pngFile).raw().toBuffer()
    expect([r, g, b].every((v) => v! > 245)).toBe(true)

    const webp = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(300, 200).webp().toBuffer()) })
    expect(webp).toMatchObject({ kind: 'ok', width: 300, height: 200 })
    expect((await sharp(await stored(webp)).metadata()).format).toBe('jpeg')
  })

  test('a Display P3 photo is converted to sRGB, not just stripped of its profile', async () => {
    const p3 = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#ff0000' } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer()
    // Read without its profile the same pixels are about (234, 51, 35): what a stripped file would show.
    const [rawR, rawG] = await sharp(p3, { ignoreIcc: true }).raw().toBuffer()
    expect(rawR).toBeLessThan(240)
    expect(rawG).toBeGreaterThan(40)
    const file = await stored(await storeSpeakerPhoto({ bytes: new Uint8Array(p3) }))
    expect((await sharp(file).metadata()).icc).toBeUndefined()
    const [r, g, b] = await sharp(file, { ignoreIcc: true }).raw().toBuffer()
    expect(r).toBeGreaterThan(245)
    expect(g).toBeLessThan(20)
    expect(b).toBeLessThan(20)
  })

  test('large images are scaled to fit 1200 × 1200; small ones are not enlarged', async () => {
    const wide = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(6000, 4000).png().toBuffer()) })
    expect(wide).toMatchObject({ kind: 'ok', width: 1200, height: 800 })
    const file = await stored(wide)
    expect(await sharp(file).metadata()).toMatchObject({ width: 1200, height: 800 })

    const tall = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(2000, 5000).jpeg().toBuffer()) })
    expect(tall).toMatchObject({ kind: 'ok', width: 480, height: 1200 })

    const small = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(300, 200).jpeg().toBuffer()) })
    expect(small).toMatchObject({ kind: 'ok', width: 300, height: 200 })
  })

  test('more than 5 MB is too large, refused before decoding', async () => {
    const tenMb = new Uint8Array(10 * MB)
    tenMb.set([0xff, 0xd8, 0xff, 0xe0])
    expect(await storeSpeakerPhoto({ bytes: tenMb })).toEqual({ kind: 'invalid', reason: 'too-large' })
    // The limit is exact: 5 MiB itself is not too large (these bytes are then simply not a JPEG).
    const atLimit = new Uint8Array(5 * MB)
    atLimit.set([0xff, 0xd8, 0xff, 0xe0])
    expect(await storeSpeakerPhoto({ bytes: atLimit })).toEqual({ kind: 'invalid', reason: 'not-an-image' })
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(5 * MB + 1) })).toEqual({
      kind: 'invalid',
      reason: 'too-large',
    })
  })

  test('a decompression bomb (small file, huge dimensions) is too large', async () => {
    const white = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    // A valid PNG whose header claims more pixels than it holds: hundreds of megapixels in a few hundred bytes.
    // 10000² is above our limit but below sharp's default; 30000² is above both.
    for (const side of [10_000, 30_000]) {
      const png = Buffer.from(white)
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
      png.writeUInt32BE(side, 16)
      png.writeUInt32BE(side, 20)
      png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
      expect(await sharp(png, { limitInputPixels: false }).metadata()).toMatchObject({ width: side, height: side })
      expect(await storeSpeakerPhoto({ bytes: new Uint8Array(png) })).toEqual({ kind: 'invalid', reason: 'too-large' })
    }
  })

  test('a PDF named .jpg and declared image/jpeg is refused', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
        'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    )
    expect(
      await storeSpeakerPhoto({ bytes: new Uint8Array(pdf), declaredType: 'image/jpeg', fileName: 'portret.jpg' }),
    ).toEqual({ kind: 'invalid', reason: 'not-an-image' })
  })

  test('GIF, TIFF, AVIF and SVG are images of a type we do not take', async () => {
    const base = halves(100, 100)
    for (const bytes of [
      await base.clone().gif().toBuffer(),
      await base.clone().tiff().toBuffer(),
      await base.clone().avif().toBuffer(),
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>'),
    ]) {
      expect(
        await storeSpeakerPhoto({ bytes: new Uint8Array(bytes), declaredType: 'image/jpeg', fileName: 'x.jpg' }),
      ).toEqual({
        kind: 'invalid',
        reason: 'unsupported-type',
      })
    }
  })

  test('random bytes, empty input and a broken JPEG are not images', async () => {
    const random = new Uint8Array(crypto.getRandomValues(new Uint8Array(4096)))
    random[0] = 0x00 // not accidentally a magic number
    expect(await storeSpeakerPhoto({ bytes: random, declaredType: 'image/png' })).toEqual({
      kind: 'invalid',
      reason: 'not-an-image',
    })
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array() })).toEqual({ kind: 'invalid', reason: 'not-an-image' })

    // Right magic number, garbage after it.
    const fake = new Uint8Array(4096)
    fake.set([0xff, 0xd8, 0xff, 0xe0])
    expect(await storeSpeakerPhoto({ bytes: fake })).toEqual({ kind: 'invalid', reason: 'not-an-image' })

    // A real JPEG cut in half: the header parses, the pixels do not.
    const noisy = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer()
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(noisy.subarray(0, noisy.length / 2)) })).toEqual({
      kind: 'invalid',
      reason: 'not-an-image',
    })

    // A PNG signature glued in front of a JPEG: accepted by the sniffing, refused by the decoder.
    const jpeg = await halves(100, 100).jpeg().toBuffer()
    const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg])
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(disguised) })).toEqual({
      kind: 'invalid',
      reason: 'not-an-image',
    })
  })

  test('fewer than 64 pixels on a side is too small', async () => {
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(63, 400).png().toBuffer()) })).toEqual({
      kind: 'invalid',
      reason: 'too-small',
    })
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(400, 40).jpeg().toBuffer()) })).toEqual({
      kind: 'invalid',
      reason: 'too-small',
    })
    expect(await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(64, 64).jpeg().toBuffer()) })).toMatchObject({
      kind: 'ok',
      width: 64,
      height: 64,
    })
  })
})

describe('readSpeakerPhoto', () => {
  test('returns the stored bytes for a key from storeSpeakerPhoto', async () => {
    const result = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(100, 100).jpeg().toBuffer()) })
    if (result.kind !== 'ok') throw new Error(result.reason)
    const bytes = await readSpeakerPhoto(result.path)
    expect(bytes).not.toBeNull()
    expect(bytes!.equals(await readFile(path.join(uploadDir, result.path)))).toBe(true)
    expect(await readSpeakerPhoto(`speakers/${'0'.repeat(32)}.jpg`)).toBeNull()
  })

  test('refuses every key that is not a generated name', async () => {
    // A file outside the speakers folder that a traversal would reach.
    await writeFile(path.join(uploadDir, 'secret.jpg'), 'geheim')
    const hex = 'a'.repeat(32)
    await writeFile(path.join(uploadDir, 'speakers', `${hex}.jpg`), 'stored')
    expect(await readSpeakerPhoto(`speakers/${hex}.jpg`)).toEqual(Buffer.from('stored'))
    for (const key of [
      '../secret.jpg',
      'speakers/../secret.jpg',
      `speakers/../speakers/${hex}.jpg`,
      `speakers/${hex}.jpg/../../secret.jpg`,
      `./speakers/${hex}.jpg`,
      `/speakers/${hex}.jpg`,
      path.join(uploadDir, 'speakers', `${hex}.jpg`),
      `speakers\\${hex}.jpg`,
      `speakers/${hex.toUpperCase()}.jpg`,
      `speakers/${hex}.jpg\n`,
      `speakers/${hex}.jpg\0`,
      `speakers/${hex}.png`,
      `speakers/${hex.slice(1)}.jpg`,
      'secret.jpg',
      '',
    ]) {
      expect(await readSpeakerPhoto(key), JSON.stringify(key)).toBeNull()
    }
  })
})

describe('sniffImageType', () => {
  test('goes by the bytes only', async () => {
    expect(sniffImageType(new Uint8Array(await halves(80, 80).jpeg().toBuffer()))).toBe('jpeg')
    expect(sniffImageType(new Uint8Array(await halves(80, 80).png().toBuffer()))).toBe('png')
    expect(sniffImageType(new Uint8Array(await halves(80, 80).webp().toBuffer()))).toBe('webp')
    expect(sniffImageType(new Uint8Array(await halves(80, 80).gif().toBuffer()))).toBe('gif')
    expect(sniffImageType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('unknown')
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBe('unknown')
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBe('unknown')
  })
})

describe('serving a photo (/media/speakers/<name>.jpg)', () => {
  async function speakerWithPhoto(consentPublishPhoto: boolean) {
    const stored = await storeSpeakerPhoto({ bytes: new Uint8Array(await halves(100, 100).jpeg().toBuffer()) })
    if (stored.kind !== 'ok') throw new Error(stored.reason)
    const speaker = await createSpeaker(db, { consentPublishPhoto })
    await db.speaker.update({ where: { id: speaker.id }, data: { photoPath: stored.path } })
    return { speaker, path: `/media/${stored.path}`, file: stored.path.slice('speakers/'.length) }
  }
  const get = (photo: { path: string; file: string }, headers: Record<string, string> = {}) =>
    callRoute(photoLoader, getRequest(photo.path, headers), { file: photo.file })

  test('with consent: to anyone, as an inline JPEG that browsers must not sniff, cached for an hour', async () => {
    const photo = await speakerWithPhoto(true)
    const result = await get(photo)
    expect(result.status).toBe(200)
    expect(Object.fromEntries(result.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=3600',
      'content-disposition': 'inline',
    })
  })

  test('without consent: not to anyone (404), only to the signed-in secretariat, and never stored', async () => {
    const photo = await speakerWithPhoto(false)
    const anonymous = await get(photo)
    expect(anonymous.status).toBe(404)
    expect(anonymous.headers.get('cache-control')).toBe('no-store')
    const { user, password } = await createUser(db, { role: 'viewer' })
    const login = formRequest('/inloggen', { email: user.email, password }, { 'x-bijeen-client-ip': '10.41.0.1' })
    const cookie = cookieFrom(await callRoute(loginAction, login))
    const secretariat = await get(photo, { cookie })
    expect(secretariat.status).toBe(200)
    expect(secretariat.headers.get('content-type')).toBe('image/jpeg')
    expect(secretariat.headers.get('cache-control')).toBe('private, no-store')
    // Consent given later: public from then on.
    await db.speaker.update({ where: { id: photo.speaker.id }, data: { consentPublishPhoto: true } })
    expect((await get(photo)).status).toBe(200)
  })

  test('a photo no speaker has (replaced, or never stored) is 404 even for the secretariat', async () => {
    const photo = await speakerWithPhoto(true)
    await db.speaker.update({ where: { id: photo.speaker.id }, data: { photoPath: null } })
    expect((await get(photo)).status).toBe(404)
    expect((await get({ path: '/media/speakers/x.jpg', file: '../x.jpg' })).status).toBe(404)
  })
})
