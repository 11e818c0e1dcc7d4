import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { requiredText } from '../../../../shared/contract/fields';
import type { Minutes } from '../../../../shared/contract/minutes';
import { call } from '../../api/client';
import { formatInstant } from '../../lib/dates';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';

const commentSchema = z.object({ author: requiredText('who made the comment', 200, 'one'), body: requiredText('the comment', 5000, 'many') });
type CommentValues = { author: string; body: string };

/** Comments on circulated minutes: kept with them, listed oldest first; added while they are circulating. */
export function MinutesComments({ minutes }: { minutes: Minutes }) {
  const open = minutes.status === 'circulated';
  if (!open && minutes.comments.length === 0) return null;
  return (
    <section className="card minutes-comments" aria-labelledby="minutes-comments-h">
      <h3 id="minutes-comments-h">Comments{minutes.circulatedOn ? ' on the circulated draft' : ''}</h3>
      {minutes.comments.length === 0 ? (
        <p className="muted">No comment received yet.</p>
      ) : (
        <ol className="minutes-comment-list">
          {minutes.comments.map((c) => (
            <li key={c.id}>
              <p className="minutes-comment-by">
                <strong>{c.author}</strong> <span className="muted">{formatInstant(c.createdAt)}</span>
              </p>
              <p className="minutes-comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {open ? <CommentForm minutes={minutes} /> : null}
    </section>
  );
}

function CommentForm({ minutes }: { minutes: Minutes }) {
  const { register, handleSubmit, setError, formState, reset } = useForm<CommentValues>({
    resolver: zodResolver(commentSchema, undefined, { raw: true }) as never,
    defaultValues: { author: '', body: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['author', 'body']);
  const onValid = async (v: CommentValues) => {
    outcome.clear();
    await outcome.settle(await call('minutes.comment', { id: minutes.id, author: v.author, body: v.body }), () => 'Comment recorded.', () => reset({ author: '', body: '' }));
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Add a comment" className="minutes-comment-form">
      <h4>Add a comment</h4>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <Field id="comment-author" label="Who made it" error={errorAt(formState.errors, 'author')}>
        <input type="text" className="narrow" autoComplete="off" {...register('author')} />
      </Field>
      <Field id="comment-body" label="Comment" error={errorAt(formState.errors, 'body')}>
        <textarea rows={3} {...register('body')} />
      </Field>
      <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>
        Add the comment
      </button>
    </form>
  );
}
