import { forbidden } from '@vigil/api-core';
import type { Role } from '@vigil/contracts';

/** Prosecutors lead the proceedings: they appoint examinations, name those responsible, adopt measures. */
export function leadsProceedings(caller: { role: Role }): boolean {
  return caller.role === 'prosecutor' || caller.role === 'chief_prosecutor';
}

export function assertLeadsProceedings(caller: { role: Role }): void {
  if (!leadsProceedings(caller)) throw forbidden('Only prosecutors may do this');
}
