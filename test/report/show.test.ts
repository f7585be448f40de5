import { describe, expect, it, vi } from "vitest";
import { barChart } from "../../src/report/bar-chart";
import { figureBundle, figureHtml, PLOTLY_MIME, show } from "../../src/report/show";

const fig = barChart({ title: "Weights </script>", labels: ["A", "B"], values: [0.6, 0.4] });

describe("figureBundle", () => {
  it("carries plotly JSON, HTML and a text line", () => {
    const b = figureBundle(fig);
    expect(b[PLOTLY_MIME]).toBe(fig);
    expect(b["text/plain"]).toBe("<Figure: Weights </script> (1 trace)>");
    expect(String(b["text/html"])).toContain('class="aw-plot"');
  });
  it("escapes the JSON so data cannot close the script element", () => {
    const html = figureHtml(fig, "f1");
    const json = html.slice(html.indexOf('id="f1-json">') + 13, html.indexOf("</script>"));
    expect(json).not.toContain("</");
    expect(JSON.parse(json).layout.title.text).toBe("Weights </script>");
  });
  it("says what the chart is and how to see it where scripts do not run, and clears that text when it draws", () => {
    const html = figureHtml(fig, "f2");
    const fallback = html.slice(html.indexOf('<div class="aw-plot-fallback"'), html.indexOf("</div>") + 6);
    expect(fallback).toContain("Chart <b>Weights &lt;/script&gt;</b> (1 trace) is drawn by a script");
    expect(fallback).toContain("File → Trust Notebook");
    expect(html).toContain('function draw() { el.innerHTML = ""; window.Plotly.newPlot(');
  });
  it("loads plotly from the local server, never a CDN", () => {
    const html = figureHtml(fig);
    expect(html).toContain("static/plotly.min.js");
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe("show outside a notebook", () => {
  it("prints the plain-text line", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    show(fig);
    expect(log).toHaveBeenCalledWith("<Figure: Weights </script> (1 trace)>");
    log.mockRestore();
  });
});
