export * from './vocabulary';
export * from './objectStatus';
export * from './cluster';
export * from './history';
export * from './xrd';
export * from './requests';
export * from './responses';
export * from './deliveries';
