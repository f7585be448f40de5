// The weight layout (Keras's) and the seeded initial weights both engines start from.
import { describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import { checkLstmWeights, initialLstmWeights, lstmWeightShapes, type LstmArchitecture } from "../../../src/models/lstm/index";

const arch: LstmArchitecture = { sequenceLength: 20, inputWidth: 1, units: [32, 16] };

describe("LSTM weights", () => {
  it("lists Keras's arrays in order with their shapes", () => {
    expect(lstmWeightShapes(arch)).toEqual([
      { name: "lstm_0/kernel", shape: [1, 128] },
      { name: "lstm_0/recurrent_kernel", shape: [32, 128] },
      { name: "lstm_0/bias", shape: [128] },
      { name: "lstm_1/kernel", shape: [32, 64] },
      { name: "lstm_1/recurrent_kernel", shape: [16, 64] },
      { name: "lstm_1/bias", shape: [64] },
      { name: "forecast/kernel", shape: [16, 1] },
      { name: "forecast/bias", shape: [1] },
    ]);
  });

  it("draws Glorot-uniform kernels and zero biases with the forget gate's at one, reproducibly", () => {
    const w = initialLstmWeights(arch, 7);
    checkLstmWeights(arch, w);
    expect(initialLstmWeights(arch, 7)).toEqual(w);
    expect(initialLstmWeights(arch, 8)[0]!.values).not.toEqual(w[0]!.values);
    for (const k of [0, 1, 3, 4, 6]) {
      const [fanIn, fanOut] = w[k]!.shape as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const v = w[k]!.values;
      expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(limit);
      // U(±limit) has variance limit² / 3
      const variance = v.reduce((s, x) => s + x * x, 0) / v.length;
      if (v.length > 100) expect(variance / (limit * limit / 3)).toBeGreaterThan(0.8);
      if (v.length > 100) expect(variance / (limit * limit / 3)).toBeLessThan(1.2);
    }
    expect([...w[2]!.values]).toEqual([...Array(32).fill(0), ...Array(32).fill(1), ...Array(64).fill(0)]);
    expect([...w[5]!.values]).toEqual([...Array(16).fill(0), ...Array(16).fill(1), ...Array(32).fill(0)]);
    expect([...w[7]!.values]).toEqual([0]);
    expect(() => initialLstmWeights(arch, 0.5)).toThrowError(InputError);
  });

  it("names the array that does not fit", () => {
    const w = initialLstmWeights(arch, 1);
    expect(() => checkLstmWeights(arch, w.slice(0, 7))).toThrowError(DataError);
    const wrong = w.map((x, i) => (i === 4 ? { ...x, shape: [64, 16] } : x));
    expect(() => checkLstmWeights(arch, wrong)).toThrowError(/array 4 \(lstm_1\/recurrent_kernel\) has shape 64×16/);
  });
});
