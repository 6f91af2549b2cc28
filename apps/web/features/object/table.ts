// Cell looks shared by the object pages' tables.
export const th = 'px-4 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
export const td = 'px-4 py-2 align-top';
