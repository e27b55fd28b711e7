export default function Route() {
  return <div className="page"><h1 className="page-title">velocity-leakage</h1></div>;
}
