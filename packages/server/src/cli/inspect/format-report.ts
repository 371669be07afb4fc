/**
 * `--pretty` output: indented like `JSON.stringify(…, null, 2)`, except that a value holding no
 * object (a record with its fields, a frame, an issue) stays on one line — one record per line reads
 * like the capture, where fully indented fields would take a screen per record.
 */
export function formatJson(value: unknown, pretty: boolean): string {
  return pretty ? prettyValue(value, 0) : JSON.stringify(value);
}

function prettyValue(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object' || !holdsObject(value)) {
    return JSON.stringify(value);
  }
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => inner + prettyValue(item, depth + 1));
    return `[\n${items.join(',\n')}\n${outer}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${prettyValue(item, depth + 1)}`);
  return `{\n${lines.join(',\n')}\n${outer}}`;
}

/** True when a plain object (not an array) sits anywhere inside `value`. */
function holdsObject(value: object): boolean {
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some(
    (child) => child !== null && typeof child === 'object' && (!Array.isArray(child) || holdsObject(child))
  );
}
