import { formatDay } from '@/ui/format';
import { Spinner } from '@/ui/screen';
import { ScrollTable } from './scroll-table';
import { useAnalytics, useCycle, useTemplate } from './use-cycles';

/** Rating distribution per question, side and department; completion over time. */
export function CycleAnalytics({ cycleId }: { cycleId: string }) {
  const a = useAnalytics(cycleId);
  const cycle = useCycle(cycleId);
  const template = useTemplate(cycle.data?.templateId ?? null);
  if (a.isPending) return <Spinner label="Loading analytics" />;
  if (!a.data) return null;
  const prompts = new Map<string, string>();
  for (const s of template.data?.sections ?? []) if (s.kind === 'questions') for (const q of s.questions) prompts.set(q.id, q.prompt);
  const groups = new Map<string, { question: string; side: string; department: string; counts: Map<number, number>; total: number }>();
  for (const r of a.data.ratings) {
    const key = `${r.questionId}|${r.side}|${r.department}`;
    const g = groups.get(key) ?? {
      question: prompts.get(r.questionId) ?? r.questionId,
      side: r.side,
      department: r.department,
      counts: new Map(),
      total: 0,
    };
    g.counts.set(r.rating, r.count);
    g.total += r.count;
    groups.set(key, g);
  }
  return (
    <section aria-labelledby="analytics-title">
      <h2 className="section-title" id="analytics-title">
        Ratings and progress
      </h2>
      {groups.size === 0 ? (
        <p className="muted">No ratings yet.</p>
      ) : (
        <ScrollTable label="Rating distribution">
          <table className="table">
            <caption>Rating distribution per question and department</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">By</th>
                <th scope="col">Department</th>
                <th scope="col">Ratings (value × count)</th>
                <th scope="col">Average</th>
              </tr>
            </thead>
            <tbody>
              {[...groups.entries()].map(([key, g]) => {
                const sum = [...g.counts].reduce((s, [v, n]) => s + v * n, 0);
                return (
                  <tr key={key}>
                    <th scope="row">{g.question}</th>
                    <td>{g.side === 'self' ? 'Employee' : 'Manager'}</td>
                    <td>{g.department || '—'}</td>
                    <td>
                      {[...g.counts]
                        .sort((x, y) => x[0] - y[0])
                        .map(([v, n]) => `${v} × ${n}`)
                        .join(', ')}
                    </td>
                    <td>{(sum / g.total).toFixed(1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {a.data.overTime.length > 0 && (
        <ScrollTable label="Completion over time">
          <table className="table">
            <caption>Completion over time (cumulative)</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Self-reviews in</th>
                <th scope="col">Signed off</th>
              </tr>
            </thead>
            <tbody>
              {a.data.overTime.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDay(d.day)}</th>
                  <td>{d.selfSubmitted}</td>
                  <td>{d.signedOff}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
