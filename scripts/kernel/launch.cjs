// probe
const path = require("node:path");
const fs = require("node:fs");
const root = path.resolve(__dirname, "..", "..");
process.chdir(process.env.WORKBOOK_ROOT || root);
const { startKernel } = require(require.resolve("tslab/dist/main.js", { paths: [root] }));
const cfg = process.argv[2];
startKernel({ configPath: cfg, enableFindLocal: false });
