/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides, shaped like
 * @types/custom-functions-runtime, so the functions can be tested under Node.
 */
class CustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const g = globalThis as unknown as { CustomFunctions: unknown };
g.CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
    invalidName: '#NAME?',
    invalidReference: '#REF!',
  },
  associate: () => undefined,
};
