/** Audience Relay's mark: data handed from one point to the next. Decorative: the name is text. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg class="ar-brand-mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--ar-accent)" />
      <circle cx="10" cy="16" r="3.5" fill="#fff" />
      <path d="M14 16h5" stroke="#fff" stroke-width="2.5" stroke-linecap="round" />
      <circle cx="22.5" cy="16" r="3.5" fill="none" stroke="#fff" stroke-width="2.5" />
    </svg>
  );
}
