import { Type, type Static } from 'typebox';
import { Nullable } from './kit.js';

/** A feed `claimtrail watch` follows, with the state of its polling (`claimtrail feeds`, GET /api/feeds). */

const Instant = (description: string) => Type.String({ description: `${description} (ISO 8601, UTC)` });

export const FeedError = Type.Object({
  message: Type.String({ description: 'what failed, naming the feed or the item' }),
  at: Instant('when'),
});
export type FeedError = Static<typeof FeedError>;

export const WatchedFeed = Type.Object({
  url: Type.String({ description: 'the feed as it was given' }),
  title: Nullable(Type.String(), { description: 'the feed’s own title, from its last full read' }),
  addedAt: Instant('when it was first watched'),
  lastPolled: Nullable(Instant('when it was last polled')),
  nextPoll: Nullable(Instant('when it is due next (later after failures: they back off)')),
  lastStatus: Nullable(Type.Integer(), { description: 'HTTP status of the last poll (304: unchanged); null when no answer came' }),
  etag: Nullable(Type.String(), { description: 'the ETag sent back as If-None-Match' }),
  lastModified: Nullable(Type.String(), { description: 'the Last-Modified sent back as If-Modified-Since' }),
  lastError: Nullable(FeedError, { description: 'the last failure: of the feed (fetch, parse) or of one of its items' }),
  failures: Type.Integer({ minimum: 0, description: 'polls in a row that failed to read the feed' }),
  itemsSeen: Type.Integer({ minimum: 0, description: 'new items handled since it was first watched' }),
  articlesStored: Type.Integer({ minimum: 0, description: 'articles those items added to the store' }),
});
export type WatchedFeed = Static<typeof WatchedFeed>;
