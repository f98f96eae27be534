import type { Network, PresetName } from "../../ipc";

/**
 * The renditions each network gets, as jadwal-media's picture rules list
 * them (IMAGE_RULES in validate.rs): the previews show a picture the way
 * each of the post's networks will. The webhook takes the original.
 */
const NETWORK_PRESETS: Record<Network, readonly PresetName[]> = {
  bluesky: ["bluesky"],
  mastodon: ["mastodon"],
  telegram: ["mastodon"],
  instagram: ["instagram_portrait", "instagram_square", "instagram_landscape"],
  facebook: ["facebook"],
  linkedin: ["linkedin"],
  x: ["x"],
  tiktok: ["story"],
  pinterest: ["pinterest"],
  threads: ["instagram_portrait"],
  google_business: ["google_business"],
  webhook: [],
};

/** The presets to preview for these networks, each once, in the order the networks come. */
export function presetsFor(networks: readonly Network[]): PresetName[] {
  const out: PresetName[] = [];
  for (const network of networks) {
    for (const preset of NETWORK_PRESETS[network]) if (!out.includes(preset)) out.push(preset);
  }
  return out;
}
