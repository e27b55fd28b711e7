import { Link } from 'react-router-dom';

export default function NotFoundRoute() {
  return (
    <div className="page">
      <h1 className="page-title">Page not found</h1>
      <p>
        <Link to="/">Back to the funnel</Link>
      </p>
    </div>
  );
}
