/**
 * JSON safe to place inside a `<script>` element: `<`, `>` and `&` are written as `\u003c`, `\u003e`
 * and `\u0026`, so data such as `"</script>"` cannot end the element. The text still parses as the same JSON.
 *
 * @example
 * ```ts
 * scriptJson({ title: "</script>" }); // => '{"title":"\\u003c/script\\u003e"}'
 * ```
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
