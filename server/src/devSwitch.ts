// Details a server shows only in development: `if (process.env.NODE_ENV === 'development')`,
// `isDev ? err.stack : undefined`, `traceback.format_exc() if settings.DEBUG else '...'`. Error
// details behind such a switch are shown on purpose and never reach production clients.

/** A condition that names a development or debug switch. */
export const DEV_SWITCH = /\b(dev|development|debug|isDev\w*|isDebug\w*|DEBUG|NODE_ENV|local)\b|\.development\?|DebugMode/i;

const PRODUCTION = /\b(production|prod|isProd\w*|IS_PROD\w*)\b/i;
const NOT_EQUAL = /!==?/;
const NEGATED = /^\s*(!|not\s)/;

/**
 * For a conditional value (`cond ? a : b`, `a if cond else b`) whose condition names a
 * development switch: true when the branch chosen while the condition holds (`a`) is the
 * development one, false when it is the other; undefined when the condition names no switch.
 */
export function devBranchIsFirst(condition: string): boolean | undefined {
  if (!DEV_SWITCH.test(condition) && !PRODUCTION.test(condition)) return undefined;
  // `NODE_ENV === 'production' ? undefined : err.stack`: the first branch is production's.
  if (PRODUCTION.test(condition)) return NOT_EQUAL.test(condition) !== NEGATED.test(condition);
  // `isDev ? ...`, `NODE_ENV === 'development' ? ...`, and their negations.
  return NOT_EQUAL.test(condition) === NEGATED.test(condition);
}

/**
 * The branch production takes of a conditional value (the only one worth looking into for a
 * leak) when its condition names a development switch; undefined when it names none.
 */
export function productionBranch<T>(condition: string, first: T, second: T): { branch: T } | undefined {
  const devFirst = devBranchIsFirst(condition);
  return devFirst === undefined ? undefined : { branch: devFirst ? second : first };
}
