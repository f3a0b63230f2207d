import type * as z from 'zod/mini';

/** The parts of a zod/mini schema's definition that say what it accepts (zod's own `_zod.def`). */
interface Def {
  type: string;
  format?: string;
  checks?: readonly { _zod: { def: { check: string } } }[];
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  element?: Node;
  options?: readonly Node[];
  in?: Node;
  keyType?: Node;
  valueType?: Node;
  items?: readonly Node[];
  rest?: Node | null;
  left?: Node;
  right?: Node;
}
interface Node {
  _zod: { def: Def };
}

/**
 * Every place in `schema` where a string of any length is accepted, as dotted paths (`*` for any array item
 * or record value). A string is bounded by a `maxLength` check or by a format (uuid, ISO date...). Rule S43:
 * every text that crosses the wire has a limit, so the input schemas must answer [] here (tests walk them).
 */
export function unboundedStrings(schema: z.ZodMiniType): string[] {
  const out: string[] = [];
  const seen = new Set<Node>();
  const walk = (n: Node | null | undefined, path: string) => {
    if (!n || seen.has(n)) return;
    seen.add(n);
    const d = n._zod.def;
    switch (d.type) {
      case 'string':
        if (!d.format && !(d.checks ?? []).some((c) => c._zod.def.check === 'max_length' || c._zod.def.check === 'length_equals'))
          out.push(path || '(input)');
        break;
      case 'object':
        for (const [k, v] of Object.entries(d.shape ?? {})) walk(v, path ? `${path}.${k}` : k);
        walk(d.catchall, path ? `${path}.*` : '*');
        break;
      case 'array':
        walk(d.element, path ? `${path}.*` : '*');
        break;
      case 'record':
        walk(d.keyType, path ? `${path}.(key)` : '(key)');
        walk(d.valueType, path ? `${path}.*` : '*');
        break;
      case 'tuple':
        for (const [i, v] of (d.items ?? []).entries()) walk(v, path ? `${path}.${i}` : String(i));
        walk(d.rest, path ? `${path}.*` : '*');
        break;
      case 'union':
        for (const o of d.options ?? []) walk(o, path);
        break;
      case 'intersection':
        walk(d.left, path);
        walk(d.right, path);
        break;
      case 'pipe':
        walk(d.in, path);
        break;
      default:
        walk(d.innerType, path);
    }
    seen.delete(n);
  };
  walk(schema as unknown as Node, '');
  return out;
}

/**
 * The field paths of an input schema, down to `maxDepth` (array items as index 0; every option of a union), so
 * a test can put a hostile value in each field in turn. `[]` is the input itself.
 */
export function inputPaths(schema: z.ZodMiniType, maxDepth = 3): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const walk = (n: Node | null | undefined, path: (string | number)[]) => {
    if (!n || path.length >= maxDepth) return;
    const d = n._zod.def;
    if (d.type === 'object')
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        out.push([...path, k]);
        walk(v, [...path, k]);
      }
    else if (d.type === 'array') {
      out.push([...path, 0]);
      walk(d.element, [...path, 0]);
    } else if (d.type === 'union') for (const o of d.options ?? []) walk(o, path);
    else if (d.type === 'pipe') walk(d.in, path);
    else walk(d.innerType, path);
  };
  walk(schema as unknown as Node, []);
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
