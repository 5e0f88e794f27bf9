// Reading an upload (multipart/form-data) into memory within limits: its fields and files, for the article upload.
import busboy from 'busboy';
import type { Request } from 'express';

/** One uploaded file: the name the browser gave (a relative path when a folder was chosen) and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** The fields and files of an upload. */
export interface Upload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** Limits of one upload: a zip of a few hundred articles, or one article's files. */
export const UPLOAD_LIMITS = { totalBytes: 32 * 1024 * 1024, files: 200, fields: 20, fieldBytes: 4096 };

/** An upload that breaks a limit (413) or is not a multipart form (400). */
export class UploadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Reads the request's multipart body; refuses (UploadError) past the limits instead of reading on. */
export function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fileSize: UPLOAD_LIMITS.totalBytes,
          files: UPLOAD_LIMITS.files,
          fields: UPLOAD_LIMITS.fields,
          fieldSize: UPLOAD_LIMITS.fieldBytes,
        },
      });
    } catch (error) {
      reject(new UploadError(400, `not a multipart form: ${(error as Error).message}`));
      return;
    }
    const upload: Upload = { fields: {}, files: [] };
    let total = 0;
    let failed = false;
    const fail = (error: UploadError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    const tooLarge = () => new UploadError(413, `the upload is over ${UPLOAD_LIMITS.totalBytes / 1024 / 1024} MiB`);
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new UploadError(413, `the field ${name} is too long`));
      else upload.fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > UPLOAD_LIMITS.totalBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => {
        // A file input left empty still sends a part with no name.
        if (info.filename) upload.files.push({ name: info.filename, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => fail(new UploadError(413, `more than ${UPLOAD_LIMITS.files} files`)));
    parser.on('fieldsLimit', () => fail(new UploadError(413, `more than ${UPLOAD_LIMITS.fields} fields`)));
    parser.on('error', (error: Error) => fail(new UploadError(400, `the upload is malformed: ${error.message}`)));
    parser.on('close', () => {
      if (!failed) resolve(upload);
    });
    req.pipe(parser);
  });
}
