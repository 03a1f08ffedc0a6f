// The camera part of the check-in page. It only exists with JavaScript (without it the page offers the code
// form and the name search). It reads QR codes with the browser's BarcodeDetector where there is one, and
// otherwise with jsQR (loaded on demand, so no other page carries it) on frames drawn to a canvas.
// After a code is read, scanning pauses until the host asks for the next one, so one person is one scan.
import type JsQr from 'jsqr'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '~/i18n'

type Phase = 'off' | 'starting' | 'scanning' | 'denied' | 'absent' | 'unsupported' | 'failed'
type Decode = (source: HTMLVideoElement) => Promise<string | null>

const SCAN_INTERVAL_MS = 200
const MAX_FRAME_WIDTH = 800

type DetectorLike = { detect: (source: HTMLVideoElement) => Promise<Array<{ rawValue: string }>> }
type DetectorClass = {
  new (options: { formats: string[] }): DetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

async function nativeDecoder(): Promise<Decode | null> {
  const Detector = (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector
  if (!Detector) return null
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? []
    if (!formats.includes('qr_code')) return null
    const detector = new Detector({ formats: ['qr_code'] })
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null
  } catch {
    return null
  }
}

async function jsQrDecoder(): Promise<Decode> {
  const mod = (await import('jsqr')) as unknown as { default: unknown }
  // jsQR is a CommonJS bundle: depending on the interop, the function is the default or its default.
  const candidate = mod.default as { default?: unknown }
  const jsQR = (typeof candidate === 'function' ? candidate : candidate.default) as typeof JsQr
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  return async (video) => {
    if (!context || !video.videoWidth || !video.videoHeight) return null
    const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth)
    canvas.width = Math.round(video.videoWidth * scale)
    canvas.height = Math.round(video.videoHeight * scale)
    context.drawImage(video, 0, 0, canvas.width, canvas.height)
    const image = context.getImageData(0, 0, canvas.width, canvas.height)
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null
  }
}

function phaseOfError(error: unknown): Phase {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'absent'
  return 'failed'
}

export function CheckInScanner({
  busy,
  paused,
  onCode,
  onNext,
}: {
  busy: boolean
  paused: boolean
  onCode: (code: string) => void
  onNext: () => void
}) {
  const t = useT().checkIn.camera
  const [hydrated, setHydrated] = useState(false)
  const [phase, setPhase] = useState<Phase>('off')
  const videoRef = useRef<HTMLVideoElement>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const decodeRef = useRef<Decode | null>(null)
  // Read inside the scan loop without restarting it.
  const pausedRef = useRef(false)
  const onCodeRef = useRef(onCode)
  onCodeRef.current = onCode
  pausedRef.current = busy || paused

  useEffect(() => setHydrated(true), [])

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop())
    streamRef.current = null
    if (videoRef.current) videoRef.current.srcObject = null
    setPhase('off')
  }, [])

  useEffect(() => () => streamRef.current?.getTracks().forEach((track) => track.stop()), [])

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      setPhase('unsupported')
      return
    }
    setPhase('starting')
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      })
      streamRef.current = stream
      decodeRef.current ??= (await nativeDecoder()) ?? (await jsQrDecoder())
      const video = videoRef.current
      if (!video) return
      video.srcObject = stream
      await video.play()
      setPhase('scanning')
    } catch (error) {
      streamRef.current?.getTracks().forEach((track) => track.stop())
      streamRef.current = null
      setPhase(phaseOfError(error))
    }
  }

  // The scan loop: one frame every SCAN_INTERVAL_MS while the camera runs and no answer is on screen.
  useEffect(() => {
    if (phase !== 'scanning') return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout>
    const tick = async () => {
      const video = videoRef.current
      const decode = decodeRef.current
      if (!pausedRef.current && video && decode && video.readyState >= 2) {
        try {
          const text = await decode(video)
          if (text && !cancelled && !pausedRef.current) {
            pausedRef.current = true
            onCodeRef.current(text)
          }
        } catch {
          // A frame that cannot be read: try the next one.
        }
      }
      if (!cancelled) timer = setTimeout(tick, SCAN_INTERVAL_MS)
    }
    timer = setTimeout(tick, SCAN_INTERVAL_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [phase])

  if (!hydrated) return null
  const running = phase === 'starting' || phase === 'scanning'
  const problem = phase === 'denied' || phase === 'absent' || phase === 'unsupported' || phase === 'failed'
  return (
    <section aria-labelledby="camera-heading" className="checkin-section">
      <h2 id="camera-heading">{t.heading}</h2>
      <p className="field-hint">{t.hint}</p>
      <div className="checkin-camera__buttons">
        {running ? (
          <button type="button" className="button button--secondary button--large" onClick={stop}>
            {t.stop}
          </button>
        ) : (
          <button type="button" className="button button--large" onClick={() => void start()}>
            {t.start}
          </button>
        )}
        {running && paused && !busy ? (
          <button type="button" className="button button--large" onClick={onNext}>
            {t.next}
          </button>
        ) : null}
      </div>
      <p aria-live="polite" className={problem ? 'notice notice--error' : 'muted'}>
        {phase === 'starting' ? t.starting : phase === 'scanning' && !paused ? t.scanning : problem ? t[phase] : null}
      </p>
      <video
        ref={videoRef}
        className="checkin-camera__video"
        hidden={!running}
        muted
        playsInline
        aria-label={t.video}
      />
    </section>
  )
}
