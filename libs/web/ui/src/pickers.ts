// The date and time pickers, apart from the rest of web-ui: only the lazily loaded form pages
// import them, so Material's calendar and time list never weigh on the sign-in page.
export * from './lib/language-date-adapter';
export * from './lib/date-time-field';
