import { en } from '../i18n/en.ts';
import { type Explanation, explainMessageError, explainRelayFailure } from '../ui/explanation.ts';
import type { UploadFailure } from './uploads-api.ts';

/** Explains a failed upload call: the relay's failures, or what only the extension saw. */
export function explainUploadFailure(failure: UploadFailure, relayUrl: string): Explanation {
  switch (failure.kind) {
    case 'no-relay':
      return en.uploads.noRelay;
    case 'no-background':
      return explainMessageError(failure.detail);
    default:
      return explainRelayFailure(failure, relayUrl);
  }
}
