// The app's mark (the same drawing as app/icon.svg): a shield with a check, the
// monitor's "was it kept?". Decorative next to the name.
export function AppMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M16 6.5 8.5 9.5v6c0 4.6 3.2 8.6 7.5 10 4.3-1.4 7.5-5.4 7.5-10v-6Z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
      <path d="m12.5 16 2.5 2.5 4.5-5" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
