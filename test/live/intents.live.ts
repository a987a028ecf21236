/** The intent suites against the real tenant. Loaded only by `npm run test:live`. */
import { intentSuites } from '../lambda/skill/intent-suite.js';
import { liveContext } from './live-context.js';
import { liveTarget } from './live-target.js';

intentSuites(liveTarget(liveContext()));
