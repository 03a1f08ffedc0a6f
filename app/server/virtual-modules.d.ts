// The app's server build, as Vite's Remix plugin provides it inside the build and the dev server.
declare module 'virtual:remix/server-build'
