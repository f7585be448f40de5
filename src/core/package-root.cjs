"use strict";
// The folder of allocation-workbook's package.json, for files shipped with the
// library (SQL queries, data). A CommonJS file on purpose: `import.meta` is not
// available when tslab compiles src/ to CommonJS, while `__dirname` here is
// correct under tslab, tsx, vitest and plain Node.
const path = require("node:path");
exports.packageRoot = path.resolve(__dirname, "..", "..");
