export default function Route() {
  return <div className="page"><h1 className="page-title">lead-quality</h1></div>;
}
