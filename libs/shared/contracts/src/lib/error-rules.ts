/**
 * Every rule an error detail may name (`ErrorDetail.rule`), each with the params its wording needs
 * (`ErrorDetail.params`). The server's English `message` stays for logs and old clients; a client
 * says the rule in its own language from the key and the params. A key, once sent, never changes
 * its meaning: add a new one instead.
 */
export const ERROR_RULES = {
  // Shape of a value
  required: [],
  unknown_field: [],
  string: [],
  integer: [],
  number: [],
  boolean: [],
  object: [],
  array: [],
  email: [],
  uuid: [],
  iso_date: [],
  one_of: ['values'],
  min: ['min'],
  max: ['max'],
  min_length: ['min'],
  max_length: ['max'],
  min_items: ['min'],
  max_items: ['max'],
  not_blank: [],
  unstorable_text: [],
  too_deep: ['max'],
  // Times
  date_window: [],
  date_window_past: [],
  not_future: [],
  not_before: ['other'],
  // The request itself
  json: [],
  json_object: [],
  content_type: [],
  content_encoding: [],
  body_too_large: ['max'],
  other_site: [],
  unknown_event: [],
  cursor: [],
  exclusive: ['other'],
  // References to other records
  unknown_agency: [],
  inactive_agency: [],
  unknown_unit: [],
  unknown_place: [],
  needs_agency: [],
  active_prosecutor: [],
  agency_account: [],
  taken: [],
  // Accounts and roles
  account_disabled: [],
  awaits_approval: [],
  no_role: [],
  admin_not_member: [],
  role_agency: ['role', 'kind'],
  on_duty_prosecutor: [],
  own_account: [],
  own_proposal: [],
  own_grant: [],
  grant_decided: ['status'],
  // Rights in a case
  role_not_allowed: [],
  no_case_access: [],
  tier_above_clearance: ['tier'],
  assignee_clearance: [],
  author_only: [],
  assignee_only: [],
  prosecutor_only: [],
  addressee_only: [],
  implicated_unit: [],
  victim_identity: ['tier'],
  // The course of a case
  status_transition: ['from', 'to'],
  status_via_visit: ['to'],
  reason_required: ['to'],
  case_status: ['status'],
  arrival_first: [],
  closed: ['status'],
  recorded_already: [],
  redacted: [],
  superseded: [],
  stored_file: [],
  result_required: [],
  conclusion_required: [],
  confirm_no_officer: [],
  consent_required: [],
  // Evidence files
  file_type: ['allowed'],
  file_empty: [],
  file_too_large: ['max'],
  file_unreadable: [],
  // Meetings
  unknown_participant: [],
  unknown_case: [],
  case_or_topic: [],
  agenda_incomplete: ['count'],
  tier_below_item: ['tier'],
  assignee_not_of_agency: [],
  assignee_below_tier: ['tier'],
  agenda_closed: [],
  meeting_not_planned: [],
  meeting_not_in_session: [],
  meeting_not_adjourned: [],
  minutes_already_approved: [],
  ack_other_agency: [],
  ack_twice: [],
  speaker_already_listed: [],
  speaker_started: [],
  speaker_ended: [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorRule = keyof typeof ERROR_RULES;

/** The params a rule's wording needs, by name. */
export type RuleParams<R extends ErrorRule> = { [P in (typeof ERROR_RULES)[R][number]]: string | number };

export const isErrorRule = (value: unknown): value is ErrorRule => typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_RULES, value);
