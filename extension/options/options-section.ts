import type { ComponentType } from 'preact';
import type { ConnectedStatus, RelayConnection } from '../relay/relay-status.ts';

/** What a section of the options page gets: the working relay and who is signed in to it. */
export interface SectionProps {
  connection: RelayConnection;
  status: ConnectedStatus;
}

/**
 * A section of the options page after "Relay" (Facebook, Sources, Consent defaults, …). Each
 * needs a working relay, so none is shown before one is connected.
 */
export interface OptionsSection {
  /** Also the anchor of the section's heading. */
  id: string;
  title: string;
  /** What the section is for, under its heading (shown to marketers of admin-only ones too). */
  intro?: string;
  /** Admin-only sections tell marketers whom to ask instead of showing their content. */
  adminOnly: boolean;
  Content: ComponentType<SectionProps>;
}
