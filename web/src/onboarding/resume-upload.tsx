// Resume upload with a progress bar. The type and size are checked here first for a quick
// answer; the server checks the content again and its message is shown as is.
import type { ResumeView } from '@jobswipe/protocol';
import { useId, useState } from 'react';
import { uploadResume } from '../api/upload-resume.ts';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Icon } from '../ui/icon.tsx';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function problemWith(file: File): string | null {
  if (!/\.(pdf|docx)$/i.test(file.name))
    return `“${file.name}” is not a PDF or Word (.docx) file. Export your resume as PDF and pick that.`;
  if (file.size > MAX_BYTES)
    return `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Try a PDF without large images.`;
  if (file.size === 0) return `“${file.name}” is empty. Pick the file again.`;
  return null;
}

export function ResumeUpload({
  current,
  onUploaded,
}: {
  current: ResumeView | null;
  onUploaded: (r: ResumeView) => void;
}) {
  const { api } = useServices();
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function pick(file: File | undefined) {
    setProblem(null);
    setError(null);
    if (!file) return;
    const local = problemWith(file);
    if (local) return setProblem(local);
    setProgress(0);
    try {
      onUploaded(await uploadResume(api, file, setProgress));
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="upload">
      {current && (
        <div className="note note-ok" data-testid="resume-current">
          <Icon name="file" />
          <p>
            {current.fileName} · {(current.size / 1024).toFixed(0)} KB
          </p>
        </div>
      )}
      <label className="dropzone" htmlFor={id}>
        <span className="dropzone-title">{current ? 'Replace your resume' : 'Upload your resume'}</span>
        <span className="muted">PDF or Word (.docx), up to 5 MB</span>
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          disabled={progress !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {progress !== null && (
        <div className="progress-row">
          <progress max={1} value={progress} aria-label="Upload progress" />
          <span>{Math.round(progress * 100)}%</span>
        </div>
      )}
      {problem && (
        <p className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
