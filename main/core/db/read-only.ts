import {
  InsertQueryNode,
  SelectQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The handle queries get: Kysely refuses, before any SQL runs, every statement that is not a
 * SELECT (or a raw statement, which the app uses only for pragmas and transaction control in
 * infrastructure code). The read-only type (`ReadDb`) already hides the write builders; this
 * catches what a cast could smuggle past the types.
 */
export class ReadOnlyPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (SelectQueryNode.is(node) || node.kind === 'RawNode') return node;
    const what = InsertQueryNode.is(node) ? 'insert' : node.kind.replace(/Node$/, '');
    throw new Error(`A query tried to write (${what}); only mutations may change records.`);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
