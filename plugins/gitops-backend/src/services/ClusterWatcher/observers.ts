import { RawObserver } from './types';

/** One observer that hands every raw object to each of the given ones, in order. */
export function combineObservers(...observers: RawObserver[]): RawObserver {
  return {
    replaced: objects => observers.forEach(o => o.replaced(objects)),
    upserted: object => observers.forEach(o => o.upserted(object)),
    deleted: object => observers.forEach(o => o.deleted(object)),
  };
}
