// Uploading a workbook with progress: fetch cannot report upload progress, XMLHttpRequest can.
import { ApiError, headersFor } from './client';
import type { Workbook } from './types';

export interface Upload {
  promise: Promise<Workbook>;
  abort: () => void;
}

export function uploadWorkbook(file: File, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Workbook>((resolve, reject) => {
    xhr.open('POST', '/api/v1/workbooks');
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(headersFor('POST', false))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { title?: string; detail?: string } & Partial<Workbook> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as Workbook);
      } else {
        reject(new ApiError(xhr.status, body.title ?? 'Upload failed', body.detail ?? `the server answered ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'the upload did not reach the server'));
    xhr.onabort = () => reject(new ApiError(0, 'Cancelled', 'the upload was cancelled'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
