export function Skeleton({ height, label = 'Loading' }: { readonly height: number; readonly label?: string }) {
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}…</span>
      <div className="skeleton-bar" style={{ width: '72%' }} />
      <div className="skeleton-bar" style={{ width: '55%' }} />
      <div className="skeleton-bar" style={{ width: '86%' }} />
      <div className="skeleton-bar" style={{ width: '40%' }} />
    </div>
  );
}
