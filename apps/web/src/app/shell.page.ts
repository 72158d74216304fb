// The signed-in frame (and its socket) loads after signing in, not with the sign-in page.
export { Shell } from '@vigil/web-shell';
