// The attribution model, kept in the URL (`?model=`) so a link reproduces the view.
import { MODELS, type ModelId } from '../api/members';

export function ModelSwitcher({ model, onChange }: { readonly model: ModelId; readonly onChange: (model: ModelId) => void }) {
  return (
    <label className="model-switcher">
      <span>Attribution model</span>{' '}
      <select data-testid="model-switcher" value={model} onChange={(e) => onChange(e.target.value as ModelId)}>
        {MODELS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}
