import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig, type Plugin } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// The production server (app/server/index.ts, `npm start`) and the standalone mail worker (scripts/worker.ts,
// `npm run worker`) are entries of the app's own server build, so that the three share their chunks: one
// instance of every module in a process (the outbox's wake-up, the caches), as in the tests that run them.
// build/server/index.js stays the Remix server build; server.js and worker.js sit beside it.
function serverEntries(): Plugin {
  return {
    name: 'bijeen-server-entries',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild === true,
    options(options) {
      if (typeof options.input !== 'string') throw new Error(`unexpected server build input: ${String(options.input)}`)
      return {
        ...options,
        input: { index: options.input, server: 'app/server/index.ts', worker: 'scripts/worker.ts' },
      }
    },
    outputOptions(output) {
      return { ...output, entryFileNames: '[name].js' }
    },
  }
}

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  build: { target: 'es2022' },
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [remix(remixConfig), serverEntries()],
})
