// `npm run workbook`: execute the notebooks headless and build the report (= `npx workbook run`).
import { main } from "../src/cli/main";

process.exitCode = await main(["run", ...process.argv.slice(2)]);
