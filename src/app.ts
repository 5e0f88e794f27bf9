// Builds the web app (the route table); never listens: server.ts and the tests do that.
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import type { Store } from './store/index.ts';
import { formBodies, jsonBodies } from './web/article-bodies.ts';
import { authenticate, crossSiteGuard, requireReviewer } from './web/auth.ts';
import { createErrorHandler, notFound } from './web/errors.ts';
import { pageLabels } from './web/labels.ts';
import type { PageCache } from './web/page-cache.ts';
import { checkRequestBody } from './web/request-body.ts';
import { accountRoutes } from './web/routes/account.ts';
import { archiveRoutes } from './web/routes/archive.ts';
import { articleListRoutes } from './web/routes/articles.ts';
import { articlesInRoutes } from './web/routes/articles-in.ts';
import { bulkVerdictRoutes } from './web/routes/bulk-verdicts.ts';
import { editRoutes } from './web/routes/edits.ts';
import { exportRoutes } from './web/routes/export.ts';
import { historyRoutes } from './web/routes/history.ts';
import { LiveStreams, liveRoutes } from './web/routes/live.ts';
import { newArticleRoutes, readArticleUpload } from './web/routes/new-article.ts';
import { nextArticleRoutes } from './web/routes/next-article.ts';
import { openApiRoutes } from './web/routes/openapi.ts';
import { recurringRoutes } from './web/routes/recurring.ts';
import { repairRoutes } from './web/routes/repair.ts';
import { reviewRoutes } from './web/routes/review.ts';
import { reviewerStatsRoutes } from './web/routes/reviewer-stats.ts';
import { reviewerRoutes } from './web/routes/reviewers.ts';
import { sessionRoutes } from './web/routes/session.ts';
import { statsRoutes } from './web/routes/stats.ts';
import { taxonomyRoutes } from './web/routes/taxonomy.ts';
import { teamReviewRoutes } from './web/routes/team-review.ts';
import { verdictRoutes } from './web/routes/verdicts.ts';
import { webhookRoutes } from './web/routes/webhooks.ts';
import { SignInThrottle, type ThrottleLimits } from './web/sign-in-throttle.ts';
import { TokenCache } from './web/token-cache.ts';

const viewsDir = fileURLToPath(new URL('../views', import.meta.url));

/** What the app needs: the open store and the secret that signs session cookies. */
export interface AppOptions {
  db: Store;
  secret: string;
  /** Failed password checks allowed per account and per client address (default: sign-in-throttle.ts). */
  signInLimits?: ThrottleLimits;
  /** Where review pages are kept between requests (default: a cache of 64 MiB); tests pass one to look into it. */
  reviewPageCache?: PageCache;
  /** The live-update streams (default: one with the default limits); the server ends them before it stops. */
  liveStreams?: LiveStreams;
}

/** The mt-review app: public sign-in, everything else behind a reviewer; JSON under /api. */
export function createApp({ db, secret, signInLimits, reviewPageCache, liveStreams }: AppOptions): express.Express {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.disable('x-powered-by');
  // Pages carry a per-request CSRF token, so an ETag would never match: hashing every body is wasted work.
  app.set('etag', false);
  // Templates do not change while the server runs: compile each once (Express caches only in production otherwise).
  app.set('view cache', true);
  // Every page names categories, severities and edit states the same way.
  app.locals.labels = pageLabels;
  // Served over plain HTTP on localhost: HSTS and upgrade-insecure-requests would send the browser to https.
  app.use(
    helmet({
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use('/static', express.static(`${viewsDir}/static`, { maxAge: '1h' }));
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.use(jsonBodies);
  app.use(formBodies);
  app.use(checkRequestBody);
  // One per app: reviewerRoutes empties it when a reviewer's role or status changes.
  const tokens = new TokenCache();
  app.use(authenticate(db, secret, tokens));
  app.use((_req, res, next) => {
    res.locals.reviewer ??= undefined;
    res.locals.csrfToken ??= '';
    next();
  });
  // Before the CSRF check, which reads the upload's _csrf field; for admins and leads only.
  app.post('/articles/upload', readArticleUpload);
  app.use(crossSiteGuard);
  const throttle = new SignInThrottle(signInLimits);
  app.use(sessionRoutes(db, secret, throttle));
  app.use(openApiRoutes());
  app.use(requireReviewer);
  app.use(accountRoutes(db, throttle));
  app.use(reviewerRoutes(db, tokens));
  app.use(articleListRoutes(db));
  app.use(articlesInRoutes(db));
  app.use(newArticleRoutes(db));
  app.use(reviewRoutes(db, reviewPageCache));
  app.use(liveRoutes(db, liveStreams ?? new LiveStreams()));
  app.use(verdictRoutes(db));
  app.use(editRoutes(db));
  app.use(exportRoutes(db));
  app.use(historyRoutes(db));
  app.use(repairRoutes(db));
  app.use(statsRoutes(db));
  app.use(reviewerStatsRoutes(db));
  app.use(teamReviewRoutes(db));
  app.use(recurringRoutes(db));
  app.use(bulkVerdictRoutes(db));
  app.use(nextArticleRoutes(db));
  app.use(archiveRoutes(db));
  app.use(taxonomyRoutes());
  app.use(webhookRoutes(db));
  app.use(notFound);
  app.use(createErrorHandler());
  return app;
}
