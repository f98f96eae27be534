// The rules of the IPC boundary, checked on the source itself.
const sources = import.meta.glob<string>(["../**/*.ts", "../**/*.tsx", "!../**/*.test.ts", "!../**/*.test.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const TAURI_IMPORT = /from\s+["']@tauri-apps\//;

describe("the IPC boundary", () => {
  it("reads the sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
  });

  it("keeps @tauri-apps imports inside src/ipc/", () => {
    const offenders = Object.entries(sources)
      // Paths are relative to this file: "./x" is inside src/ipc/.
      .filter(([path, text]) => !path.startsWith("./") && TAURI_IMPORT.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("never renders HTML from strings", () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\bhtml\s*:/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("keeps the mocked backend out of the real entry", () => {
    const entry = Object.entries(sources).filter(([path]) => path === "../main.tsx" || path === "../bootstrap.tsx");
    expect(entry).toHaveLength(2);
    for (const [, text] of entry) expect(text).not.toMatch(/ipc\/dev|mockBackend|installMock/);
  });
});
