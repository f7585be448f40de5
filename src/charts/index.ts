export * from "./figure";
export { barChart, type BarChartOptions } from "./bar-chart";
export { lineChart, tableLineChart, type LineChartOptions, type LineSeries } from "./line-chart";
export { heatmap } from "./heatmap";
export { show, figureHtml, figureBundle, PLOTLY_MIME } from "./show";
export { showTable, tableHtml, tableText, formatValue, type TableValue, type TableOptions, type ColumnFormat } from "./table";
export { displayBundle } from "./display";
export { coverageChart } from "./coverage-chart";
export { showMarkdown, showCode } from "./show-markdown";
