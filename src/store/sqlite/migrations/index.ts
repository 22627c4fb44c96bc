import type { Migration, MigrationProvider } from 'kysely';
import { articlesAndLayers } from './0001-articles-and-layers.js';
import { crossArticleAnalysis } from './0005-cross-article-analysis.js';
import { queryIndexes } from './0006-query-indexes.js';
import { claimNegation } from './0007-claim-negation.js';
import { claimMade } from './0008-claim-made.js';
import { stableIds } from './0009-stable-ids.js';
import { feeds } from './0010-feeds.js';
import { refreshIndexes } from './0011-refresh-indexes.js';
import { entityCounts } from './0012-entity-counts.js';
import { refreshOrder } from './0013-refresh-order.js';
import { claimGroups } from './0014-claim-groups.js';
import { bandLevels } from './0015-band-levels.js';
import { entityIntake } from './0016-entity-intake.js';
import { ledgerTies } from './0017-ledger-ties.js';
import { eventOrder } from './0018-event-order.js';
import { layerPipelines } from './0019-layer-pipelines.js';
import { oneMentionsEntityIndex } from './0020-one-mentions-entity-index.js';
import { unreadIndexes } from './0021-unread-indexes.js';
import { copyIntake } from './0022-copy-intake.js';
import { replay } from './0023-replay.js';
import { takenArticles } from './0024-taken-articles.js';

/**
 * Versioned schema migrations of the SQLite store, applied in name order at open. A migration is
 * never edited once released: change the schema with a new one.
 */
const migrations: Record<string, Migration> = {
  '0001_articles_and_layers': articlesAndLayers,
  '0005_cross_article_analysis': crossArticleAnalysis,
  '0006_query_indexes': queryIndexes,
  '0007_claim_negation': claimNegation,
  '0008_claim_made': claimMade,
  '0009_stable_ids': stableIds,
  '0010_feeds': feeds,
  '0011_refresh_indexes': refreshIndexes,
  '0012_entity_counts': entityCounts,
  '0013_refresh_order': refreshOrder,
  '0014_claim_groups': claimGroups,
  '0015_band_levels': bandLevels,
  '0016_entity_intake': entityIntake,
  '0017_ledger_ties': ledgerTies,
  '0018_event_order': eventOrder,
  '0019_layer_pipelines': layerPipelines,
  '0020_one_mentions_entity_index': oneMentionsEntityIndex,
  '0021_unread_indexes': unreadIndexes,
  '0022_copy_intake': copyIntake,
  '0023_replay': replay,
  '0024_taken_articles': takenArticles,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
