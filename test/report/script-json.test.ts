import { describe, expect, it } from "vitest";
import { scriptJson } from "../../src/report/script-json";

describe("scriptJson", () => {
  it("escapes <, > and & so data cannot end a script element, and parses back to the same value", () => {
    const value = { title: "</script><b>A & B</b>", n: [1, 2] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
