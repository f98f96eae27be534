import type { Network, NetworkPresetsDto, PresetName } from "../../ipc";

/**
 * The presets to preview for these networks, each once, in the order the
 * networks come, from the table Rust serves (jadwal-media's picture rules):
 * the previews show a picture the way each of the post's networks will.
 */
export function presetsFor(table: readonly NetworkPresetsDto[], networks: readonly Network[]): PresetName[] {
  const out: PresetName[] = [];
  for (const network of networks) {
    const presets = table.find((row) => row.network === network)?.presets ?? [];
    for (const preset of presets) if (!out.includes(preset)) out.push(preset);
  }
  return out;
}
