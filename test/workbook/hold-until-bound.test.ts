// The kernel launcher's guard against tslab's startup race: a shell message handled while the iopub socket is still
// binding made zeromq throw "Socket is blocked by a bind or unbind operation".
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";

const require = createRequire(import.meta.url);
const { holdMessagesUntilBound } = require(packagePath("scripts", "kernel", "hold-until-bound.cjs")) as {
  holdMessagesUntilBound: (jupyter: { ZmqServer: unknown }) => void;
};

/** A stand-in for tslab's ZmqServer: reads the shell socket at once, binds iopub later, publishes on each message. */
function fakeServer() {
  const events: string[] = [];
  class ZmqServer {
    iopubBound = false;
    async init(): Promise<void> {
      for (const m of ["kernel_info_request", "execute_request"]) this.handleShellMessage(m).catch((e: Error) => events.push(`failed: ${e.message}`));
      await new Promise((r) => setTimeout(r, 20));
      this.iopubBound = true;
      events.push("bound");
    }
    async handleShellMessage(message: string): Promise<void> {
      if (!this.iopubBound) throw new Error("Socket is blocked by a bind or unbind operation");
      events.push(message);
    }
  }
  return { jupyter: { ZmqServer }, events };
}

describe("holdMessagesUntilBound", () => {
  it("without it, a message arriving during the binds fails as in the workbook run", async () => {
    const { jupyter, events } = fakeServer();
    await new jupyter.ZmqServer().init();
    expect(events[0]).toBe("failed: Socket is blocked by a bind or unbind operation");
  });
  it("with it, messages wait until every socket is bound and keep their order", async () => {
    const { jupyter, events } = fakeServer();
    holdMessagesUntilBound(jupyter);
    await new jupyter.ZmqServer().init();
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(["bound", "kernel_info_request", "execute_request"]);
  });
  it("leaves an unknown tslab alone", () => {
    expect(() => holdMessagesUntilBound({ ZmqServer: undefined })).not.toThrow();
  });
});
