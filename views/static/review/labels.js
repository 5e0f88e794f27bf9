// Labels, not ids: category names read from the panel's category list (the server builds it from the taxonomy).
const options = [...document.querySelectorAll('#category option')].filter((option) => option.value !== '');
const names = new Map(options.map((option) => [option.value, option.textContent.trim()]));

/** Every category: id, label and the dimension it belongs to, in the taxonomy's order. */
export const categories = options.map((option) => ({
  id: option.value,
  label: option.textContent.trim(),
  dimension: option.parentElement.label ?? '',
}));

/** A category's label ("Link residue"); an unknown id as it is. */
export const categoryLabel = (id) => names.get(id) ?? id;

/** A verdict's labels as one phrase: "Link residue, major". */
export const verdictLabel = (verdict) =>
  [verdict.category && categoryLabel(verdict.category), verdict.severity].filter(Boolean).join(', ');
