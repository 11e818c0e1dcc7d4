import { useState } from 'react';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { call } from '../../api/client';
import { uploadFile } from '../../api/jobs';
import { followJob, isAbort, useLeaveSignal } from './follow-job';

/**
 * The first step of an import (the HR export, a contracts spreadsheet): the chosen file is sent in
 * chunks, then the core reads it in a job; the step shows both as progress bars and says why a file
 * was not read. The screens differ only in their words, so they share this.
 */
export function useReadFile<A>(options: {
  purpose: 'import' | 'contracts_import';
  method: 'hrImport.analyse' | 'contractImport.analyse';
  /** The file input's id, focused when no file was chosen. */
  inputId: string;
  missing: string;
  parse: (result: unknown) => A;
  onRead: (analysis: A) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [reading, setReading] = useState<JobStatus | null>(null);
  const leaveSignal = useLeaveSignal();

  const read = async () => {
    setProblem(null);
    if (!file) {
      setFieldError(options.missing);
      document.getElementById(options.inputId)?.focus();
      return;
    }
    setFieldError(undefined);
    const signal = leaveSignal();
    try {
      setSending({ sent: 0, total: file.size });
      const uploadId = await uploadFile(file, options.purpose, (sent, total) => setSending({ sent, total }));
      setSending(null);
      const started = await call(options.method, { uploadId });
      if (!started.ok) {
        setProblem(started.error.message);
        return;
      }
      const end = await followJob(started.value.jobId, setReading, signal);
      setReading(null);
      if (end.state === 'succeeded') options.onRead(options.parse(end.result));
      else setProblem(end.error?.message ?? 'The file could not be read.');
    } catch (e) {
      if (isAbort(e)) return;
      setSending(null);
      setReading(null);
      setProblem((e as Error).message);
    }
  };

  /** A new file chosen: its earlier refusal no longer applies. */
  const choose = (f: File | null) => {
    setFile(f);
    setFieldError(undefined);
  };

  return { choose, fieldError, problem, sending, reading, busy: sending !== null || reading !== null, read };
}
