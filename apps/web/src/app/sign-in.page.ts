// The sign-in page as a chunk of its own: the first visit downloads only what signing in needs.
export { SignIn } from '@vigil/web-shell';
