import jsQR from 'jsqr'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrPng } from '~/utils/qr.server'

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

describe('QR code PNG', () => {
  const payload = 'bijeen-checkin:0123456789abcdef0123456789abcdef'

  it('draws exactly the image the qrcode package draws', async () => {
    const ours = await pixels(qrPng(payload, { scale: 6, margin: 2 }))
    const theirs = await pixels(
      await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
    )
    expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height])
    expect(Buffer.compare(ours.data, theirs.data)).toBe(0)
  })

  it('decodes back to the payload', async () => {
    const { data, info } = await sharp(qrPng(payload)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    const code = jsQR(new Uint8ClampedArray(data), info.width, info.height)
    expect(code?.data).toBe(payload)
  })
})
