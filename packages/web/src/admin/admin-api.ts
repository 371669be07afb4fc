import { api } from '../api/api.js';
import type {
  ApiToken,
  ApiTokenCreated,
  ItemList,
  Role,
  RoleInfo,
  Site,
  SiteInput,
  User,
  UserCreateInput,
  UserUpdateInput,
} from '../api/types.js';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  sites: ['admin', 'sites'] as const,
  tokens: ['admin', 'tokens'] as const,
};

export const fetchUsers = () => api.get<ItemList<User>>('/api/admin/users');
export const createUser = (input: UserCreateInput) => api.post<User>('/api/admin/users', input);
export const updateUser = (id: string, input: UserUpdateInput) =>
  api.patch<User>(`/api/admin/users/${encodeURIComponent(id)}`, input);

export const fetchRoles = () => api.get<ItemList<RoleInfo>>('/api/admin/roles');
export const updateRole = (role: Role, totpRequired: boolean) =>
  api.put<RoleInfo>(`/api/admin/roles/${encodeURIComponent(role)}`, { totpRequired });

export const fetchSites = () => api.get<ItemList<Site>>('/api/admin/sites');
export const createSite = (input: SiteInput) => api.post<Site>('/api/admin/sites', input);
export const updateSite = (id: string, input: Partial<SiteInput>) =>
  api.patch<Site>(`/api/admin/sites/${encodeURIComponent(id)}`, input);

export const fetchTokens = () => api.get<ItemList<ApiToken>>('/api/admin/tokens');
export const createToken = (name: string, scopes: string[]) =>
  api.post<ApiTokenCreated>('/api/admin/tokens', { name, scopes });
export const revokeToken = (id: string) => api.delete<undefined>(`/api/admin/tokens/${encodeURIComponent(id)}`);
