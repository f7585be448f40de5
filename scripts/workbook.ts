// `npm run workbook`: execute the notebooks headless and build the report. See src/workbook/workbook-cli.ts.
import { WorkbookError } from "../src/core/errors";
import { runWorkbook } from "../src/workbook/workbook-cli";

try {
  process.exitCode = await runWorkbook(process.argv.slice(2));
} catch (e) {
  if (e instanceof WorkbookError) {
    console.error(e.message);
    process.exitCode = 2;
  } else throw e;
}
