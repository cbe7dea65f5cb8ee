// How an axis value is shown in folder names and results.csv: strings as they are, anything
// else as compact JSON (so `4`, `true`, `{"poisson":...}` all stay unambiguous).
export function formatAxisValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}
