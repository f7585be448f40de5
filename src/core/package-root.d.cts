/** Absolute path of the folder holding allocation-workbook's package.json. */
export declare const packageRoot: string;
