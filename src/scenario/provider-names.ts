// The provider presets a scenario may name in `platform.provider` (see src/scenario/providers.ts).
export const PROVIDER_NAMES = ['none', 'aws-lambda', 'google-cloud-functions', 'azure-functions', 'vhive-knative'] as const;
