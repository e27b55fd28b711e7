// The agreement: what sales and marketing signed, rendered from the build.
import { AgreementPage } from '../../features/agreement/components/agreement-page';

export default function AgreementRoute() {
  return (
    <div className="page" data-testid="page-agreement">
      <h1 className="page-title">Agreement</h1>
      <p className="page-intro">What sales and marketing signed in agreement.yml, exactly as this build applied it. Change it in a pull request, then rebuild.</p>
      <AgreementPage />
    </div>
  );
}
