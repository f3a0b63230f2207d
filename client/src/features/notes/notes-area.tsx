import { useDeferredValue, useState } from 'react';
import { useFeedbackList, useNotes } from '@/db/notes-hooks';
import { plural } from '@/ui/format';
import { LockIcon, PlusIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { SearchBox } from '@/ui/search-box';
import { FeedbackList } from './feedback-list';
import { NoteList } from './note-list';
import { NoteQuick } from './note-quick';
import { NotesTabs } from './notes-tabs';

function MyNotes() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const notes = useNotes(deferred);
  const filtered = deferred.trim() !== '';
  return (
    <>
      <NoteQuick />
      <SearchBox id="note-search" label="Search notes" placeholder="Search text or #tag" value={query} onChange={setQuery} />
      {notes === undefined ? (
        <Spinner label="Loading notes" />
      ) : notes.length > 0 ? (
        <>
          <p className="list-count" aria-live="polite">
            {plural(notes.length, 'note')}
            {filtered ? ' found' : ''}
          </p>
          <NoteList notes={notes} />
        </>
      ) : filtered ? (
        <EmptyState title="No notes match">Try other words.</EmptyState>
      ) : (
        <EmptyState title="No notes yet">
          Jot down what you want to remember: a thought before a one-on-one, something to raise at review time.
        </EmptyState>
      )}
    </>
  );
}

function FeedbackTab() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const items = useFeedbackList(deferred);
  const filtered = deferred.trim() !== '';
  return (
    <>
      <Link href="/notes/feedback/new" className="btn btn-primary btn-block add-feedback">
        <PlusIcon width={20} height={20} /> Add feedback you received
      </Link>
      <SearchBox id="feedback-search" label="Search feedback" placeholder="Search words or a name" value={query} onChange={setQuery} />
      {items === undefined ? (
        <Spinner label="Loading feedback" />
      ) : items.length > 0 ? (
        <>
          <p className="list-count" aria-live="polite">
            {plural(items.length, 'item')}
            {filtered ? ' found' : ''}
          </p>
          <FeedbackList items={items} />
        </>
      ) : filtered ? (
        <EmptyState title="No feedback matches">Try other words or another name.</EmptyState>
      ) : (
        <EmptyState title="No feedback yet">
          Keep the kind words (and the hard ones) people give you. Private unless you share one with your manager.
        </EmptyState>
      )}
    </>
  );
}

/** Notes: "My notes" (private, quick capture first) and "Feedback" received; both work offline from this device. */
export default function NotesArea({ path }: { path: string }) {
  const tab = path.startsWith('/notes/feedback') ? 'feedback' : 'notes';
  return (
    <Screen
      title="Notes"
      lead={
        <>
          <LockIcon width={14} height={14} />{' '}
          {tab === 'notes' ? 'Private notes are yours alone, always.' : 'Feedback stays private unless you share it.'}
        </>
      }
    >
      <NotesTabs current={tab} />
      {tab === 'notes' ? <MyNotes /> : <FeedbackTab />}
    </Screen>
  );
}
