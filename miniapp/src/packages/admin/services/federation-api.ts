import type {
  ImportIssuerRequest,
  ImportWhitelistRequest,
  RecognisedWhitelistView,
  SignedDocument,
  TrustedIssuerView,
} from '@pass/shared';
import { request } from '@/services/request';

/** 外省签发方 (全国互认): this deployment's own issuer document, the issuers it trusts and their whitelists. */
export const federationApi = {
  ownDocument: () => request<SignedDocument>('/federation/issuer', { anonymous: true }),
  list: () => request<TrustedIssuerView[]>('/admin/federation/issuers'),
  import: (body: ImportIssuerRequest) =>
    request<TrustedIssuerView>('/admin/federation/issuers', { method: 'POST', data: body }),
  suspend: (id: string) => request<TrustedIssuerView>(`/admin/federation/issuers/${id}/suspend`, { method: 'POST' }),
  reinstate: (id: string) =>
    request<TrustedIssuerView>(`/admin/federation/issuers/${id}/reinstate`, { method: 'POST' }),
  sync: (id: string) => request<TrustedIssuerView>(`/admin/federation/issuers/${id}/sync`, { method: 'POST' }),
  remove: (id: string) => request<void>(`/admin/federation/issuers/${id}`, { method: 'DELETE' }),
  whitelists: () => request<RecognisedWhitelistView[]>('/admin/federation/whitelists'),
  importWhitelist: (body: ImportWhitelistRequest) =>
    request<RecognisedWhitelistView>('/admin/federation/whitelists', { method: 'POST', data: body }),
  removeWhitelist: (id: string) => request<void>(`/admin/federation/whitelists/${id}`, { method: 'DELETE' }),
};
