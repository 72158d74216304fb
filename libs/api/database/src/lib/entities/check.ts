/** The SQL of a CHECK that a text column holds one of a contract's values. */
export const oneOfCheck = (column: string, values: readonly string[]) => `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;
