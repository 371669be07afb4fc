export * from './roles.js';
export * from './permissions.js';
export * from './password-policy.js';
