/**
 * Marks an input as required without Mantine's asterisk element: the `*` is drawn by CSS
 * (app.css, label[data-required]::after), so the label's text stays exactly the field name for
 * assistive technology and for label lookups in browser tests.
 */
export const requiredField = {
  labelProps: { 'data-required': true },
  'aria-required': true,
} as const;
