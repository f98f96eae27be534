import { onlineManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";

import { createQueryClient } from "./queryClient";

describe("the query client", () => {
  afterEach(() => onlineManager.setOnline(true));

  it("reads and writes while the computer says it is offline: Rust is local", async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const read = await client.fetchQuery({ queryKey: ["local"], queryFn: async () => "answer" });
    expect(read).toBe("answer");
    const write = client.getMutationCache().build(client, { mutationFn: async (n: number) => n + 1 });
    await expect(write.execute(41)).resolves.toBe(42);
  });
});
