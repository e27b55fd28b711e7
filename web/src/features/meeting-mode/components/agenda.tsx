// The meeting's agenda slide, following the seeds' review: results, metrics, SLA compliance,
// lead-quality feedback.
export interface AgendaItem {
  readonly title: string;
  readonly detail: string;
}

export function Agenda({ items }: { readonly items: readonly AgendaItem[] }) {
  return (
    <ol className="agenda" data-testid="meeting-agenda">
      {items.map((item, i) => (
        <li key={item.title}>
          <span className="agenda-number">{i + 1}</span>
          <span>
            {item.title}
            <br />
            <span className="agenda-detail">{item.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
