// "The model does not compile": shown above every page as soon as the server reports it, with
// each problem's file, line and member, instead of skeletons followed by Cube's bare error.
// When the model compiles again, every query is fetched afresh.
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useModelStatus } from '../api/get-model-status';
import { problemLocation } from '../../../../../shared/model-status';

export function ModelStatusBanner() {
  const { data } = useModelStatus();
  const queryClient = useQueryClient();
  const wasBroken = useRef(false);

  useEffect(() => {
    if (!data) return;
    if (wasBroken.current && data.ok) void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'closedloop' });
    wasBroken.current = !data.ok;
  }, [data, queryClient]);

  if (!data || data.ok) return null;
  return (
    <section className="model-status-banner" role="alert" data-testid="model-status-banner">
      <h2 className="model-status-title">The model in {data.modelPath} does not compile</h2>
      <p className="model-status-hint">Charts cannot load until it is fixed. Save the file and this page picks it up; no restart needed.</p>
      <ul className="model-status-problems">
        {data.problems.map((problem) => (
          <li key={`${problemLocation(problem)} ${problem.message}`}>
            <code className="model-status-where">{problemLocation(problem)}</code>
            {problem.member ? <> <strong>{problem.member}</strong></> : null}: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
