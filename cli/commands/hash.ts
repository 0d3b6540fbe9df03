// `second-look hash IMAGE...`: the perceptual hashes of an agency's own images (badge, patch, logo,
// facility photo), as `referenceImages` entries ready to paste into a profile.
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isCategoryId, type CategoryId, type ReferenceImage } from '../../rules/engine/types';
import { imageFactsFromFile } from '../image-file';
import { UsageError, type Io } from '../io';

/** Categories a reference image may raise (profile.schema.json, $defs.referenceImage). */
const REFERENCE_CATEGORIES: CategoryId[] = ['insignia-uniform', 'facility-layout', 'offender-image', 'crime-scene-evidence', 'work-media', 'security-information'];

export const HASH_HELP = `Usage: second-look hash [--category ID] [--label TEXT] IMAGE...

Print the perceptual hashes (64-bit dHash and pHash) of an agency's own images — badge, patch, logo,
a photo of a facility — as a JSON array of "referenceImages" entries, ready to paste into a profile
(or the managed policy's referenceImageHashes). A photo a user attaches that is a copy of one of them
(resized, recompressed, brightened, captioned, slightly rotated or flipped) raises the category.
Crops, screenshots of a post and a badge inside another photo are not matched.

  --category ID   Category the images raise (default insignia-uniform). One of:
                  ${REFERENCE_CATEGORIES.join(', ')}.
  --label TEXT    Label for the entries (default: the file name without its extension; with several
                  images, "TEXT 1", "TEXT 2", …). The label is shown in findings.

Reads JPEG, PNG and GIF (WebP, AVIF and HEIC: convert to PNG first). Exit status 1 when an image
could not be hashed (it is named on stderr; the others are still printed).`;

export async function hashCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      category: { type: 'string', default: 'insignia-uniform' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(HASH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('hash needs at least one image file');
  const category = values.category;
  if (!isCategoryId(category) || !REFERENCE_CATEGORIES.includes(category)) {
    throw new UsageError(`--category must be one of ${REFERENCE_CATEGORIES.join(', ')}`);
  }
  const entries: ReferenceImage[] = [];
  let failed = 0;
  for (const [i, path] of positionals.entries()) {
    const label = values.label ? (positionals.length > 1 ? `${values.label} ${i + 1}` : values.label) : basename(path, extname(path));
    try {
      const facts = await imageFactsFromFile(path);
      if (facts.dhash && facts.phash) entries.push({ label, category, dhash: facts.dhash, phash: facts.phash });
      else {
        failed++;
        io.err(`${path}: ${facts.notes?.join('; ') || 'not hashed: no pixels could be decoded'}`);
      }
    } catch (e) {
      failed++;
      io.err(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  io.out(JSON.stringify(entries, null, 2));
  return failed > 0 ? 1 : 0;
}
