import type { Role } from '../../shared/relay-api/roles.ts';

/**
 * Every English string of the extension's pages, in one place so a translation is one more
 * file of the same shape (`Strings`). Texts that explain relay errors live in the shared error
 * catalog (`shared/error-catalog.ts`), which the relay's docs use too.
 */
export const en = {
  productName: 'Audience Relay',
  loading: 'Checking the relay…',

  roles: {
    admin: {
      name: 'Admin',
      description: 'Sets up the workspace (keys and connections) and exports segments.',
    },
    marketer: {
      name: 'Marketer',
      description: 'Exports segments. Changes to the workspace’s setup need an admin.',
    },
  } satisfies Record<Role, { name: string; description: string }>,

  relayForm: {
    urlLabel: 'Relay address',
    urlHint: 'The address whoever runs your relay gave you, for example https://relay.example.com',
    urlPlaceholder: 'https://relay.example.com',
    keyLabel: 'Workspace key',
    keyHint:
      'Starts with ar_live_. A workspace admin gives you one. It is kept in this browser only, and sent to no one but your relay.',
    keyPlaceholder: 'ar_live_…',
    connect: 'Connect',
    connecting: 'Connecting…',
    errors: {
      urlMissing: 'Enter the relay’s address.',
      urlInvalid: 'Enter a web address, for example https://relay.example.com',
      urlExtraParts:
        'Enter the relay’s address only, without a user name, password, or anything after ? or #.',
      urlInsecure:
        'Use https://. Over http:// your workspace key would cross the network unencrypted (http:// is only for a relay on this computer).',
      keyMissing: 'Paste your workspace key.',
      keyInvalid:
        'This is not a whole workspace key: it starts with ar_live_ and is 68 characters long. Paste it again.',
    },
  },

  options: {
    pageTitle: 'Audience Relay settings',
    tagline: 'Send customer segments to Facebook Custom Audiences through your own relay.',
    relay: {
      heading: 'Relay',
      intro:
        'The relay is the small server your company runs for Audience Relay. It holds the Facebook connection and uploads the audiences; this browser keeps only the relay’s address and your workspace key.',
      connectedTo: (workspace: string) => `Connected to ${workspace}`,
      role: 'Your role',
      address: 'Relay address',
      key: 'Workspace key',
      keyShown: (keyId: string) => `ar_live_${keyId}_…`,
      savedRelayFailing: 'The saved relay does not work at the moment',
      forget: 'Forget this relay',
      forgetting: 'Forgetting…',
      forgotten: 'The relay and its workspace key were removed from this browser.',
    },
    adminOnly: {
      heading: 'Ask an admin',
      text: (section: string) =>
        `${section} is set up by a workspace admin. Your key has the marketer role.`,
    },
  },

  popup: {
    setUpHeading: 'Connect to your relay',
    setUpText:
      'Audience Relay sends segments to Facebook through your company’s own relay. Enter its address and your workspace key in the settings to start.',
    openSettings: 'Open settings',
    settings: 'Settings',
    connectedTo: (relayHost: string) => `Connected to ${relayHost}`,
    segmentHeading: 'Segment in this tab',
    segmentName: 'Name',
    segmentId: 'Segment ID',
    workspaceId: 'Workspace ID',
    apiIdentifier: 'API identifier',
    dashboard: 'Dashboard',
    noSegment:
      'No segment chosen in this tab. On a segment page, choose Export as Facebook Audience in the User Data menu.',
  },

  consent: {
    optOut: 'Users who opted out (do_not_sell_or_share)',
    unsubscribed: 'Users unsubscribed from email',
    adTracking: 'Device IDs of devices without ad tracking enabled',
  },

  exports: {
    formHeading: 'Export to Facebook',
    adAccount: 'Ad account',
    adAccountHint: 'The ad account the audiences are created in.',
    fields: 'Fields to match on',
    fieldsHint: 'Each field becomes its own Custom Audience, as Braze does.',
    moreKeys: 'More keys',
    multiKey: 'One multi-key audience with every chosen field (Meta matches more users this way)',
    consent: 'Leave out',
    audienceName: (field: string) => `Audience name (${field})`,
    multiKeyName: 'Audience name',
    submit: 'Export Segment',
    submitting: 'Starting the export…',
    noApiIdentifier:
      'This segment’s API identifier is not shown on the page yet. Scroll to the bottom of the segment page so Braze shows it, then open this again.',
    facebookNotConnected: {
      title: 'Facebook is not connected',
      text: 'An admin connects the workspace to Facebook and chooses its ad accounts in the settings.',
    },
    noAdAccounts: {
      title: 'No ad account is connected',
      text: 'An admin chooses which ad accounts this workspace exports to, in the settings.',
    },
    termsNotAccepted: (account: string) =>
      `${account}: Meta’s Custom Audience terms are not accepted yet.`,
    acceptTerms: 'Accept the terms on Facebook',
    errors: {
      noFields: 'Choose at least one field.',
      nameMissing: 'Give every audience a name.',
      noAdAccount: 'Choose an ad account.',
    },
    progressHeading: 'Export in progress',
    phases: {
      queued: 'Waiting for its turn',
      resolving: 'Checking the ad account and creating audiences',
      exporting: 'Braze is preparing the segment',
      filtering: 'Reading users',
      uploading: 'Uploading to Facebook',
      done: 'Finished',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    counts: {
      read: 'Users read',
      eligible: 'Eligible',
      sent: 'Rows sent',
      invalid: 'Invalid at Meta',
    },
    rate: (rows: string) => `${rows} rows/s`,
    progressLabel: 'Upload progress',
    audience: 'Audience',
    audienceStatus: { waiting: 'Waiting', sending: 'Sending', sent: 'Sent' },
    retrying: 'Retrying by itself',
    cancel: 'Cancel export',
    cancelling: 'Cancelling…',
    newExport: 'Export again',
    matchNote:
      'Meta does not reveal which users matched, nor how many: these counts say what was sent and what Meta received.',
    notification: {
      done: (name: string) => `${name} is on Facebook`,
      failed: (name: string) => `${name} could not be exported`,
      cancelled: (name: string) => `${name} was cancelled`,
      openReport: 'Click to open the report.',
    },
  },

  problems: {
    reference: 'Reference for your relay’s operator:',
    unreachable: {
      title: 'Can’t reach the relay',
      explanation: (url: string) =>
        `Nothing answered at ${url}. The address may be mistyped, the relay may be stopped, or the network may be blocking it.`,
      steps: [
        'Check the address, including https:// or http:// and the port.',
        'Ask whoever runs your relay whether it is running.',
        'Try again.',
      ],
    },
    timeout: {
      title: 'The relay took too long to answer',
      explanation: (url: string) =>
        `The relay at ${url} did not answer in time. It may be overloaded, or the network may be slow.`,
      steps: ['Try again in a moment.', 'If it keeps happening, tell whoever runs your relay.'],
    },
    notARelay: {
      title: 'This address is not an Audience Relay',
      explanation: (url: string, status: number) =>
        `Something answered at ${url} (HTTP ${status}), but not the way an Audience Relay does. The address may point at another website, or at a proxy in front of the relay.`,
      steps: [
        'Check the address: it is your relay’s, not your dashboard’s.',
        'Ask whoever runs your relay for its exact address.',
      ],
    },
    permissionDenied: {
      title: 'Permission needed',
      explanation: (origin: string) =>
        `Audience Relay may only contact ${origin} once you allow it. Nothing was saved.`,
      steps: ['Choose Connect again, and allow access when the browser asks.'],
    },
    extensionNotAnswering: {
      title: 'The extension is not responding',
      explanation: (detail: string) =>
        `Audience Relay’s background service did not answer (${detail}).`,
      steps: [
        'Reload this page.',
        'If it keeps happening, turn Audience Relay off and on again in the browser’s extension settings.',
      ],
    },
  },
};

export type Strings = typeof en;
