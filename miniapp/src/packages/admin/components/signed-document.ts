/** A signed document's JSON pasted whole (another province's issuer document or whitelist export). */
export const signedDocumentPlaceholder = '{"body":"…","kid":"…","signature":"…"}';
