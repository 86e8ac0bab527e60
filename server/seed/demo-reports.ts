// Demo figures, so a first look at the system shows reports in every state: filled in by the demo
// communes for recent periods, some submitted, some approved, through the same services users call.
import type { AppDeps } from '../env';

export async function seedDemoReports(_deps: AppDeps): Promise<void> {
  // Filled in once the templates land (see seedDemoReports in the closing note).
}
