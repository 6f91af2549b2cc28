// Tailwind 4 through PostCSS; its configuration lives in app/globals.css.
export default { plugins: { '@tailwindcss/postcss': {} } };
