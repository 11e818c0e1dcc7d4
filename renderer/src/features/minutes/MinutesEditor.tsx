import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, $isListNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { MINUTES_NODES } from './nodes';

/** Class names Lexical puts on what it renders, styled in minutes.css (no inline styles: the CSP forbids them). */
const THEME = {
  paragraph: 'mx-p',
  heading: { h2: 'mx-h2', h3: 'mx-h3' },
  quote: 'mx-quote',
  list: { ul: 'mx-ul', ol: 'mx-ol', listitem: 'mx-li', nested: { listitem: 'mx-li-nested' } },
  text: { bold: 'mx-bold', italic: 'mx-italic' },
  table: 'mx-table',
  tableCell: 'mx-td',
  tableCellHeader: 'mx-th',
  tableRow: 'mx-tr',
};

/** Whether a stored body is an editor state this editor can open (the core checks it fully on save). */
function usableBody(body: string): string | undefined {
  if (!body.trim()) return undefined;
  try {
    const parsed = JSON.parse(body) as { root?: unknown };
    return parsed && typeof parsed === 'object' && parsed.root ? body : undefined;
  } catch {
    return undefined;
  }
}

function config(body: string, editable: boolean, onError: (e: Error) => void): InitialConfigType {
  const state = usableBody(body);
  return {
    namespace: 'minutes',
    nodes: [...MINUTES_NODES],
    theme: THEME,
    editable,
    onError,
    ...(state ? { editorState: state } : {}),
  };
}

/**
 * The minutes' narrative in Lexical: headings, bold and italic, bulleted and numbered lists,
 * tables. Saved as the editor state's JSON (never HTML) by `onChange`, which the caller debounces.
 * Read-only when `editable` is false (approved or sealed minutes).
 */
export function MinutesEditor(props: {
  body: string;
  editable: boolean;
  labelId: string;
  toolbarLabel?: string;
  describedBy?: string;
  onChange?: (json: string) => void;
  onBlur?: () => void;
  status?: ReactNode;
}) {
  const [broken, setBroken] = useState<string | null>(null);
  // Read once: Lexical takes its initial state on mount and owns it afterwards.
  const [initial] = useState(() => config(props.body, props.editable, (e) => setBroken(e.message)));
  return (
    <div className={`minutes-editor${props.editable ? '' : ' is-readonly'}`}>
      <LexicalComposer initialConfig={initial}>
        {props.editable ? <Toolbar label={props.toolbarLabel ?? 'Formatting'} /> : null}
        <div className="minutes-editor-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="minutes-content"
                aria-labelledby={props.labelId}
                aria-describedby={props.describedBy}
                aria-multiline
                role="textbox"
                aria-readonly={props.editable ? undefined : true}
                onBlur={props.onBlur}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
        {props.onChange ? <ChangePlugin onChange={props.onChange} /> : null}
        <EditablePlugin editable={props.editable} />
      </LexicalComposer>
      {props.status}
      {broken ? (
        <p className="error-message" role="alert">
          The editor hit a problem: {broken}
        </p>
      ) : null}
    </div>
  );
}

/** Keeps the editor's editable flag in step with the minutes' status. */
function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

/** Calls onChange with the state's JSON after each change of content (not after selection moves). */
function ChangePlugin({ onChange }: { onChange: (json: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const ref = useRef(onChange);
  useEffect(() => {
    ref.current = onChange;
  });
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (tags.has('history-merge') && prevEditorState.isEmpty()) return;
        ref.current(JSON.stringify(editorState.toJSON()));
      }),
    [editor],
  );
  return null;
}

type Block = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'other';

/** What the toolbar shows as pressed for the current selection. */
function $toolState(): { block: Block; bold: boolean; italic: boolean } {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { block: 'other', bold: false, italic: false };
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  const element = $isRootOrShadowRoot(anchor) ? null : anchor.getTopLevelElement();
  let block: Block = 'other';
  if (list) block = list.getListType() === 'number' ? 'number' : 'bullet';
  else if ($isHeadingNode(element)) block = element.getTag() === 'h2' ? 'h2' : element.getTag() === 'h3' ? 'h3' : 'other';
  else if (element === null || element.getType() === 'paragraph') block = 'paragraph';
  return { block, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic') };
}

/** Turns the blocks the selection touches into headings of `tag`, or back into paragraphs. */
function $setBlocks(make: () => ElementNode) {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const seen = new Set<string>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
    const top = $isRootOrShadowRoot(node) ? null : node.getTopLevelElement();
    if (!top || seen.has(top.getKey()) || $isListNode(top) || top.getType() === 'table') continue;
    seen.add(top.getKey());
    top.replace(make(), true);
  }
}

/**
 * The formatting toolbar: one tab stop per button (a short row, so no roving focus), each
 * button's state said with aria-pressed, the shortcut in its name where there is one.
 */
function Toolbar({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<{ block: Block; bold: boolean; italic: boolean }>({ block: 'paragraph', bold: false, italic: false });
  const refresh = useCallback(() => editor.getEditorState().read(() => setState($toolState())), [editor]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(() => refresh()),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );
  const heading = (tag: HeadingTagType) => {
    editor.update(() => $setBlocks(() => (state.block === tag ? $createParagraphNode() : $createHeadingNode(tag))));
    editor.focus();
  };
  const list = (kind: 'bullet' | 'number') => {
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };
  const button = (label: string, pressed: boolean | undefined, onClick: () => void, text: ReactNode, shortcut?: string) => (
    <button
      type="button"
      className="minutes-tool"
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut.replace('Control', 'Ctrl')})` : label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
  return (
    <div className="minutes-toolbar" role="toolbar" aria-label={label}>
      <div className="minutes-tool-group">
        {button('Heading', state.block === 'h2', () => heading('h2'), 'H2')}
        {button('Subheading', state.block === 'h3', () => heading('h3'), 'H3')}
      </div>
      <div className="minutes-tool-group">
        {button('Bold', state.bold, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), <b>B</b>, 'Control+B')}
        {button('Italic', state.italic, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), <i>I</i>, 'Control+I')}
      </div>
      <div className="minutes-tool-group">
        {button('Bulleted list', state.block === 'bullet', () => list('bullet'), '• List')}
        {button('Numbered list', state.block === 'number', () => list('number'), '1. List')}
      </div>
      <div className="minutes-tool-group">
        {button(
          'Insert a table',
          undefined,
          () => {
            editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });
            editor.focus();
          },
          '▦ Table',
        )}
      </div>
      <div className="minutes-tool-group">
        {button('Undo', undefined, () => editor.dispatchCommand(UNDO_COMMAND, undefined), '↶', 'Control+Z')}
        {button('Redo', undefined, () => editor.dispatchCommand(REDO_COMMAND, undefined), '↷', 'Control+Y')}
      </div>
    </div>
  );
}
