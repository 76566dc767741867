// The organization's workbooks and the upload drop zone.
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import { uploadWorkbook } from '../api/upload';
import type { Workbook } from '../api/types';
import { formatBytes, formatInteger, formatTime } from '../state/format';
import { canAnalyze } from '../state/session';
import { asApiError, Confirm, Empty, ErrorBox, Link, Loading, navigate, ProgressBar, useAction, useApp, useAsync, useTitle } from './common';
import { UploadIcon } from './icons';

const ACCEPTED = /\.(xlsx|xlsm|xls)$/i;

export function WorkbooksPage() {
  useTitle('Workbooks');
  const { me } = useApp();
  const workbooks = useAsync(() => api.workbooks(), []);
  const [deleting, setDeleting] = useState<Workbook | null>(null);
  const [, run] = useAction();
  const analyst = canAnalyze(me);

  return (
    <div class="page">
      <div class="page-head">
        <div class="titles">
          <h1>Workbooks</h1>
          <div class="sub">Upload an Excel model, mark its uncertain inputs and the outputs you care about, and run it.</div>
        </div>
      </div>
      {analyst ? (
        <DropZone onUploaded={(w) => navigate(`/workbooks/${w.id}`)} />
      ) : (
        <div class="alert info">Your role ({me.organization?.role}) can look at workbooks and results; an analyst uploads and runs them.</div>
      )}
      <div class="card" style={{ marginTop: '16px' }}>
        <div class="card-head">
          <h2>Your organization's workbooks</h2>
          {workbooks.data && <span class="muted small">{workbooks.data.length} in all</span>}
        </div>
        <div class="card-body flush">
          {workbooks.error && <div class="card-body"><ErrorBox error={workbooks.error} retry={workbooks.reload} /></div>}
          {!workbooks.data && workbooks.loading && <Loading />}
          {workbooks.data && workbooks.data.length === 0 && (
            <Empty title="No workbooks yet">
              <p>Drop an .xlsx file above to start. Carlo reads its formulas and tells you what it found.</p>
            </Empty>
          )}
          {workbooks.data && workbooks.data.length > 0 && (
            <table class="data">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Sheets</th>
                  <th class="num">Formulas</th>
                  <th>Checks</th>
                  <th class="num">Size</th>
                  <th>Uploaded</th>
                  <th><span class="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {workbooks.data.map((w) => {
                  const unsupported = Object.keys(w.summary.unsupportedFunctions).length;
                  return (
                    <tr key={w.id}>
                      <td><Link href={`/workbooks/${w.id}`}>{w.name}</Link></td>
                      <td>{w.summary.sheets.length}</td>
                      <td class="num">{formatInteger(w.summary.formulaCells)}</td>
                      <td>
                        {unsupported > 0 ? (
                          <span class="badge bad">{unsupported} unsupported function{unsupported > 1 ? 's' : ''}</span>
                        ) : (
                          <span class="badge ok">all functions supported</span>
                        )}
                      </td>
                      <td class="num">{formatBytes(w.sizeBytes)}</td>
                      <td>{formatTime(w.createdAt)}</td>
                      <td class="num">
                        {analyst && (
                          <button class="small ghost" onClick={() => setDeleting(w)} aria-label={`Delete ${w.name}`}>
                            Delete
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <Confirm
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirm="Delete"
        danger
        onClose={async (ok) => {
          const w = deleting;
          setDeleting(null);
          if (ok && w) {
            await run(() => api.deleteWorkbook(w.id), `${w.name} deleted`);
            workbooks.reload();
          }
        }}
      >
        The workbook, its simulations and their results are deleted for everyone in the organization.
      </Confirm>
    </div>
  );
}

/** Drag a workbook here, or choose one; shows the upload's progress and the server's verdict. */
export function DropZone(props: { onUploaded: (w: Workbook) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [upload, setUpload] = useState<{ name: string; fraction: number; abort: () => void } | null>(null);
  const [error, setError] = useState('');

  const start = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    if (!ACCEPTED.test(file.name)) {
      setError(`${file.name} is not an Excel workbook (.xlsx, .xlsm or .xls).`);
      return;
    }
    const u = uploadWorkbook(file, (fraction) => setUpload((p) => (p ? { ...p, fraction } : p)));
    setUpload({ name: file.name, fraction: 0, abort: u.abort });
    try {
      const w = await u.promise;
      setUpload(null);
      props.onUploaded(w);
    } catch (e) {
      setUpload(null);
      setError(asApiError(e).detail);
    }
  };

  if (upload) {
    const reading = upload.fraction >= 1;
    return (
      <div class="card">
        <div class="card-body" aria-live="polite">
          <div class="row" style={{ marginBottom: '8px' }}>
            <strong style={{ flex: 1 }}>{reading ? `Reading ${upload.name}…` : `Uploading ${upload.name}…`}</strong>
            <span class="muted">{Math.round(upload.fraction * 100)}%</span>
            {!reading && <button class="small" onClick={upload.abort}>Cancel</button>}
          </div>
          <ProgressBar fraction={upload.fraction} label="Upload progress" />
          {reading && <p class="muted small" style={{ marginTop: '8px' }}>Carlo is reading every formula and checking the functions it uses.</p>}
        </div>
      </div>
    );
  }
  return (
    <div>
      {error && <div class="alert bad" role="alert"><div><strong>The workbook was not uploaded</strong>{error}</div></div>}
      <div
        class={`dropzone${over ? ' over' : ''}`}
        role="button"
        tabIndex={0}
        aria-label="Upload a workbook: drop an Excel file here or press Enter to choose one"
        onClick={() => input.current?.click()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            input.current?.click();
          }
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          start(e.dataTransfer?.files?.[0]);
        }}
      >
        <UploadIcon />
        <strong>Drop an Excel workbook here</strong>
        or click to choose a file (.xlsx, .xlsm, .xls, up to 50 MB)
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          class="sr-only"
          tabIndex={-1}
          data-testid="workbook-file"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            (e.target as HTMLInputElement).value = '';
            start(f);
          }}
        />
      </div>
    </div>
  );
}
