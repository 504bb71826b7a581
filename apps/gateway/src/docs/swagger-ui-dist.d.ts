// swagger-ui-dist ships no types; this is the one function the gateway uses.
declare module 'swagger-ui-dist' {
  /** The folder holding the package's built files (swagger-ui-bundle.js, swagger-ui.css, ...). */
  export function getAbsoluteFSPath(): string;
}
