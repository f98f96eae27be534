import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { chooseAndImportMedia, importMedia, onMediaImportProgress, type ImportResultDto } from "../../ipc";

/** Files from a drop, or the system's file picker. */
export type ImportSource = { kind: "paths"; paths: string[] } | { kind: "picker" };

export interface ImportProgress {
  done: number;
  total: number;
}

export interface MediaImporter {
  start: (source: ImportSource) => void;
  importing: boolean;
  /** Files finished so far, from Rust's progress events; null until the first. */
  progress: ImportProgress | null;
  /** One per file of the last import; null before one, or once dismissed. */
  results: ImportResultDto[] | null;
  error: unknown;
  clear: () => void;
}

/**
 * Adds files to the library, with progress as each one finishes and a
 * result per file; `onImported` gets the hashes of the pictures now in the
 * library (new, or already there), in the order the files came.
 */
export function useMediaImport(onImported: (hashes: string[]) => Promise<unknown> | void): MediaImporter {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [results, setResults] = useState<ImportResultDto[] | null>(null);
  // Listening from the start: the first files of a batch may finish before a
  // listener added at the click would be ready.
  const active = useRef(false);
  useEffect(
    () =>
      onMediaImportProgress((p) => {
        if (active.current) setProgress({ done: p.done, total: p.total });
      }),
    [],
  );

  const run = useMutation({
    mutationFn: (source: ImportSource) => {
      setResults(null);
      setProgress(null);
      active.current = true;
      return source.kind === "picker" ? chooseAndImportMedia(t("media.pickerTitle")) : importMedia(source.paths);
    },
    onSuccess: async (answer) => {
      setResults(answer.length > 0 ? answer : null);
      const hashes = answer.flatMap((result) => (result.media ? [result.media.hash] : []));
      if (hashes.length > 0) await onImported(hashes);
    },
    onSettled: () => {
      active.current = false;
      setProgress(null);
    },
  });

  return {
    start: (source: ImportSource) => run.mutate(source),
    importing: run.isPending,
    progress,
    results,
    error: run.error,
    clear: () => {
      setResults(null);
      run.reset();
    },
  };
}
