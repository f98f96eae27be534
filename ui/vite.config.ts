import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The web view of a Tauri app: everything is bundled (no CDN, no remote
// fonts) because the app must work offline, and paths are relative so the
// files load from Tauri's custom protocol.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Only index.html is an entry: dev.html (the mocked backend) never ships.
    rolldownOptions: { input: "index.html" },
    // One local bundle read from disk, not downloaded: its size is not a load-time concern.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
