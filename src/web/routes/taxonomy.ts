// `GET /api/taxonomy`: the error taxonomy a verdict's category and severity are checked against, with its mappings.
import { Router } from 'express';
import { categoryAliases } from '../../review/category-names.ts';
import { categories, dimensionCategory, dimensions, severities } from '../../review/taxonomy.ts';
import { wmtCategoryOf, wmtSeverityOf } from '../../review/wmt-labels.ts';

/** The taxonomy as published: built once, it is data that does not change while the server runs. */
function publishedTaxonomy() {
  return {
    dimensions: dimensions.map(({ id, label }) => ({ id, label, category: dimensionCategory(id) })),
    categories: categories.map(({ id, dimension, label, description, its }) => ({
      id,
      dimension,
      label,
      description,
      its,
      wmt: wmtCategoryOf(id),
    })),
    severities: severities.map(({ id, label, multiplier, its }) => ({
      id,
      label,
      multiplier,
      its,
      wmt: wmtSeverityOf(id),
    })),
    aliases: categoryAliases(),
    matching: 'case, hyphens, underscores and runs of white space do not matter; every name is stored as its category',
  };
}

/** The taxonomy route. */
export function taxonomyRoutes(): Router {
  const router = Router();
  const taxonomy = publishedTaxonomy();
  router.get('/api/taxonomy', (_req, res) => {
    res.json(taxonomy);
  });
  return router;
}
