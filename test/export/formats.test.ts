// Tests for the export registry: every format listed once, rendering through one resolution.
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/export/csv.ts';
import { exportFormats, findExportFormat } from '../../src/export/formats.ts';
import { renderJson } from '../../src/export/json.ts';
import { renderMd } from '../../src/export/md.ts';
import { renderMqm } from '../../src/export/mqm.ts';
import { renderTxt } from '../../src/export/txt.ts';
import { renderXliff } from '../../src/export/xliff.ts';
import { nastyReview } from './fixtures.ts';

describe('exportFormats', () => {
  it('lists txt, md, json, xliff, csv and mqm once each, with a media type and an extension', () => {
    expect(exportFormats.map((format) => format.id)).toEqual(['txt', 'md', 'json', 'xliff', 'csv', 'mqm']);
    for (const format of exportFormats) {
      expect(format.mediaType).toMatch(/^[a-z]+\/[a-z+.-]+/);
      expect(format.extension).not.toMatch(/^\./);
      expect(format.label.length).toBeGreaterThan(0);
    }
  });

  it('renders what the format functions render, with the decision counts beside the body', () => {
    const review = nastyReview(true);
    const options = { policy: 'keep-mt' as const };
    const direct: Record<string, string> = {
      txt: renderTxt(review, options).body,
      md: renderMd(review, options),
      json: renderJson(review, options),
      xliff: renderXliff(review, options),
      csv: renderCsv(review, options),
      mqm: renderMqm(review, options),
    };
    for (const format of exportFormats) {
      const out = format.render(review, options);
      expect(out.body).toBe(direct[format.id]);
      expect(out.counts.undecided).toBe(1);
    }
  });

  it('finds a format by id and nothing for an unknown one', () => {
    expect(findExportFormat('xliff')?.extension).toBe('xlf');
    expect(findExportFormat('docx')).toBeUndefined();
  });
});
