/** Case logs hash with the same canonical JSON as every other hash-chained log. */
export { canonicalJson, sha256 } from '@vigil/api-core';
