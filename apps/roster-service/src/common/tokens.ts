/** The roster settings from the environment (`RosterSettings`). */
export const ROSTER_SETTINGS = Symbol('ROSTER_SETTINGS');
