import type { SourceField } from '../../shared/column-mapping.ts';
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
    facebook: {
      heading: 'Facebook',
      intro:
        'The Facebook connection belongs to the whole workspace. The relay keeps its token; this browser never sees it.',
      loading: 'Checking the Facebook connection…',
      notConnectedTitle: 'Facebook is not connected',
      notConnectedAdmin:
        'Connect the Facebook account that manages your ad accounts. Facebook opens in its own window, where you log in and allow Audience Relay to manage audiences.',
      notConnectedMarketer:
        'Segments can’t be exported until a workspace admin connects Facebook. Ask an admin to connect it.',
      connect: 'Connect Facebook',
      reconnect: 'Reconnect Facebook',
      connecting: 'Waiting for Facebook…',
      connected: 'Facebook is connected.',
      cancelledTitle: 'You cancelled the Facebook connection',
      cancelledText: 'Nothing was changed. Choose Connect Facebook when you are ready.',
      sandbox: 'Sandbox: the relay talks to its Graph emulator, not to Facebook.',
      askAdmin: 'Ask a workspace admin to fix this.',
      retry: 'Try again',
    },
    facebookHealth: {
      heading: 'Connection health',
      tokenInUse: 'Token in use',
      userToken: (name: string) => `User token of ${name}`,
      systemUserToken: (name: string) => `System User token: ${name}`,
      unnamed: 'an unnamed Facebook account',
      expires: 'Expires',
      never: 'Never',
      expiresOn: (date: string, days: number) =>
        `${date} (in ${days} ${days === 1 ? 'day' : 'days'})`,
      lastChecked: 'Last checked with Facebook',
      checkNow: 'Check now',
      checking: 'Checking…',
      healthyTitle: 'Ready for exports',
      healthyText: 'Facebook accepts the token, and every chosen ad account can receive audiences.',
      expiringTitle: (days: number) =>
        `The Facebook connection expires in ${days} ${days === 1 ? 'day' : 'days'}`,
      expiringText:
        'Exports and syncs stop when it expires. Reconnect Facebook before then, or use a System User token, which does not expire.',
      checkFailedTitle: 'Facebook could not be checked just now',
      checkFailedText: (reason: string) =>
        `What is shown is from the last check. Facebook said: ${reason}`,
      termsTitle: (account: string) => `Custom Audience Terms not accepted for ${account}`,
      termsText:
        'Meta refuses to create audiences in this ad account until someone with access to it accepts the Custom Audience Terms.',
      acceptTerms: (account: string) => `Accept the Custom Audience Terms for ${account}`,
      newTab: '(opens in a new tab)',
      noAccessTitle: (account: string) => `The token can’t see ${account} any more`,
      noAccessText:
        'Its access to this ad account was removed in Business Settings. Give the Facebook account access again, or choose other ad accounts.',
    },
    adAccounts: {
      heading: 'Ad accounts',
      intro: 'Marketers export segments to these ad accounts.',
      none: 'No ad accounts chosen yet.',
      noneMarketer: 'No ad accounts chosen yet. Ask a workspace admin to choose them.',
      choose: 'Choose ad accounts',
      loading: 'Asking Facebook for the ad accounts this token can see…',
      legend: 'Ad accounts this token can see',
      noneVisible:
        'This token sees no ad accounts. Give the Facebook account access to an ad account in Business Settings, then try again.',
      save: 'Save ad accounts',
      saving: 'Saving…',
      cancel: 'Cancel',
      saved: (count: number) =>
        count === 0
          ? 'No ad account is chosen now.'
          : `Saved: marketers can export to ${count} ${count === 1 ? 'ad account' : 'ad accounts'}.`,
      business: 'Business',
      noBusiness: 'No business',
      status: 'Status',
      terms: {
        accepted: 'Terms accepted',
        not_accepted: 'Terms not accepted',
        unknown: 'Terms not checked yet',
      },
      cannotManage:
        'This token may not manage audiences here: it needs the Manage or Advertise task on the account.',
    },
    systemUser: {
      heading: 'System User token',
      intro:
        'A System User token, made in Meta Business Settings, keeps working when people leave or change their password. When one is saved, the relay uses it instead of the user token.',
      label: 'System User token',
      hint: 'Business Settings → Users → System users → Generate new token, with ads_management. Checked by the relay and kept there, encrypted.',
      save: 'Use this token',
      saving: 'Checking the token…',
      missing: 'Paste the System User token.',
      tooShort: 'This is too short to be an access token. Paste the whole token.',
      inUse: (name: string) => `The relay uses the System User token of ${name}.`,
      saved: (name: string) => `The relay now uses the System User token of ${name}.`,
      remove: 'Remove the System User token',
      removing: 'Removing…',
      removed: 'The System User token was removed. The relay uses the user token again.',
    },
    disconnect: {
      button: 'Disconnect Facebook',
      confirmTitle: 'Disconnect Facebook?',
      confirmText:
        'The relay deletes both Facebook tokens and forgets the chosen ad accounts. Exports and syncs stop until someone connects again.',
      confirm: 'Disconnect',
      keep: 'Keep connected',
      disconnecting: 'Disconnecting…',
      done: 'Facebook was disconnected: the relay deleted its tokens.',
    },
    braze: {
      heading: 'Braze',
      intro:
        'The relay reads your segments through Braze’s REST API, with a REST API key of your Braze workspace. The relay keeps the key, encrypted; once saved, it is never shown again.',
      loading: 'Checking the Braze connection…',
      notConnectedTitle: 'Braze is not connected',
      notConnectedAdmin:
        'Enter your Braze REST endpoint and a REST API key. The relay checks the key with Braze before it saves it.',
      notConnectedMarketer:
        'Segments can’t be exported from Braze until a workspace admin connects it. Ask an admin to connect Braze.',
      endpoint: 'REST endpoint',
      key: 'REST API key',
      /** Followed by the relay's masked hint of the key's end. */
      keySet: 'Saved, ends with',
      savedAt: 'Saved on',
      askAdmin: 'A workspace admin can change these.',
      retry: 'Try again',
      change: 'Change endpoint or key',
      cancel: 'Cancel',
      endpointLabel: 'REST endpoint or dashboard address',
      endpointHint:
        'In Braze: Settings → APIs and Identifiers → API Keys, for example https://rest.iad-01.braze.com. Or paste your dashboard’s address and the relay finds the endpoint.',
      endpointPlaceholder: 'https://rest.iad-01.braze.com',
      keyLabel: 'REST API key',
      keyHint:
        'Needs the segments.list, segments.details and users.export.segment permissions. Sent only to your relay.',
      save: 'Check and save',
      saving: 'Checking the key with Braze…',
      saved: 'Braze is connected: Braze accepted the key, and the relay saved it.',
      errors: {
        endpointMissing: 'Enter the REST endpoint, or your dashboard’s address.',
        endpointInvalid: 'Enter an https:// address, for example https://rest.iad-01.braze.com',
        dashboardUnknown:
          'This dashboard is not one of Braze’s instances, so its REST endpoint can’t be worked out. Enter the REST endpoint from Settings → APIs and Identifiers instead.',
        keyMissing: 'Paste the REST API key.',
        keyTooShort: 'This is too short to be a Braze REST API key. Paste the whole key.',
      },
      remove: {
        button: 'Remove Braze',
        confirmTitle: 'Remove Braze?',
        confirmText:
          'The relay deletes the REST endpoint and key. Segments can’t be exported from Braze until someone connects it again.',
        confirm: 'Remove',
        keep: 'Keep Braze',
        removing: 'Removing…',
        done: 'Braze was removed: the relay deleted its key.',
      },
    },
    dashboards: {
      heading: 'Dashboards',
      intro:
        'Export as Facebook Audience appears on Braze’s own dashboards. Add any other address your team opens segments at, such as a custom Braze domain.',
      builtIn:
        'Always on: dashboard-NN.braze.com, dashboard-NN.braze.eu and dashboard.<cluster>.braze.com.',
      label: 'Dashboard address',
      hint: 'For example https://braze.example.com. The browser asks to let Audience Relay read pages there.',
      add: 'Add dashboard',
      adding: 'Adding…',
      listLabel: 'Added dashboards',
      none: 'No other dashboards added.',
      remove: (host: string) => `Remove ${host}`,
      added: (host: string) => `Export as Facebook Audience now appears on ${host}.`,
      removed: (host: string) => `${host} was removed, with the permission to read its pages.`,
      permissionDenied: {
        title: 'Permission needed',
        explanation: (host: string) =>
          `Audience Relay can only add its button on ${host} once you allow it to read pages there. Nothing was added.`,
        steps: ['Choose Add dashboard again, and allow access when the browser asks.'],
      },
      errors: {
        missing: 'Enter the dashboard’s address.',
        invalid: 'Enter a web address, for example https://braze.example.com',
      },
    },
    consent: {
      heading: 'Consent defaults',
      intro:
        'Every export starts from these filters. A marketer can change them for one export in its form; a change here applies to exports started afterwards, never to one already running.',
      loading: 'Loading the consent defaults…',
      filtersLegend: 'Filters every export starts with',
      filters: {
        opt_out: {
          label: 'Leave out users who opted out',
          explanation:
            'Users whose opt-out attribute is true, 1 or yes are never sent: this honours “Do Not Sell or Share” requests.',
          attribute: 'Opt-out attribute',
          hint: 'A Braze custom attribute, or a column of uploaded files. Case, spaces and hyphens do not matter.',
        },
        opt_in: {
          label: 'Only send users who opted in',
          explanation: 'Only users whose opt-in attribute is true, 1 or yes are sent.',
          attribute: 'Opt-in attribute',
          hint: 'For example opted_in_marketing. Users without it set are left out.',
        },
        email_unsubscribed: {
          label: 'Leave out users unsubscribed from email',
          explanation: 'Users whose email subscription is “unsubscribed” are not sent.',
        },
        ad_tracking: {
          label: 'Send device IDs only when ad tracking is enabled',
          explanation:
            'A device’s IDFA or advertising ID is sent only when ad tracking is enabled on it. A user whose device IDs were their only match key is left out.',
        },
      },
      on: 'On',
      off: 'Off',
      attributeShown: (name: string) => `Attribute: ${name}`,
      builtIn: 'These are the built-in defaults: no admin has changed them yet.',
      lastSaved: (date: string) => `Last saved ${date}.`,
      readOnly:
        'A workspace admin sets these defaults. You can still change the filters of one export in its form.',
      save: 'Save consent defaults',
      saving: 'Saving…',
      saved: 'Saved. Exports started from now on begin with these filters.',
      retry: 'Try again',
      errors: {
        attributeMissing: (label: string) =>
          `Enter the ${label.toLowerCase()}, or turn this filter off.`,
        attributeTooLong: 'Attribute names are at most 255 characters long.',
      },
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
    history: 'History',
    back: 'Back',
  },

  consent: {
    optOut: (attribute: string) => `Users who opted out (${attribute})`,
    optIn: (attribute: string) => `Users not opted in (${attribute})`,
    unsubscribed: 'Users unsubscribed from email',
    adTracking: 'Device IDs of devices without ad tracking enabled',
  },

  exports: {
    formHeading: 'Export to Facebook',
    adAccount: 'Ad account',
    fields: 'Fields to match on',
    fieldsHint: 'Each field becomes its own Custom Audience, as Braze does.',
    moreKeys: 'More keys',
    multiKey: 'One multi-key audience with every chosen field (Meta matches more users this way)',
    consent: 'Leave out',
    audienceName: (field: string) => `Audience name (${field})`,
    multiKeyName: 'Audience name',
    submit: 'Export Segment',
    submitFile: 'Export File',
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
    acceptTerms: 'Accept the terms on Facebook',
    errors: {
      noFields: 'Choose at least one field.',
      nameMissing: 'Give every audience a name.',
      noAdAccount: 'Choose an ad account.',
    },
    progressHeading: 'Export in progress',
    reportMissing: 'This export is not in your workspace’s history on the relay.',
    following: 'Following the export…',
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
    outcome: {
      done: 'Every audience is on Facebook.',
      failed: 'The export stopped before the end.',
      cancelled: 'The export was cancelled. What Meta already received stays in the audiences.',
    },
    openReport: 'View report',
    rate: (rows: string) => `${rows} rows/s`,
    progressLabel: 'Upload progress',
    audience: 'Audience',
    retrying: 'Retrying by itself',
    cancel: 'Cancel export',
    cancelling: 'Cancelling…',
    newExport: 'Export again',
    matchNote:
      'Meta does not reveal which users matched, nor how many: these counts say what was sent and what Meta received.',
    history: {
      heading: 'Recent exports',
      loading: 'Loading the history…',
      empty: 'No exports yet. Exports of this workspace appear here, with their reports.',
      status: {
        running: 'Running',
        done: 'Done',
        failed: 'Failed',
        cancelled: 'Cancelled',
      },
      audiences: (count: number) => `${count} ${count === 1 ? 'audience' : 'audiences'}`,
      followLive: 'Follow live',
      more: 'Show older exports',
      loadingMore: 'Loading…',
    },
    report: {
      loading: 'Loading the report…',
      started: (date: string) => `Started ${date}`,
      adAccount: (id: string) => `Ad account ${id}`,
      usersHeading: 'Users',
      count: 'Count',
      usersRead: 'Users read',
      malformed: 'Malformed lines (skipped)',
      malformedLine: (line: number, problem: string) => `Line ${line}: ${problem}`,
      leftOut: 'Left out by consent filters',
      eligible: 'Eligible',
      withoutUsableKey: 'Eligible, but no usable value',
      usersSent: 'Users sent',
      deviceIdsWithheld: 'Device IDs withheld (ad tracking off)',
      audiencesHeading: 'Audiences',
      noAudiences: 'No audience was created.',
      field: 'Field',
      valid: 'Valid',
      unusable: 'Unusable',
      rowsSent: 'Rows sent',
      metaReceived: 'Received by Meta',
      metaInvalid: 'Invalid at Meta',
      notYetAnswered: 'Meta has not answered yet',
      openInAdsManager: 'Open in Ads Manager',
      createLookalike: 'Create a Lookalike',
      resume: 'Resume export',
      resuming: 'Resuming…',
      newTab: '(opens in a new tab)',
    },
    notification: {
      done: (name: string) => `${name} is on Facebook`,
      failed: (name: string) => `${name} could not be exported`,
      cancelled: (name: string) => `${name} was cancelled`,
      openReport: 'Click to open the report.',
    },
  },

  uploads: {
    pageTitle: 'Export a file',
    pageIntro:
      'Send the people in a CSV or NDJSON file to Facebook Custom Audiences. The file goes to your relay, which hashes every value and deletes the file once the export ends.',
    openFromPopup: 'Export a file…',
    chooseHeading: '1. Choose a file',
    fileLegend: 'The file to export',
    dropHere: 'Drop a CSV or NDJSON file here',
    or: 'or',
    chooseFile: 'Choose a file…',
    chooseOther: 'Choose another file',
    accepts: (limit: string) =>
      `CSV with a header line, or NDJSON (one JSON object per line). Up to ${limit}.`,
    uploading: 'Sending to the relay…',
    uploaded: 'Sent to the relay',
    cancelUpload: 'Cancel',
    sizeOf: (sent: string, total: string) => `${sent} of ${total}`,
    progressLabel: 'Upload progress',
    columnsHeading: '2. Check the columns',
    columnsIntro:
      'The relay recognised these columns by their names. Change what a column feeds if it got one wrong; columns that feed nothing are kept only for the consent filters.',
    column: 'Column in the file',
    feeds: 'Feeds',
    mappedByYou: 'Changed by you',
    notUsed: 'Nothing (not used)',
    readingColumns: 'Reading the first rows…',
    rowsRead: (rows: string, complete: boolean) =>
      complete ? `${rows} rows in the file.` : `${rows} rows read so far (the first ones).`,
    malformed: (count: string, one: boolean) =>
      one
        ? 'One row cannot be read and will be skipped:'
        : `${count} rows cannot be read and will be skipped:`,
    malformedMore: (more: string) => `…and ${more} more.`,
    malformedLine: (line: number, why: string) => `Line ${line}: ${why}`,
    noMalformed: 'Every row is readable.',
    exportHeading: '3. Export to Facebook',
    exportAnother: 'Export another file',
    tooBig: (size: string, limit: string) =>
      `This file is ${size}; this relay’s limit is ${limit}.`,
    empty: {
      title: 'The file is empty',
      explanation: 'There is nothing in this file to export.',
      steps: ['Choose the file that holds your users, with its header line.'],
    },
    noUsableColumn:
      'None of the columns is one the relay knows by its name, so an export would find nobody. Choose below what at least one column holds (Email, Phone number…).',
    binary:
      'This file holds binary data: it may be a spreadsheet (.xlsx, .numbers) or another kind of file. Save it as CSV first.',
    noRelay: {
      title: 'No relay is configured',
      explanation: 'The relay was removed from this browser, so the file cannot be sent.',
      steps: ['Connect to your relay again in the settings.'],
    },
    fields: {
      email: 'Email',
      phone: 'Phone number',
      idfa: 'Device IDFA',
      google_ad_id: 'Android advertising ID (GAID)',
      ad_tracking_enabled: 'Ad tracking enabled',
      first_name: 'First name',
      last_name: 'Last name',
      dob: 'Date of birth',
      gender: 'Gender',
      country: 'Country',
      home_city: 'City',
      state: 'State / province',
      zip: 'ZIP / postal code',
      external_id: 'External ID',
      email_subscribe: 'Email subscription status',
    } satisfies Record<SourceField, string>,
  },

  lookalike: {
    heading: 'Create a Lookalike',
    seed: 'Source audience',
    countries: 'Countries',
    countriesHint:
      'Two-letter country codes, separated by commas, for example US, CA. Facebook finds people like your audience there.',
    countriesShown: (names: string) => `Reaching: ${names}`,
    ratio: 'Audience size (%)',
    ratioHint:
      '1 % is the closest match to your audience; up to 20 % reaches more people who are less alike.',
    submit: 'Create Lookalike',
    submitting: 'Creating the lookalike…',
    cancel: 'Cancel',
    errors: {
      countriesMissing: 'Enter at least one country code, for example US.',
      countryUnknown: (codes: string) =>
        `Not a country code: ${codes}. Use two-letter codes such as US, GB or DE.`,
      tooManyCountries: 'Choose at most 25 countries.',
      ratioInvalid: 'Enter a whole number from 1 to 20.',
    },
    createdTitle: 'Lookalike created',
    createdText:
      'It is in the same ad account as its source audience. Facebook fills it over the next few hours.',
    backToReport: 'Back to the report',
  },

  copy: {
    copy: 'Copy',
    copyLabel: (what: string) => `Copy ${what}`,
    copied: 'Copied to the clipboard.',
    failed: 'The browser did not allow copying. Select the text and copy it yourself.',
    show: 'Show',
    hide: 'Hide',
  },

  syncs: {
    pageTitle: 'Audience Relay syncs',
    tagline:
      'Keep a Facebook Custom Audience up to date as users reach a step in Braze, or in any tool that can call a webhook.',
    openSyncs: 'Syncs',
    noRelayTitle: 'Connect to your relay first',
    relayFailingTitle: 'The relay does not work at the moment',
    settingsPrompt:
      'Syncs run on your relay. Check its address and your workspace key in the settings.',
    noRelay: {
      title: 'No relay is configured',
      explanation: 'The relay was removed from this browser, so its syncs can’t be shown.',
      steps: ['Connect to your relay again in the settings.'],
    },
    resumeAfterFix: 'Then choose Resume: the users queued meanwhile are delivered.',
    notification: {
      title: (name: string) => `Sync stopped: ${name}`,
      open: 'Click to see how to fix it.',
    },
    status: {
      draft: 'Draft',
      active: 'Active',
      paused: 'Paused',
      errored: 'Stopped on an error',
    },
    counts: {
      label: {
        entered: 'Entered',
        synced: 'Synced',
        notSynced: 'Not synced',
        pending: 'Pending',
        errored: 'Errored',
      },
      meaning: {
        entered: 'Users sent to the sync’s address and accepted.',
        synced: 'Users Facebook acknowledged.',
        notSynced: 'Users with no field to match on, or left out by a consent filter.',
        pending: 'Users waiting to be sent to Facebook.',
        errored: 'Users Facebook still refused after 13 hours of retries.',
      },
    },
    chart: {
      series: {
        entered: 'Entered',
        synced: 'Synced',
        notSynced: 'Not synced',
        errored: 'Errored',
      },
      summary: (hours: number, totals: string) =>
        `Users per minute over the last ${hours} ${hours === 1 ? 'hour' : 'hours'}. In total: ${totals}.`,
      showTable: 'Show the numbers as a table',
      tableCaption: (hours: number) =>
        `Users per minute over the last ${hours} ${hours === 1 ? 'hour' : 'hours'}, minutes with activity only`,
      minute: 'Minute',
      empty: 'Nothing happened in this period.',
    },
    list: {
      heading: 'Syncs',
      intro:
        'Each sync adds users to (or removes them from) one Custom Audience within seconds of their arrival.',
      newSync: 'New sync',
      loading: 'Loading the syncs…',
      emptyTitle: 'No syncs yet',
      emptyText:
        'Create one, launch it, then have a Braze Canvas webhook send each user who reaches a step to its address.',
    },
    detail: {
      loading: 'Loading the sync…',
      back: 'All syncs',
      pause: 'Pause',
      pausing: 'Pausing…',
      resume: 'Resume',
      resuming: 'Resuming…',
      delete: 'Delete',
      deleting: 'Deleting…',
      deleteTitle: (name: string) => `Delete ${name}?`,
      deleteText:
        'Its address stops accepting users at once, and users still waiting are not sent. The audience stays on Facebook with the users already in it.',
      deleteConfirm: 'Delete sync',
      keep: 'Keep it',
      deleted: 'The sync was deleted.',
      pausedNote:
        'Paused: its address refuses new users (HTTP 409) until you resume. Users already waiting are kept.',
      openInAdsManager: 'Open the audience in Ads Manager (opens in a new tab)',
      describe: (parts: {
        action: 'add' | 'remove';
        audience: string | null;
        adAccountId: string | null;
        fields: string;
      }) =>
        [
          parts.audience
            ? `${parts.action === 'add' ? 'Adds users to' : 'Removes users from'} “${parts.audience}”`
            : 'No audience chosen yet',
          parts.adAccountId ? `ad account ${parts.adAccountId}` : 'no ad account yet',
          parts.fields ? `matched on ${parts.fields}` : 'no fields yet',
        ].join(' · '),
      chartHeading: 'Activity',
      window: 'Period',
      lastHours: (hours: number) => `Last ${hours} ${hours === 1 ? 'hour' : 'hours'}`,
      chartLoading: 'Loading the activity…',
    },
    ingest: {
      heading: 'Send users to this sync',
      intro:
        'POST users to this address, one user object or a list of up to 1,000, with the secret as a Bearer token. Braze Canvas webhooks can do this for each user who reaches a step.',
      url: 'Address (ingest URL)',
      secret: 'Secret',
      loadingSecret: 'Loading the secret…',
      adminOnly:
        'Only workspace admins can see this sync’s secret. Ask an admin to set up the webhook.',
      rotate: 'Rotate secret',
      rotateTitle: 'Rotate the secret?',
      rotateText:
        'The current secret stops working at once: webhooks still using it are refused until you paste the new one.',
      rotateConfirm: 'Rotate now',
      rotating: 'Rotating…',
      keep: 'Keep the current secret',
      rotated: 'New secret made. Paste it into your webhook: the old one no longer works.',
      examples: 'Examples to paste: curl and a Braze Canvas webhook',
      curl: 'curl',
      brazeIntro:
        'In a Canvas, add a Webhook step: method POST, this address as the URL, these headers and this request body.',
      brazeHeaders: 'Braze webhook headers',
      brazeBody: 'Braze webhook request body',
    },
    editor: {
      heading: 'Settings',
      newHeading: 'New sync',
      launchedRules:
        'This sync is launched: you can rename it and change its consent filters and default country. Its ad account, audience, action and fields are locked, because the users waiting were prepared for them. To change those, create a new sync.',
      name: 'Sync name',
      nameHint: 'What the sync is for, for example Cart abandoners.',
      nameMissing: 'Give the sync a name.',
      adAccount: 'Ad account',
      chooseAdAccount: 'Choose an ad account',
      noAdAccounts:
        'No ad account is connected. An admin connects Facebook and chooses ad accounts in the settings.',
      termsPending: 'Meta’s Custom Audience terms are not accepted for this ad account yet.',
      acceptTerms: 'Accept the terms on Facebook (opens in a new tab)',
      audience: 'Audience',
      newAudience: 'Create a new audience at launch',
      audienceName: 'New audience’s name',
      audienceNameHint: 'Created in the ad account when you launch the sync.',
      existingAudience: 'Use an existing audience',
      chooseAccountFirst: 'Choose an ad account first.',
      audiencesLoading: 'Asking Facebook for the account’s audiences…',
      noAudiences: 'This ad account has no customer-list audiences yet.',
      size: (count: string) => `about ${count} people`,
      sizeUnknown: 'size not known yet',
      action: 'Action',
      actions: {
        add: 'Add users to the audience',
        remove: 'Remove users from the audience',
      },
      fields: 'Fields to match on',
      fieldsHint:
        'A user is sent when they have any one of these. More fields help Facebook match more people.',
      moreKeys: 'More keys',
      consent: 'Leave out',
      defaultCountry: 'Default country (optional)',
      defaultCountryHint:
        'For phone numbers without a country code and users without a country, for example US or France.',
      saveDraft: 'Save draft',
      saveChanges: 'Save changes',
      saving: 'Saving…',
      saved: 'Saved.',
      launch: 'Launch…',
      checking: 'Checking…',
      refusedTitle: 'This sync can’t launch yet',
      launchTitle: (name: string) => `Launch ${name}?`,
      launchText: {
        add: 'From now on, users sent to the sync’s address are added to the audience within seconds.',
        remove:
          'From now on, users sent to the sync’s address are removed from the audience within seconds.',
      },
      warning: 'Before you launch:',
      launchConfirm: 'Launch sync',
      launching: 'Launching…',
      notYet: 'Not yet',
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
    noRelay: {
      title: 'No relay is configured',
      explanation:
        'The relay was removed from this browser, so the workspace’s connections can’t be reached.',
      steps: ['Connect to your relay again at the top of this page.'],
    },
    loginWindow: {
      title: 'The Facebook window could not open',
      explanation: (detail: string) => `The browser could not show Facebook’s login (${detail}).`,
      steps: ['Try again.', 'If it keeps happening, restart the browser.'],
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
