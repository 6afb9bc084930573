// How long a session lasts, from sign-in (not from its last use): read by
// next-auth's options and by the check of every request, which must not
// import next-auth's options.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
