import { createHash } from 'node:crypto';

/** The sha Git gives a blob with this UTF-8 content: lets the writer spot a no-op change before any write. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
