import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The nodes the minutes editor registers: the same list, in the same order, as MINUTES_NODES in
 * main/core/minutes/lexical.ts, with which the core parses and checks every saved body. That
 * file imports the core's errors and print models, and the renderer may import only from shared/
 * (lint zones), so the list is kept here too; change both together.
 */
export const MINUTES_NODES: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode];
