/** The tool's name and version as reports print them (kept equal to package.json by a test). */
export const TOOL_NAME = 'budget-check';
export const TOOL_VERSION = '0.1.0';
