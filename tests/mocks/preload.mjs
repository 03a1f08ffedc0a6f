// `node --import ./tests/mocks/preload.mjs build/server/server.js`: the browser tests' app server, with the
// third-party services it would call (the PDOK geocoder) answered by msw inside its process. The mocks load
// through tsx's scoped import; the app itself runs as built, exactly as `npm start` runs it.
import { tsImport } from 'tsx/esm/api'

const { startAppMocks } = await tsImport('./app-server.ts', import.meta.url)
startAppMocks()
