import { defineConfig } from 'vitest/config';

// The build goes straight into the Maven module's classes, so that the carlo-web jar holds /static/**
// and Spring Boot serves it at / (the server depends on this module).
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: {
    // `npm run dev` beside `./carlo serve`: the API comes from the server.
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
