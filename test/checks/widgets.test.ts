// Tests for the page-widget, heading and caption checks: must fire on the page's leftovers, never on prose.
import { describe, expect, it } from 'vitest';
import { photoCaption } from '../../src/checks/captions.ts';
import { shareButton } from '../../src/checks/furniture.ts';
import { dropCap, repeatedHeading } from '../../src/checks/headings.ts';
import { audioPlayer, authorBox, teaser } from '../../src/checks/widgets.ts';
import { applyFindings, spans } from './helpers.ts';

describe('teaser', () => {
  it('deletes teaser lines and gallery links, on their own line or glued to a sentence', () => {
    const text = 'The mayor spoke.\n\nAlso read: Why the bridge stays closed\n\nShe left. View photo gallery\n\nEnd.';
    expect(applyFindings(text, teaser.run(text))).toBe('The mayor spoke.\n\nShe left.\n\nEnd.');
    expect(spans(teaser, 'A.\n\n>> Read also: Prices rise again\n\nB.')).toHaveLength(1);
    expect(spans(teaser, 'A.\n\nMore on the topic: Storm hits coast\n\nB.')).toHaveLength(1);
    expect(spans(teaser, 'A.\n\nTo the photo gallery\n\nB.')).toHaveLength(1);
  });
  it('leaves sentences that mention reading or galleries alone', () => {
    expect(spans(teaser, 'Also read the small print, the lawyer advised.')).toEqual([]);
    expect(spans(teaser, 'The museum opened a new photo gallery in May.')).toEqual([]);
    expect(spans(teaser, 'Visitors can view the photo gallery until June.')).toEqual([]);
  });
});

describe('audio-player', () => {
  it('deletes the player label and its note', () => {
    const text = 'By Anna\n\nListen to article\n\nThis audio version was generated artificially.\n\nThe text.';
    expect(applyFindings(text, audioPlayer.run(text))).toBe('By Anna\n\nThe text.');
    expect(spans(audioPlayer, 'A.\n\nRead article aloud\n\nB.')).toHaveLength(1);
  });
  it('leaves prose about listening alone', () => {
    expect(spans(audioPlayer, 'Listen to the article’s critics and you hear anger.')).toEqual([]);
  });
});

describe('author-box', () => {
  it('deletes an author box pasted into the body', () => {
    const text = 'The end.\n\nJana Krüger Editor for Cologne and the region, writes about crime.';
    expect(applyFindings(text, authorBox.run(text))).toBe('The end.');
    expect(spans(authorBox, 'Text.\n\nAbout the author\n\nMore text.')).toHaveLength(1);
  });
  it('leaves sentences about editors alone', () => {
    expect(spans(authorBox, 'The editor of the paper, Jana Krüger, resigned on Monday.')).toEqual([]);
    expect(spans(authorBox, 'Monika Schnitzer, who chairs the council, said growth would be weak.')).toEqual([]);
  });
});

describe('share-button', () => {
  it('deletes a row of buttons on one line', () => {
    expect(spans(shareButton, 'By Anna\n\nPrint Share\n\nText.')).toHaveLength(1);
    expect(spans(shareButton, 'By Anna\n\nPress Split\n\nText.')).toHaveLength(1);
    expect(spans(shareButton, 'By Anna\n\nComments Share Print\n\nText.')).toHaveLength(1);
  });
  it('leaves short prose lines alone', () => {
    expect(spans(shareButton, 'By Anna\n\nPress freedom\n\nShare prices fell.')).toEqual([]);
  });
});

describe('repeated-heading', () => {
  it('deletes the second copy of a heading, on two lines or twice on one', () => {
    const text = 'Home\n\nStorm in the north\n\nStorm in the north\n\nText.';
    expect(applyFindings(text, repeatedHeading.run(text))).toBe('Home\n\nStorm in the north\n\nText.');
    const inline = 'Trial in Münster: Nurse stands trial Trial in Münster: Nurse stands trial\n\nText.';
    expect(applyFindings(inline, repeatedHeading.run(inline))).toBe('Trial in Münster: Nurse stands trial\n\nText.');
  });
  it('leaves repeated words and distant repeated paragraphs alone', () => {
    expect(spans(repeatedHeading, 'Yes yes, he said, build build build.\n\nText.')).toEqual([]);
    const far = ['Intro.', ...Array.from({ length: 14 }, (_, i) => `Para ${i}.`), 'Intro.'].join('\n\n');
    expect(spans(repeatedHeading, far)).toEqual([]);
  });
});

describe('drop-cap', () => {
  it('deletes the extra capital at a paragraph start or after the dateline', () => {
    expect(applyFindings('TThe minister spoke.', dropCap.run('TThe minister spoke.'))).toBe('The minister spoke.');
    expect(spans(dropCap, 'Berlin – LLast week the minister spoke.')).toEqual(['LLast']);
    expect(dropCap.run('EOne of the oddities is this.')[0]?.suggestion).toBe('One');
  });
  it('leaves acronyms, names and words inside sentences alone', () => {
    expect(spans(dropCap, 'NATO met. The USA agreed. OPEC cut output.')).toEqual([]);
    expect(spans(dropCap, 'McDonald opened. He said TThe is odd.')).toEqual([]);
  });
});

describe('photo-caption', () => {
  it('marks a caption paragraph for review, without a fix', () => {
    const [found] = photoCaption.run('Text.\n\nThe mayor (r.) at the opening. © Jane Doe/dpa\n\nMore.');
    expect(found?.text).toBe('The mayor (r.) at the opening. © Jane Doe/dpa');
    expect(found?.suggestion).toBeNull();
    expect(spans(photoCaption, 'Text.\n\nThe mayor (l.) and her deputy in Kassel.\n\nMore.')).toHaveLength(1);
  });
  it('deletes a credit glued before prose', () => {
    const text = 'Lead. © Kay Nietfeld/dpa After weeks of talks the deal was done.';
    expect(applyFindings(text, photoCaption.run(text))).toBe('Lead. After weeks of talks the deal was done.');
  });
  it('leaves prose without credits alone', () => {
    expect(spans(photoCaption, 'The photo was taken in 2019 (left to right: the two ministers).')).toEqual([]);
    expect(spans(photoCaption, 'Copyright law changed in 2021, the ministry said.')).toEqual([]);
  });
});
