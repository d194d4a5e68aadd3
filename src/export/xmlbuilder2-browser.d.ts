// xmlbuilder2's self-contained bundle (lib/xmlbuilder2.min.js) has the package's API but no
// types of its own. It is imported instead of the package main, whose DOM dependency
// requires Node's "url" module, so that the exports also bundle for browsers.
declare module "xmlbuilder2/lib/xmlbuilder2.min.js" {
  import type * as xmlbuilder2 from "xmlbuilder2";
  const bundle: typeof xmlbuilder2;
  export default bundle;
}
