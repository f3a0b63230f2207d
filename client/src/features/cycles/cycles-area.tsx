import { matchPath } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { AuditLog } from './audit-log';
import { CycleDashboard } from './cycle-dashboard';
import { CyclesHome } from './cycles-home';
import { NewCycle } from './new-cycle';
import { ReviewPrint } from './review-print';
import { TemplateBuilder } from './template-builder';
import { useTemplate } from './use-cycles';

function EditTemplate({ id }: { id: string }) {
  const t = useTemplate(id);
  if (t.isPending) return <Spinner label="Loading the template" />;
  if (t.error) return <EmptyState title="Could not load this template" />;
  return <TemplateBuilder key={t.data.id} initial={{ ...t.data }} />;
}

const NEW_TEMPLATE = { id: null, name: '', description: '', sections: [], frozen: false };

/** HR's review-cycle screens, one lazily loaded chunk under /cycles. */
export default function CyclesArea({ path }: { path: string }) {
  if (path === '/cycles/new') return <NewCycle />;
  if (path === '/cycles/audit') return <AuditLog initialCycle={new URLSearchParams(window.location.search).get('cycle') ?? ''} />;
  if (path === '/cycles/templates/new') return <TemplateBuilder initial={NEW_TEMPLATE} />;
  const t = matchPath('/cycles/templates/:id', path);
  if (t?.id) return <EditTemplate id={t.id} />;
  const r = matchPath('/cycles/:id/reviews/:reviewId', path);
  if (r?.reviewId) return <ReviewPrint reviewId={r.reviewId} />;
  const c = matchPath('/cycles/:id', path);
  if (c?.id) return <CycleDashboard key={c.id} cycleId={c.id} />;
  return <CyclesHome />;
}
