/**
 * The public half of a throwaway RSA key that gives development and test builds of the
 * extension a stable id, so its OAuth redirect URL (`https://<id>.chromiumapp.org/`) and the
 * relay's CORS allowlist do not change between clones. Production builds carry no `key`
 * (the Chrome Web Store rejects it). The private half was never kept.
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6qut+PcVLosdGNA1p2hg7AxB4sbJ/VKxxCgKpkIx0T8sz0L86Jf4acMJy4e9wtAfcStbjGpWHu5ZHmcyyHQkZEzzEn6foNIXl3iEJ6ORqyqw8EzU7Z0hyKo0x6jc4LnhJIQODLsq/DqlSoRyUV+KKxq9cNjCWQjaWWtYS97WY1PVCDmX3c4Asiv3Ze4mnv6Ay4jLHvj+A0OsyXy9NHdkH1VxEgi83WeYfhfld0lQSROXo4U3zp+regqHDQvBB5GsnR82fetgzZtFDFZvdkyOXb0RpSbLARvcaWjK3ZSWVXeXqeXr21csKO+OcisQ2fHbbSz9jdUWgx6SfXW8CsEcFQIDAQAB';

/** Chromium's id for an extension carrying DEV_EXTENSION_KEY (checked by a unit test). */
export const DEV_EXTENSION_ID = 'emmimkdidliiamcijlddcdlnphenooif';
