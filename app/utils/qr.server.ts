// QR codes as PNG for the confirmation mail. The `qrcode` package builds the matrix (~1 ms); its own PNG
// writer (pngjs) takes ~25 ms per code, which alone would cap registrations at ~40/s per core. A QR code is a
// black-and-white grid, so a 1-bit greyscale PNG written here takes well under a millisecond.
import zlib from 'node:zlib'
import QRCode from 'qrcode'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A PNG of the QR code for `text`: `scale` pixels per module and a quiet zone of `margin` modules. */
export function qrPng(text: string, options: { scale?: number; margin?: number } = {}): Buffer {
  const scale = options.scale ?? 6
  const margin = options.margin ?? 2
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const count = modules.size + 2 * margin
  const side = count * scale
  const rowBytes = Math.ceil(side / 8)
  // Bit 1 is white in greyscale; every scanline starts with filter byte 0 (none).
  const raw = Buffer.alloc((rowBytes + 1) * side, 0)
  for (let y = 0; y < side; y++) {
    const row = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1))
    row.fill(0xff)
    const my = Math.floor(y / scale) - margin
    if (my < 0 || my >= modules.size) continue
    for (let mx = 0; mx < modules.size; mx++) {
      if (!modules.get(my, mx)) continue
      for (let x = (mx + margin) * scale; x < (mx + margin + 1) * scale; x++) row[x >> 3]! &= ~(0x80 >> (x & 7))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
