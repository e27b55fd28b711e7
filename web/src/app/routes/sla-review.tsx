export default function Route() {
  return <div className="page"><h1 className="page-title">sla-review</h1></div>;
}
