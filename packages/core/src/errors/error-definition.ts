export interface ErrorDefinition {
  readonly status: number;
  readonly fr: string;
  readonly en: string;
}
